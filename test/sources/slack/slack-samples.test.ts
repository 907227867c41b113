import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { folderTree } from '../../../src/sources/input-tree.js';
import { slackSource } from '../../../src/sources/slack/index.js';
import { zipTree } from '../../../src/sources/zip-tree.js';
import { collect, type Collected } from './collect.js';
import { sharedSample } from '../../helpers/shared-samples.js';

const SAMPLES = sharedSample('slack');

/**
 * Counts verified by reading the sample files (see their PROVENANCE.md):
 * - hfaran (official 2016 export): 158 messages = 94 bot_message + 8 channel_join + 3 bot_add
 *   (system, though they carry a bot_id) + 49 plain + 3 file_share + 1 file_comment (53 used, all
 *   posts: the export predates threads). Its one reaction is on a bot message, so it is dropped.
 * - slackdump source_export_dir: 16 messages in B75B4C7/ = 1 channel_join, 1 tombstone (a deleted
 *   thread parent), 1 with bot_id B089LPE68BB, 13 used: 9 posts and 4 replies (two in the thread
 *   of 1736478630.905399, one in that of 1736554801.872639, one under the tombstone).
 */
function expectHfaran(out: Collected): void {
  expect(out.records).toEqual({ read: 158, used: 53, skipped: 105, skippedByReason: { bot: 94, system: 11 } });
  expect(out.activities.every((a) => a.kind === 'post')).toBe(true);
  expect(out.identities.map((i) => i.name)).toEqual([
    'Harry Potter',
    'Hermione Granger',
    'Hamza Faran',
    'heroeshannibal',
  ]);
  expect(out.spaces.map((s) => s.name)).toEqual(['enrique', 'traveling-sailor']);
  expect(out.reactions).toEqual([]);
  expect(out.problems).toEqual([]);
  // The first used message (ts 1452837352) is 2016-01-15T05:55:52Z although it sits in
  // enrique/2016-01-14.json, a Pacific-time day: times come from ts, never from file names.
  const times = out.activities.map((a) => a.at).sort((a, b) => a - b);
  expect(new Date(times[0] ?? 0).toISOString()).toBe('2016-01-15T05:55:52.000Z');
  expect(out.activities.find((a) => a.at === times[0])?.provenance.file).toMatch(/enrique\/2016-01-14\.json$/);
  expect(new Date(times[times.length - 1] ?? 0).toISOString()).toBe('2016-03-28T08:52:54.000Z');
  expect(out.activities.find((a) => a.id === 'slack:C0JL6CGQ2:1459106048.000018')?.identityId).toBe('slack:U0BMS113R');
}

describe.skipIf(!existsSync(SAMPLES))('slackSource on the real samples', () => {
  it('reads the official 2016 export unpacked', async () => {
    const tree = await folderTree(`${SAMPLES}/hfaran-slack-export-viewer/extracted`);
    expect(await slackSource.detect(tree)).toBe(true);
    const out = await collect(slackSource, tree);
    expectHfaran(out);
    expect(out.files).toBe(19);
  });

  it('reads the same export from its zip', async () => {
    const { tree, problems } = await zipTree(`${SAMPLES}/hfaran-slack-export-viewer/testarchive.zip`);
    try {
      expect(problems).toEqual([]);
      expect(await slackSource.detect(tree)).toBe(true);
      expectHfaran(await collect(slackSource, tree));
    } finally {
      await tree.close();
    }
  });

  it('reads the slackdump export with threads, a tombstone and a bot', async () => {
    const tree = await folderTree(`${SAMPLES}/slackdump-source-export-dir`);
    expect(await slackSource.detect(tree)).toBe(true);
    const out = await collect(slackSource, tree);
    expect(out.records).toEqual({ read: 16, used: 13, skipped: 3, skippedByReason: { system: 1, deleted: 1, bot: 1 } });
    expect(out.activities.filter((a) => a.kind === 'reply').map((a) => a.threadId)).toEqual([
      'slack:CO69735E8A:1736478630.905399',
      'slack:CO69735E8A:1736478630.905399',
      'slack:CO69735E8A:1736554801.872639',
      'slack:CO69735E8A:1736554828.343759',
    ]);
    expect(out.identities.filter((i) => i.isBot)).toHaveLength(6);
    expect(out.files).toBe(9);
    expect(out.problems).toEqual([]);
  });

  it('does not take the metadata-only folder for an export', async () => {
    expect(await slackSource.detect(await folderTree(`${SAMPLES}/slackdump-export-metadata`))).toBe(false);
  });
});
