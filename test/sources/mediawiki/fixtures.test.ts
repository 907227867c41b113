import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryTree } from '../../../src/sources/input-tree.js';
import { mediawikiSource } from '../../../src/sources/mediawiki/index.js';
import { runSource } from './run-source.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/mediawiki');

/** The hand-written expectation beside each fixture dump (see the comments in the tests below). */
interface Expected {
  options: { botAccounts: string[] };
  read: number;
  used: number;
  skippedByReason: Record<string, number>;
  spaces: unknown[];
  identities: string[];
  activities: { id: string; at: string; line: number }[];
}

// Hand counts, per fixture:
// - full-history-bots-ips-and-suppressed: 8 revisions + 1 log item = 9 read. Used: 100 (no
//   parentid, first of page 10: page_create), 104 (edit), 200 (first of page 11 in the dump but has
//   parentid 150: page_edit), 300 (no parentid, first of page 12: page_create) = 4. Skipped: 101 IP
//   and 201 temporary account ~2026-1 (anonymous 2), 102 "Maintenance bot" (bot 1), 103 suppressed
//   contributor (deleted 1), the newusers log item (system 1) = 5; 4 + 5 = 9.
// - schema-0.3-current-only: 2 revisions, both used; no <parentid> exists before schema 0.7, so
//   neither can be called a creation: 2 page_edit. No dbname: the sitename keys the wiki.
// - truncated-inside-third-revision: revisions 30 and 31 complete (used), 32 cut inside <text>
//   (skipped malformed): read 3.
describe('MediaWiki fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, async () => {
      const dir = path.join(FIXTURES, name);
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
      const tree = memoryTree(name, { 'dump.xml': readFileSync(path.join(dir, 'dump.xml')) });
      const run = await runSource(mediawikiSource, tree, expected.options);
      expect(run.read).toBe(expected.read);
      expect(run.activities).toHaveLength(expected.used);
      expect(run.skippedByReason).toEqual(expected.skippedByReason);
      expect(run.spaces).toEqual(expected.spaces);
      expect(run.identities.map((i) => i.id)).toEqual(expected.identities);
      expect(
        run.activities.map(({ source, at, reaction, mentions, provenance, ...rest }) => {
          expect({ source, reaction, mentions, file: provenance.file }).toEqual({
            source: 'mediawiki',
            reaction: null,
            mentions: [],
            file: `${name}/dump.xml`,
          });
          return { ...rest, at: new Date(at).toISOString(), line: provenance.line };
        }),
      ).toEqual(expected.activities);
    });
  }
});
