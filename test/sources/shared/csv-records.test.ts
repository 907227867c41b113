import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openCsv, type CsvItem, type CsvTable } from '../../../src/sources/shared/csv-records.js';
import { memoryTree } from '../../../src/sources/input-tree.js';
import type { InputFile, Problem } from '../../../src/sources/types.js';

/** A file whose stream delivers `chunkSize` bytes at a time, to cut characters and CRLFs in two. */
function chunkedFile(name: string, bytes: Buffer, chunkSize: number): InputFile {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return { name, displayPath: `mem/${name}`, size: bytes.length, open: async () => Readable.from(chunks) };
}

function memoryFile(body: string | Buffer): InputFile {
  return memoryTree('mem', { 'data.csv': body }).find('data.csv')!;
}

async function readAll(file: InputFile) {
  const problems: Problem[] = [];
  const table = await openCsv(file, (p) => problems.push(p));
  const items: CsvItem[] = [];
  for await (const item of table.rows()) items.push(item);
  return { table, items, problems };
}

describe('openCsv', () => {
  it('maps fields by trimmed, lower-cased header names, with multi-line quoted fields and their start lines', async () => {
    const { table, items, problems } = await readAll(
      memoryFile('\uFEFF Id ,Sender_ID,Body\n1,7,"two\nlines, one comma"\n2,8,"say ""hi"""\n'),
    );
    expect(table.columns).toEqual(['id', 'sender_id', 'body']);
    expect(table.has('sender_id')).toBe(true);
    expect(table.has('Sender_ID')).toBe(false);
    expect(table.headerLine).toBe(1);
    expect(items).toEqual([
      { type: 'row', line: 2, fields: { id: '1', sender_id: '7', body: 'two\nlines, one comma' } },
      { type: 'row', line: 4, fields: { id: '2', sender_id: '8', body: 'say "hi"' } },
    ]);
    expect(problems).toEqual([]);
  });

  it('counts lines the same with CRLF, LF and lone CR mixed, and skips blank lines', async () => {
    // Line 1 header (CRLF), 2 row a (LF), 3 blank, 4-5 row b (CRLF inside quotes), 6 row c (CR).
    const { items } = await readAll(memoryFile('k,v\r\na,1\n\r\nb,"x\r\ny"\r\nc,3\rd,4'));
    expect(items.map((i) => [i.line, i.type === 'row' ? i.fields : null])).toEqual([
      [2, { k: 'a', v: '1' }],
      [4, { k: 'b', v: 'x\ny' }],
      [6, { k: 'c', v: '3' }],
      [7, { k: 'd', v: '4' }],
    ]);
  });

  it('reports rows with a wrong field count as malformed and keeps reading', async () => {
    const { items, problems } = await readAll(memoryFile('a,b,c\n1,2,3\n1,2\n1,2,3,4\n4,5,6\n'));
    expect(items.map((i) => [i.type, i.line])).toEqual([
      ['row', 2],
      ['malformed', 3],
      ['malformed', 4],
      ['row', 5],
    ]);
    expect(problems).toEqual([
      { file: 'mem/data.csv', line: 3, reason: 'malformed', detail: 'expected 3 fields as in the header, found 2' },
      { file: 'mem/data.csv', line: 4, reason: 'malformed', detail: 'expected 3 fields as in the header, found 4' },
    ]);
  });

  it('turns an unclosed quote at the end into one malformed record naming its first line', async () => {
    // Header 1, row 2, blank line 3, row starting on 4 runs to EOF (line 6) without a closing quote.
    const { items, problems } = await readAll(memoryFile('id,body\n1,ok\n\n2,"never\nclosed\nat all'));
    expect(items).toEqual([
      { type: 'row', line: 2, fields: { id: '1', body: 'ok' } },
      {
        type: 'malformed',
        line: 4,
        detail:
          'the record starting on line 4 has a quoted field that is never closed (truncated file?); it is not read',
      },
    ]);
    expect(problems.map((p) => [p.line, p.reason])).toEqual([[4, 'malformed']]);
  });

  it('reads an empty file as no rows plus one problem, and a header-only file as no rows', async () => {
    const empty = await readAll(memoryFile(''));
    expect(empty.table.columns).toEqual([]);
    expect(empty.items).toEqual([]);
    expect(empty.problems).toEqual([{ file: 'mem/data.csv', line: null, reason: 'empty', detail: 'empty file' }]);
    const headerOnly = await readAll(memoryFile('id,body\r\n'));
    expect(headerOnly.table.columns).toEqual(['id', 'body']);
    expect(headerOnly.items).toEqual([]);
    expect(headerOnly.problems).toEqual([]);
  });

  it('reads UTF-16LE and UTF-16BE with BOM (Excel "Unicode text", tab-separated)', async () => {
    const text = 'id\tname\r\n1\tJosé Ñúñez\r\n2\t"a, b"\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const bytes of [le, be]) {
      // 3-byte chunks split the 2-byte code units across chunks.
      const { table, items, problems } = await readAll(chunkedFile('u16.csv', bytes, 3));
      expect(table.delimiter).toBe('\t');
      expect(items).toEqual([
        { type: 'row', line: 2, fields: { id: '1', name: 'José Ñúñez' } },
        { type: 'row', line: 3, fields: { id: '2', name: 'a, b' } },
      ]);
      expect(problems).toEqual([]);
    }
  });

  it('keeps multi-byte UTF-8 characters and CRLFs whole when chunks cut them in two', async () => {
    const bytes = Buffer.from('\uFEFFid,name\r\n1,😀 Zoë 東京\r\n', 'utf8');
    const { items, problems } = await readAll(chunkedFile('utf8.csv', bytes, 1));
    expect(items).toEqual([{ type: 'row', line: 2, fields: { id: '1', name: '😀 Zoë 東京' } }]);
    expect(problems).toEqual([]);
  });

  it('reads bytes that are not UTF-8 as Windows-1252, reporting it once for the file', async () => {
    // 0xE9 is é and 0x80 is € in Windows-1252; neither is valid UTF-8 on its own.
    const bytes = Buffer.concat([
      Buffer.from('id,name\n1,Jos'),
      Buffer.from([0xe9]),
      Buffer.from('\n2,'),
      Buffer.from([0x80]),
      Buffer.from('5\n'),
    ]);
    const { items, problems } = await readAll(memoryFile(bytes));
    expect(items).toEqual([
      { type: 'row', line: 2, fields: { id: '1', name: 'José' } },
      { type: 'row', line: 3, fields: { id: '2', name: '€5' } },
    ]);
    expect(problems).toEqual([
      { file: 'mem/data.csv', line: null, reason: 'encoding', detail: 'not UTF-8; read as Windows-1252' },
    ]);
  });

  it('detects the delimiter from the header line, ignoring quoted text', async () => {
    const semicolon = await readAll(memoryFile('"a,b";c;d\n1;2;3\n'));
    expect(semicolon.table.delimiter).toBe(';');
    expect(semicolon.table.columns).toEqual(['a,b', 'c', 'd']);
    expect(semicolon.items).toEqual([{ type: 'row', line: 2, fields: { 'a,b': '1', c: '2', d: '3' } }]);
    const single = await readAll(memoryFile('id\n1\n'));
    expect(single.table.delimiter).toBe(',');
  });

  it('keeps the first of two columns with the same name and reports the second', async () => {
    const { items, problems } = await readAll(memoryFile('id,Name,name\n1,first,second\n'));
    expect(items).toEqual([{ type: 'row', line: 2, fields: { id: '1', name: 'first' } }]);
    expect(problems).toEqual([
      {
        file: 'mem/data.csv',
        line: 1,
        reason: 'duplicateColumn',
        detail: 'column "name" appears twice; the first one is used',
      },
    ]);
  });

  it('closes the file when the caller stops early or closes the table unread', async () => {
    expect(
      await stopsEarly((table) =>
        (async () => {
          for await (const item of table.rows()) if (item.line >= 3) break;
        })(),
      ),
    ).toBe(true);
    expect(await stopsEarly((table) => table.close())).toBe(true);
  });
});

/** Whether the stream of a 10,000-row file is destroyed after `stop` (and a turn of the event loop). */
async function stopsEarly(stop: (table: CsvTable) => Promise<void>): Promise<boolean> {
  let destroyed = false;
  const file: InputFile = {
    name: 'big.csv',
    displayPath: 'mem/big.csv',
    size: null,
    open: async () => {
      const stream = Readable.from(
        (function* () {
          yield Buffer.from('id\n');
          for (let i = 0; i < 10_000; i++) yield Buffer.from(`${i}\n`);
        })(),
      );
      stream.on('close', () => (destroyed = true));
      return stream;
    },
  };
  await stop(await openCsv(file, () => {}));
  await new Promise((resolve) => setImmediate(resolve));
  return destroyed;
}
