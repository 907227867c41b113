import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LoadLog } from '../../../src/sources/load.js';
import { readCost } from '../../../src/sources/parallel/plan.js';
import type { SourceKind } from '../../../src/model/types.js';

/** The reading code as built in dist/, as test/sources/parallel-read.test.ts says why. */
async function built<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(path.resolve('dist', file)).href)) as T;
}
const { loadInputs } = await built<typeof import('../../../src/sources/load.js')>('sources/load.js');
const { Dataset } = await built<typeof import('../../../src/model/dataset.js')>('model/dataset.js');

const PILOT = path.resolve('fixtures/sample-pilot');
const quiet: LoadLog = { warn: () => {}, verbose: () => {} };

function bytesIn(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .reduce((n, f) => n + statSync(path.join(f.parentPath, f.name)).size, 0);
}

describe('the rows of a parallel read', () => {
  it('come in blocks: the costliest export first (read in place), then every other export in input order, whoever read it', async () => {
    const inputs: [SourceKind, string][] = [
      ['slack', path.join(PILOT, 'slack')],
      ['yammer', path.join(PILOT, 'yammer')],
      ['mediawiki', path.join(PILOT, 'wiki')],
    ];
    // The costliest by the plan's own figures, computed here from the folders' sizes.
    const costs = inputs.map(([kind, folder]) => readCost(kind, bytesIn(folder)));
    const own = costs.indexOf(Math.max(...costs));
    const expected = [own, ...[0, 1, 2].filter((i) => i !== own)];
    // Several runs: which thread reads which part depends on timing, the rows' order must not.
    for (let run = 0; run < 3; run += 1) {
      const dataset = await Dataset.open({ spill: true, memoryLimit: '256MB' });
      try {
        const accounts = await loadInputs(
          inputs.map(([kind, folder]) => `${kind}:${folder}`),
          dataset,
          {
            includePrivate: false,
            botAccounts: [],
            notAfter: Date.parse('2027-01-01T00:00:00Z'),
            parallel: { threads: 2, minBytes: 0, memoryLimit: '256MB', csvMapping: null },
          },
          quiet,
        );
        expect(accounts.map((a) => a.inputIndex)).toEqual([0, 1, 2]);
        // Each input's rows as one block of row positions, and the blocks' order.
        const blocks = await dataset.query.all<{ input_index: number; first: number; last: number; n: number }>(
          `SELECT input_index, min(rowid)::INTEGER AS first, max(rowid)::INTEGER AS last, count(*)::INTEGER AS n
           FROM raw_activities GROUP BY input_index ORDER BY first`,
        );
        expect(blocks.map((b) => b.input_index)).toEqual(expected);
        for (const b of blocks) expect(b.last - b.first + 1).toBe(b.n);
        // Every record used is a row (derived rows, such as the reactions of a message, come on top).
        for (const b of blocks) expect(b.n).toBeGreaterThanOrEqual(accounts[b.input_index]?.used ?? Infinity);
      } finally {
        await dataset.close();
      }
    }
  }, 90_000);
});
