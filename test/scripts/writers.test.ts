import { statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMediaWikiDump } from '../../scripts/generate/mediawiki-writer.js';
import { utc, type Person, type SpaceSpec, type ThreadSpec } from '../../scripts/generate/model.js';
import { csvRow } from '../../scripts/generate/output.js';
import { Rng } from '../../scripts/generate/prng.js';
import { slackEscape, writeSlackExport } from '../../scripts/generate/slack-writer.js';
import { mergeByStart, postsInTimeOrder } from '../../scripts/generate/timeline.js';
import { writeYammerExport } from '../../scripts/generate/yammer-writer.js';
import { readCsv, readSlackDays } from './read-export.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'writers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Rng', () => {
  it('repeats a sequence for one seed and derives independent named streams', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const seqA = Array.from({ length: 5 }, () => a.int(1, 6));
    expect(Array.from({ length: 5 }, () => b.int(1, 6))).toEqual(seqA);
    expect(seqA.every((n) => n >= 1 && n <= 6)).toBe(true);
    expect(new Rng(7).fork('x').float()).toBe(new Rng(7).fork('x').float());
    expect(new Rng(7).fork('x').float()).not.toBe(new Rng(7).fork('y').float());
  });
});

describe('output helpers', () => {
  it('quotes CSV fields with commas, quotes and newlines only, ending rows in CRLF', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'x\ny', ''])).toBe('a,"b,c","say ""hi""","x\ny",\r\n');
  });

  it('escapes Slack text entities', () => {
    expect(slackEscape('R&D <-> ops')).toBe('R&amp;D &lt;-&gt; ops');
  });
});

const person = (key: string): Person => ({
  key,
  name: key,
  email: `${key}@x.example`,
  department: 'Sales',
  jobTitle: '',
  location: 'Berlin',
  yammerId: '1',
  slackId: 'U1',
  slackEmail: true,
  wikiUser: null,
  role: null,
  moderatorSince: null,
  joinMonth: 0,
  weight: 1,
});
const space: SpaceSpec = {
  source: 'yammer',
  id: 'g',
  name: 'g',
  kind: 'group',
  description: '',
  department: null,
  members: [],
  createdAt: 0,
  createdBy: person('a'),
};
const t = (start: string, ...replies: string[]): ThreadSpec => ({
  space,
  posts: [start, ...replies].map((when, i) => ({
    author: person('a'),
    at: utc(when),
    text: `${start}#${i}`,
    replyTo: i === 0 ? null : 0,
  })),
});

describe('timeline', () => {
  it('emits the posts of start-ordered threads in global time order', () => {
    const threads = [t('2026-03-01T10:00', '2026-03-03T10:00'), t('2026-03-02T10:00', '2026-03-02T11:00')];
    const order = [...postsInTimeOrder(threads)].map((p) => p.post.text);
    expect(order).toEqual(['2026-03-01T10:00#0', '2026-03-02T10:00#0', '2026-03-02T10:00#1', '2026-03-01T10:00#1']);
  });

  it('merges two start-ordered streams', () => {
    const merged = [...mergeByStart([t('2026-03-01T10:00'), t('2026-03-05T10:00')], [t('2026-03-03T10:00')])].map(
      (x) => x.posts[0]?.text,
    );
    expect(merged).toEqual(['2026-03-01T10:00#0', '2026-03-03T10:00#0', '2026-03-05T10:00#0']);
  });
});

describe('writers sized for a benchmark', () => {
  // 5,000 rows (it was 20,000) still cover what the size is for: Messages.csv is about 1.5 MB,
  // about a hundred times the write stream's 16 KB buffer, so the writer waits on 'drain' many
  // times, and 5,000 is where the text factory leaves its small-export mode, as in the Slack test.
  it('writes exactly the requested number of Yammer rows, streaming', async () => {
    const out = join(dir, 'yammer');
    const result = await writeYammerExport(out, { messages: 5_000, seed: 42 });
    const { rows } = await readCsv(join(out, 'Messages.csv'));
    expect(rows.length).toBe(5_000);
    expect(result.stats.records).toBe(5_000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(5_000);
    expect(statSync(join(out, 'Messages.csv')).size).toBeGreaterThan(64 * 16 * 1024);
  });

  it('writes exactly the requested number of Slack messages', async () => {
    const out = join(dir, 'slack');
    const result = await writeSlackExport(out, { messages: 5_000, seed: 42 });
    const messages = (await readSlackDays(out)).flatMap((d) => d.messages);
    expect(messages.length).toBe(5_000);
    expect(result.stats.records).toBe(5_000);
  });

  it('writes generated wiki pages: 20 pages of 5 revisions', async () => {
    const file = join(dir, 'wiki.xml');
    const result = await writeMediaWikiDump(file, { seed: 42, pages: 20, revisionsPerPage: 5 });
    expect(result).toEqual({ pages: 20, revisions: 100, anonymous: 0, creations: 20 });
    expect((await readFile(file, 'utf8')).match(/<revision>/g)?.length).toBe(100);
  });
});
