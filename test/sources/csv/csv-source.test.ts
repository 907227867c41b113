import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { csvSource, createCsvSource, type CsvMapping } from '../../../src/sources/csv/index.js';
import { memoryTree, singleFileTree } from '../../../src/sources/input-tree.js';
import { runSource } from '../mediawiki/run-source.js';

const CASE = path.resolve(import.meta.dirname, '../../fixtures/csv/replies-reaction-private-bad-rows');
const chatCsv = readFileSync(path.join(CASE, 'chat.csv'));
const mappingJson = readFileSync(path.join(CASE, 'pilot-report.csv.json'));

interface Expected {
  read: number;
  skippedByReason: Record<string, number>;
  problems: string[];
  identities: unknown[];
  spaces: unknown[];
  activities: { at: string; line: number }[];
}

describe('csvSource on the fixture', () => {
  // Hand count: 10 data rows (m2 spans lines 3-4). Used 6: m1 post, m2 reply to m1, m3 reply to m2
  // (thread of m2 = m1), r1 reaction to m1, m7 post, m8 reply through the Thread column. Skipped 4:
  // m4 31 February (malformed), m5 no author (missingField), m6 DM (private), m9 six fields (malformed).
  it('maps posts, replies, a reaction, and skips bad rows with file:line problems', async () => {
    const expected = JSON.parse(readFileSync(path.join(CASE, 'expected.json'), 'utf8')) as Expected;
    const tree = memoryTree('in', { 'chat.csv': chatCsv, 'pilot-report.csv.json': mappingJson });
    expect(await csvSource.detect(tree)).toBe(true);
    const run = await runSource(csvSource, tree);
    expect(run.read).toBe(expected.read);
    expect(run.skippedByReason).toEqual(expected.skippedByReason);
    expect(run.problems.map((p) => `${p.line} ${p.detail}`)).toEqual(expected.problems);
    expect(run.problems.every((p) => p.file === 'in/chat.csv')).toBe(true);
    expect(run.identities).toEqual(expected.identities);
    expect(run.spaces).toEqual(expected.spaces);
    expect(
      run.activities.map(({ source, title, mentions, provenance, at, ...rest }) => {
        expect({ source, title, mentions, file: provenance.file }).toEqual({
          source: 'csv',
          title: null,
          mentions: [],
          file: 'in/chat.csv',
        });
        return { ...rest, at: new Date(at).toISOString(), line: provenance.line };
      }),
    ).toEqual(expected.activities);
    expect(run.files).toEqual(['in/chat.csv']);
  });

  it('with --include-private uses the DM and marks its space private', async () => {
    const tree = memoryTree('in', { 'chat.csv': chatCsv, 'pilot-report.csv.json': mappingJson });
    const run = await runSource(csvSource, tree, { includePrivate: true });
    // m6 has no Room: it lands in the file's space "chat"; 7 used + 3 skipped = 10.
    expect(run.activities).toHaveLength(7);
    expect(run.skippedByReason).toEqual({ malformed: 2, missingField: 1 });
    expect(run.spaces.find((s) => s.id === 'csv:chat')).toEqual({
      id: 'csv:chat',
      source: 'csv',
      name: 'chat',
      kind: 'channel',
      isPrivate: true,
    });
  });
});

