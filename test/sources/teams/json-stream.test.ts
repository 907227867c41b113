import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type JsonEvent, readJsonArray, readJsonEvents } from '../../../src/sources/shared/json-stream.js';

/** A stream cut into pieces of `size` bytes, so tokens and UTF-8 characters straddle chunks. */
function chunked(text: string, size: number): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return Readable.from(pieces);
}

async function events(text: string, size = 1): Promise<JsonEvent[]> {
  const out: JsonEvent[] = [];
  for await (const event of readJsonEvents(chunked(text, size))) out.push(event);
  return out;
}

async function failure(text: string): Promise<string> {
  try {
    await events(text, 2);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'no error';
}

describe('readJsonEvents', () => {
  it('streams the elements of a root array with their lines, whatever the chunk size', async () => {
    const text = '\uFEFF[\n {"a": "x]\\"}é"},\n 2, true, "s" ,null\n]';
    const expected: JsonEvent[] = [
      { type: 'rootStart', kind: 'array', line: 1 },
      { type: 'item', value: { a: 'x]"}é' }, line: 2, index: 0 },
      { type: 'item', value: 2, line: 3, index: 1 },
      { type: 'item', value: true, line: 3, index: 2 },
      { type: 'item', value: 's', line: 3, index: 3 },
      { type: 'item', value: null, line: 3, index: 4 },
      { type: 'rootEnd', kind: 'array', line: 4 },
    ];
    expect(await events(text, 1)).toEqual(expected);
    expect(await events(text, 7)).toEqual(expected);
    expect(await events(text, 1000)).toEqual(expected);
  });

  it('streams the value array of Graph pages, with the other members, page after page', async () => {
    const text = '{"@odata.context":"c","value":[{"id":1},\n{"id":[2,{}]}],"n":3}\n{"x":1}';
    expect(await events(text, 3)).toEqual([
      { type: 'rootStart', kind: 'object', line: 1 },
      { type: 'member', key: '@odata.context', value: 'c', line: 1 },
      { type: 'valueStart', line: 1 },
      { type: 'item', value: { id: 1 }, line: 1, index: 0 },
      { type: 'item', value: { id: [2, {}] }, line: 2, index: 1 },
      { type: 'member', key: 'n', value: 3, line: 2 },
      { type: 'rootEnd', kind: 'object', line: 2 },
      { type: 'rootStart', kind: 'object', line: 3 },
      { type: 'member', key: 'x', value: 1, line: 3 },
      { type: 'rootEnd', kind: 'object', line: 3 },
    ]);
  });

  it('places structural errors at their line and column', async () => {
    expect(await failure('[{"a":1} {"a":2}]')).toBe('line 1, column 10: expected "," or "]" but found "{"');
    expect(await failure('{"a":1')).toBe('line 1, column 7: unexpected end of the file');
    expect(await failure('{"a" 1}')).toBe('line 1, column 6: expected ":" but found "1"');
    expect(await failure('x')).toBe('line 1, column 1: expected "[" or "{" but found "x"');
    expect(await failure('[1,]')).toBe('line 1, column 4: expected a value but found "]"');
  });

  it('reports an invalid record at the line it starts on', async () => {
    expect(await failure('[{"a":1},\n{"a":}]')).toMatch(/^line 2, column \d+: Unexpected token/);
  });
});

describe('readJsonArray', () => {
  it('returns all elements or none', async () => {
    expect(await readJsonArray(chunked('[{"a":1},\n{"b":2}]', 4))).toEqual({
      items: [
        { value: { a: 1 }, line: 1 },
        { value: { b: 2 }, line: 2 },
      ],
    });
    expect(await readJsonArray(chunked('[{"a":1},\n{"b":', 4))).toEqual({
      failure: { line: 2, detail: 'is not valid JSON (line 2, column 6: unexpected end of the file)' },
    });
    expect(await readJsonArray(chunked('{"value": []}', 4))).toEqual({
      failure: { line: 1, detail: 'is not one JSON array' },
    });
    expect(await readJsonArray(chunked('[] []', 4))).toEqual({ failure: { line: 1, detail: 'is not one JSON array' } });
    expect(await readJsonArray(chunked('  \n', 4))).toEqual({
      failure: { line: null, detail: 'is empty, not a JSON array' },
    });
  });
});
