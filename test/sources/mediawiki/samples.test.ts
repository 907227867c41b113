import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryTree } from '../../../src/sources/input-tree.js';
import { mediawikiSource } from '../../../src/sources/mediawiki/index.js';
import { runSource } from './run-source.js';
import { sharedSample } from '../../helpers/shared-samples.js';

const SAMPLES = sharedSample('mediawiki');

/**
 * Counts verified by reading the sample files:
 * - python-mwxml__dump.xml (0.8): page Foo rev 1 by Gen0cide (no parentid, first of the page:
 *   page_create, line 19), rev 2 by IP 222.152.210.109, page Bar rev 3 by IP 222.152.210.22.
 * - mediawiki-core__ImportAnonUserTest.xml (0.11 with an export-0.6 URI): one revision by IP
 *   192.0.2.14 (line 33).
 */
const EXPECTED: Record<string, { read: number; used: string[]; skippedByReason: Record<string, number> }> = {
  'python-mwxml__dump.xml': {
    read: 3,
    used: ['mediawiki:enwiki:rev:1 page_create mediawiki:Gen0cide line 19'],
    skippedByReason: { anonymous: 2 },
  },
  'mediawiki-core__ImportAnonUserTest.xml': { read: 1, used: [], skippedByReason: { anonymous: 1 } },
};

describe.skipIf(!existsSync(SAMPLES))('MediaWiki samples', () => {
  const dumps = existsSync(SAMPLES)
    ? readdirSync(SAMPLES)
        .filter((name) => /\.xml(\.gz)?$/.test(name))
        .sort()
    : [];

  it('has an expectation for every sample dump', () => {
    expect(dumps).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const name of dumps) {
    it(`reads ${name}: read = used + skipped, with the hand-counted records`, async () => {
      const tree = memoryTree('samples', { [name]: readFileSync(path.join(SAMPLES, name)) });
      expect(await mediawikiSource.detect(tree)).toBe(true);
      const run = await runSource(mediawikiSource, tree);
      const skipped = Object.values(run.skippedByReason).reduce((sum, n) => sum + n, 0);
      expect(run.read).toBe(run.activities.length + skipped);
      expect(run.problems).toEqual([]);
      expect({
        read: run.read,
        used: run.activities.map((a) => `${a.id} ${a.kind} ${a.identityId} line ${a.provenance.line}`),
        skippedByReason: run.skippedByReason,
      }).toEqual(EXPECTED[name]);
    });
  }
});
