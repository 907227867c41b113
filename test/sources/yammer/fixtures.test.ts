import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Identity, Space } from '../../../src/model/types.js';
import { memoryTree } from '../../../src/sources/input-tree.js';
import { yammerSource } from '../../../src/sources/yammer/index.js';
import { NO_REACTIONS_NOTE } from '../../../src/sources/yammer/read.js';
import { runSource } from '../mediawiki/run-source.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/yammer');

/** The hand-written expectation beside each fixture (hand counts in the comment below). */
interface Expected {
  options: { includePrivate: boolean };
  read: number;
  used: number;
  skips: [string, number][];
  problems: [number, string, string][];
  identities: Identity[];
  spaces: Space[];
  activities: Record<string, unknown>[];
}

// Hand counts, per fixture (data rows of Messages.csv = records read):
// - groups-private-system-bot-and-bad-rows: 10 rows. Used 101 (starter, group 10), 102 (reply,
//   body spans lines 3-4), 103 (group 20 private in Groups.csv), 104 (group 30 unknown to
//   Groups.csv, in_private_group TRUE; deleted_at literal null; REST-style date), 108 (group_id
//   null -> All Company; zone-less date = UTC; message_type announcement -> platformQuestion false) = 5. Skipped: 105 private conversation (line 7),
//   106 system (8), 107 sender_type bot (9), 109 date 31/02/2026 (11, also a problem), 110 no
//   sender_id (12) = 5. 5 + 5 = 10. 103 at 08:30:00.123+01:00 = 07:30:00.123Z.
// - two-threads-one-deleted: UTF-8 BOM, CRLF with one bare LF. 5 rows: 3 deleted (line 4); 5 replies
//   to the deleted 3 and stays in thread 1. 4 + 1 = 5. No Users.csv: identities come from sender ids.
// - truncated-final-row: rows 1 and 2 (2 spans lines 3-4) used; row 3 starts on line 5 and its
//   quote never closes: one malformed record. 2 + 1 = 3.
// - typed-question-announcement-poll-praise: 7 rows, all used. message_type of starters: 1 question
//   (no "?" in its text) -> platformQuestion true; 3 announcement, 4 poll (both ask in their text)
//   and 5 praise -> false; 6 update and 7 (empty) -> absent, the patterns decide. Reply 2 is typed
//   question too but carries nothing: only a starter makes a thread a question.
describe('Yammer fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, async () => {
      const dir = path.join(FIXTURES, name);
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
      const contents: Record<string, Buffer> = {};
      for (const file of readdirSync(dir))
        if (file.endsWith('.csv')) contents[file] = readFileSync(path.join(dir, file));
      const run = await runSource(yammerSource, memoryTree(name, contents), expected.options);

      expect(run.read).toBe(expected.read);
      expect(run.activities).toHaveLength(expected.used);
      expect(run.skips.map((s) => [s.reason, s.line])).toEqual(expected.skips);
      expect(run.skips.every((s) => s.file === `${name}/Messages.csv`)).toBe(true);
      expect(run.problems.map((p) => [p.line, p.reason, p.detail])).toEqual(expected.problems);
      expect(run.identities).toEqual(expected.identities);
      expect(run.spaces).toEqual(expected.spaces);
      expect(run.notes).toEqual([NO_REACTIONS_NOTE]);
      expect(run.files).toEqual(
        Object.keys(contents)
          .sort(sideFilesFirst)
          .map((f) => `${name}/${f}`),
      );
      const activities = run.activities.map(({ source, reaction, provenance, at, ...rest }) => {
        expect({ source, reaction, file: provenance.file }).toEqual({
          source: 'yammer',
          reaction: null,
          file: `${name}/Messages.csv`,
        });
        return { ...rest, at: new Date(at).toISOString(), line: provenance.line };
      });
      expect(activities).toEqual(expected.activities);
    });
  }
});

/** Users, Groups and Topics are read before Messages. */
function sideFilesFirst(a: string, b: string): number {
  const order = ['Users.csv', 'Groups.csv', 'Topics.csv', 'Messages.csv'];
  return order.indexOf(a) - order.indexOf(b);
}
