/**
 * A minimal ONNX (protobuf) writer for test graphs: enough of onnx.proto3 to build a model from a
 * few nodes, float/int64 initializers and tensor inputs and outputs. No real sentence-embedding
 * model can be downloaded here, so tests run the embedding path on graphs written this way.
 */

/** ONNX TensorProto.DataType values used here. */
export const FLOAT = 1;
export const INT64 = 7;

type Field = Uint8Array;

function varint(value: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function intField(no: number, value: number | bigint): Field {
  return Uint8Array.from([...varint(no << 3), ...varint(value)]);
}

function bytesField(no: number, bytes: Uint8Array): Field {
  return concat([Uint8Array.from([...varint((no << 3) | 2), ...varint(bytes.length)]), bytes]);
}

function stringField(no: number, text: string): Field {
  return bytesField(no, new TextEncoder().encode(text));
}

function message(no: number, fields: readonly Field[]): Field {
  return bytesField(no, concat(fields));
}

/** A tensor dimension: a fixed size or a symbolic name (`batch`). */
export type Dim = number | string;

/** A graph input or output: name, element type, shape. */
export interface ValueInfo {
  name: string;
  type: number;
  shape: readonly Dim[];
}

/** An attribute: an int, a list of ints. */
export type Attribute = { name: string; int: number } | { name: string; ints: readonly number[] };

export interface GraphNode {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes?: readonly Attribute[];
}

export interface Initializer {
  name: string;
  type: typeof FLOAT | typeof INT64;
  dims: readonly number[];
  /** Row-major values (a typed array keeps a large table cheap). */
  values: ArrayLike<number>;
}

export interface GraphSpec {
  opset: number;
  nodes: readonly GraphNode[];
  initializers: readonly Initializer[];
  inputs: readonly ValueInfo[];
  outputs: readonly ValueInfo[];
}

function valueInfo(no: number, v: ValueInfo): Field {
  const dims = v.shape.map((d) => message(1, [typeof d === 'number' ? intField(1, d) : stringField(2, d)]));
  const tensorType = message(1, [intField(1, v.type), message(2, dims)]);
  return message(no, [stringField(1, v.name), message(2, [tensorType])]);
}

function attribute(a: Attribute): Field {
  return 'int' in a
    ? message(5, [stringField(1, a.name), intField(3, a.int), intField(20, 2)])
    : message(5, [stringField(1, a.name), ...a.ints.map((i) => intField(8, i)), intField(20, 7)]);
}

function node(n: GraphNode, index: number): Field {
  return message(1, [
    ...n.inputs.map((i) => stringField(1, i)),
    ...n.outputs.map((o) => stringField(2, o)),
    stringField(3, `${n.op}_${index}`),
    stringField(4, n.op),
    ...(n.attributes ?? []).map(attribute),
  ]);
}

function initializer(t: Initializer): Field {
  const raw =
    t.type === FLOAT
      ? new Uint8Array(Float32Array.from(t.values).buffer)
      : new Uint8Array(BigInt64Array.from(Array.from(t.values, (v) => BigInt(v))).buffer);
  return message(5, [
    ...t.dims.map((d) => intField(1, d)),
    intField(2, t.type),
    stringField(8, t.name),
    bytesField(9, raw),
  ]);
}

/** The bytes of an ONNX ModelProto (IR version 8) holding `spec`. */
export function onnxModel(spec: GraphSpec): Uint8Array {
  const graph = message(7, [
    ...spec.nodes.map(node),
    stringField(2, 'test-graph'),
    ...spec.initializers.map(initializer),
    ...spec.inputs.map((v) => valueInfo(11, v)),
    ...spec.outputs.map((v) => valueInfo(12, v)),
  ]);
  return concat([
    intField(1, 8),
    stringField(2, 'pilot-report test'),
    graph,
    message(8, [stringField(1, ''), intField(2, spec.opset)]),
  ]);
}
