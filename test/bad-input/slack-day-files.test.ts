/**
 * Slack day files written the way re-exporters and hurried hands write them (issue 19, item 13):
 * gzipped, one folder deeper, with an unpadded date; what cannot be read is named and counted.
 */
import { describe, expect, it } from 'vitest';
import { fixture, load, reconciled } from './harness.js';

describe('Slack day file variants', () => {
  it('reads .json.gz, deeper and unpadded day files; names and counts a broken .gz and JSON-looking files it cannot read', async () => {
    const dir = fixture('slack-day-file-variants');
    const { accounts, warnings, activities } = await load([dir]);
    // Readable: general/2026-03-02.json (2), general/2026-03-03.json.gz (2), general/2026-03/2026-03-04.json (1),
    // random/2026-3-6.json (2), secret-plans/archive/2026-03-05.json (1, private channel G1): 8 messages.
    // Not readable, one malformed record each: general/2026-03-08.json.gz (not gzip),
    // random/2026-03-07.json.bz2 and secret-plans/notes.json (no day file).
    expect(accounts[0]).toMatchObject({
      kind: 'slack',
      read: 11,
      used: 8,
      skipped: 3,
      skippedByReason: { malformed: 3 },
      files: 11,
    });
    expect(reconciled(accounts)).toBe(true);
    expect(warnings).toEqual([
      `${dir}/general/2026-03-08.json.gz: day file is not a readable gzip file (incorrect header check)`,
      `${dir}/random/2026-03-07.json.bz2: is no Slack day file pilot-report can read (expected YYYY-MM-DD.json or .json.gz); not read`,
      // The private channel's folder is shown by its id: its name is private text.
      `${dir}/G1/notes.json: is no Slack day file pilot-report can read (expected YYYY-MM-DD.json or .json.gz); not read`,
    ]);
    expect(activities.map((a) => [a.space_id, a.text])).toEqual([
      ['slack:C1', 'plain day file'],
      ['slack:C1', 'plain reply'],
      ['slack:C1', 'gzipped one'],
      ['slack:C1', 'gzipped two'],
      ['slack:C1', 'one folder deeper'],
      ['slack:C2', 'unpadded date'],
      ['slack:C2', 'unpadded reply'],
      ['slack:G1', 'private and deeper'],
    ]);
  });
});