describe('createCsvSource with a config mapping', () => {
  const mapping: CsvMapping = {
    timestamp: 'ts',
    timestampFormat: 'epoch-ms',
    author: 'who',
    text: 'what',
    spaceName: 'Pilot chat',
  };

  it('reads rows as threads of one in one named space, ignoring mapping files', async () => {
    const csv = 'ts,who,what\n1767607200000,ana,hello\n1767607260000,bob,hi\n';
    const run = await runSource(
      createCsvSource(mapping),
      memoryTree('in', { 'log.csv': csv, 'pilot-report.csv.json': '{"broken": true}' }),
    );
    // No messageId column: ids come from the file and line. 1767607200000 ms = 2026-01-05T10:00:00Z.
    expect(run.activities.map((a) => [a.id, a.kind, a.threadId, new Date(a.at).toISOString()])).toEqual([
      ['csv:Pilot chat:log.csv:2', 'post', 'csv:Pilot chat:log.csv:2', '2026-01-05T10:00:00.000Z'],
      ['csv:Pilot chat:log.csv:3', 'post', 'csv:Pilot chat:log.csv:3', '2026-01-05T10:01:00.000Z'],
    ]);
    expect(run.spaces).toEqual([
      { id: 'csv:Pilot chat', source: 'csv', name: 'Pilot chat', kind: 'channel', isPrivate: false },
    ]);
  });

  it('says the export records no reactions when the mapping has no reaction column', async () => {
    const csv = 'ts,who,what\n1767607200000,ana,hello\n';
    expect((await runSource(createCsvSource(mapping), memoryTree('in', { 'log.csv': csv }))).recordsReactions).toBe(
      false,
    );
    const withReactions = createCsvSource({ ...mapping, messageId: 'id', reactionTo: 'on' });
    const run = await runSource(
      withReactions,
      memoryTree('in', { 'log.csv': 'id,ts,who,what,on\n1,1767607200000,ana,hello,\n' }),
    );
    expect(run.recordsReactions).toBe(true);
  });

  it('stops with the column name when a mapped column is not in the header', async () => {
    const run = runSource(createCsvSource(mapping), memoryTree('in', { 'log.csv': 'ts,author,what\n1,ana,x\n' }));
    await expect(run).rejects.toThrow(
      'in/log.csv:1: column "who" (mapping author) is not in the header\n  hint: the header has: ts, author, what',
    );
  });

  it('refuses a timestamp pattern it cannot read', async () => {
    const bad = createCsvSource({ ...mapping, timestampFormat: 'dd/MM/yyyy QQ' });
    await expect(runSource(bad, memoryTree('in', { 'log.csv': 'ts,who,what\n' }))).rejects.toThrow(
      /timestamp pattern "dd\/MM\/yyyy QQ": "Q" is not a known field/,
    );
  });

  it('warns when replies are mapped but messages have no id to point at', async () => {
    const run = await runSource(
      createCsvSource({ ...mapping, parentId: 're' }),
      memoryTree('in', { 'log.csv': 'ts,who,what,re\n1767607200000,ana,x,\n' }),
    );
    expect(run.problems.map((p) => `${p.line} ${p.reason}`)).toEqual(['1 mapping']);
    expect(run.activities).toHaveLength(1);
  });
});

describe('mapping files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pilot-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is only detected with a mapping file in the input, in the CSV folder, or beside a single file', async () => {
    expect(await csvSource.detect(memoryTree('in', { 'chat.csv': chatCsv }))).toBe(false);
    expect(
      await csvSource.detect(memoryTree('in', { 'team/chat.csv': chatCsv, 'team/pilot-report.csv.json': mappingJson })),
    ).toBe(true);
    writeFileSync(path.join(dir, 'chat.csv'), chatCsv);
    expect(await csvSource.detect(await singleFileTree(path.join(dir, 'chat.csv')))).toBe(false);
    writeFileSync(path.join(dir, 'pilot-report.csv.json'), mappingJson);
    const tree = await singleFileTree(path.join(dir, 'chat.csv'));
    expect(await csvSource.detect(tree)).toBe(true);
    expect((await runSource(csvSource, tree)).activities).toHaveLength(6);
  });

  it('names the file when there is no mapping, or when it is not JSON or not a mapping', async () => {
    const none = runSource(csvSource, memoryTree('in', { 'chat.csv': chatCsv }));
    await expect(none).rejects.toBeInstanceOf(InputError);
    await expect(none).rejects.toThrow(/^in\/chat\.csv: has no column mapping\n {2}hint: give one in the config/);
    const notJson = runSource(
      csvSource,
      memoryTree('in', { 'chat.csv': chatCsv, 'pilot-report.csv.json': '{timestamp: Sent}' }),
    );
    await expect(notJson).rejects.toThrow(/^in\/pilot-report\.csv\.json: is not valid JSON/);
    const noAuthor = runSource(
      csvSource,
      memoryTree('in', { 'chat.csv': chatCsv, 'pilot-report.csv.json': '{"timestamp": "Sent", "colour": "x"}' }),
    );
    await expect(noAuthor).rejects.toThrow(
      /^in\/pilot-report\.csv\.json: is not a usable CSV column mapping \(author: .*; \(top\): Unrecognized key: "colour"\)/,
    );
  });
});
