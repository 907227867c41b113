import duckdb from '@duckdb/node-bindings';

/**
 * A chunk's VARCHAR column as JavaScript strings, with few native calls. The package's reader
 * (`DuckDBVarCharVector.getItem`) copies each string longer than 12 bytes out of DuckDB with a
 * native call and a new buffer of its own, then decodes it: on 1M Yammer messages, duplicate
 * efforts' 380k item ids and 204k texts took 2.1 s of the main thread that way (bench/README.md,
 * s14-c). Here the strings whose bytes lie one after another in DuckDB's memory (most do: a
 * column computed by an expression writes its strings in order) are copied by one call and
 * each decoded from that copy: the same strings.
 *
 * A VARCHAR vector is an array of 16-byte `string_t`: a uint32 length, then the bytes themselves
 * when there are at most 12, else a 4-byte prefix and an 8-byte pointer to them.
 */

const STRING_T = 16;
const INLINED = 12;
const decoder = new TextDecoder();

/**
 * Bytes copied by one call at most (a run longer is cut; a string longer than this is copied
 * alone). Small copies are made and freed in the C allocator's heap as the per-string copies
 * were; a chunk's texts at once (up to 4 MB) raised the peak RSS of duplicate efforts at 10M
 * messages by about 95 MiB (bench/README.md, s14-c).
 */
const RUN_BYTES = 16 * 1024;

/** The `length` values of column `column` of `chunk` (a `duckdb.DataChunk`, VARCHAR), null where NULL. */
export function varcharColumn(chunk: duckdb.DataChunk, column: number, length: number): (string | null)[] {
  const vector = duckdb.data_chunk_get_vector(chunk, column);
  const data = duckdb.vector_get_data(vector, length * STRING_T);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // Null when every row is valid (as the package's DuckDBValidity reads it); bit i of the
  // little-endian uint64 words is bit i % 8 of byte i / 8.
  const validity = duckdb.vector_get_validity(vector, Math.ceil(length / 64) * 8) as Uint8Array | null;
  const values: (string | null)[] = new Array<string | null>(length);
  /** The pending run of long strings: its first row, rows, and where its bytes end (a pointer, as a number). */
  let runFrom = -1;
  let runBytes = 0;
  let runEnd = -1;
  const rows: number[] = [];
  const flush = (): void => {
    if (runFrom >= 0) readRun(data, view, runFrom, rows, runBytes, values);
    runFrom = -1;
    rows.length = 0;
  };
  for (let i = 0; i < length; i += 1) {
    if (validity && ((validity[i >> 3] ?? 0) & (1 << (i & 7))) === 0) {
      values[i] = null;
      continue;
    }
    const at = i * STRING_T;
    const bytes = view.getUint32(at, true);
    if (bytes <= INLINED) {
      values[i] = inlined(data, at + 4, bytes);
      continue;
    }
    // User-space pointers are below 2^53: a double holds them exactly.
    const pointer = view.getUint32(at + 12, true) * 2 ** 32 + view.getUint32(at + 8, true);
    if (pointer !== runEnd || runBytes >= RUN_BYTES) {
      flush();
      runFrom = i;
      runBytes = 0;
    }
    rows.push(i);
    runBytes += bytes;
    runEnd = pointer + bytes;
  }
  flush();
  return values;
}

/** A string of at most 12 bytes stored in its `string_t`. */
function inlined(data: Uint8Array, from: number, bytes: number): string {
  let ascii = true;
  for (let k = 0; k < bytes && ascii; k += 1) ascii = (data[from + k] ?? 0) < 0x80;
  return ascii
    ? String.fromCharCode(...data.subarray(from, from + bytes))
    : decoder.decode(data.subarray(from, from + bytes));
}

/**
 * The long strings of `rows` (their bytes contiguous, `total` in all, the first pointed to by row
 * `first`'s \`string_t\`): copied by one call, each decoded on its own. Not one decode cut into
 * slices: V8 keeps a slice's whole parent alive, and a caller that keeps a few strings of a
 * chunk (a set of distinct ids) would keep every string of it.
 */
function readRun(
  data: Uint8Array,
  view: DataView,
  first: number,
  rows: readonly number[],
  total: number,
  values: (string | null)[],
): void {
  const bytes = duckdb.get_data_from_pointer(data.buffer as ArrayBuffer, data.byteOffset + first * STRING_T + 8, total);
  let from = 0;
  for (const row of rows) {
    const to = from + view.getUint32(row * STRING_T, true);
    values[row] = decoder.decode(bytes.subarray(from, to));
    from = to;
  }
}
