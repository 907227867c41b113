import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Dataset } from '../../src/model/dataset.js';
import { loadInputs, type LoadLog } from '../../src/sources/load.js';
import { HEADER } from '../e2e/tiny-yammer.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

/** A Yammer export of `n` posts by one sender, one a minute. */
function bigExport(n: number): string {
  const dir = makeTempDir('pilot-report-progress-');
  mkdirSync(path.join(dir, 'export'));
  const rows = Array.from({ length: n }, (_, i) => {
    const at = new Date(Date.UTC(2026, 2, 2, 9, i)).toISOString().replace('T', ' ').replace('.000Z', ' UTC');
    return `${i + 1},,${i + 1},,,11,user,Ana Ruiz,ana@example.com,post ${i + 1},,${at}`;
  });
  writeFileSync(path.join(dir, 'export', 'Messages.csv'), [HEADER, ...rows].join('\r\n'));
  return path.join(dir, 'export');
}

describe('loadInputs progress', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reports growing counts, no more often than every 256 records, and the final count with done', async () => {
    const input = bigExport(1000);
    // Every clock read is 150 ms after the last, so each check passes the 100 ms interval.
    let clock = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => (clock += 150));
    const calls: [string, number, boolean | undefined][] = [];
    const log: LoadLog = {
      warn: () => {},
      verbose: () => {},
      progress: (kind, read, done) => calls.push([kind, read, done]),
    };
    const dataset = await Dataset.open();
    try {
      const [account] = await loadInputs([input], dataset, { includePrivate: false, botAccounts: [] }, log);
      expect(account?.read).toBe(1000);
    } finally {
      await dataset.close();
    }
    const during = calls.slice(0, -1);
    expect(calls.at(-1)).toEqual(['yammer', 1000, true]);
    // 1000 messages (plus identity and space records) yield at least 1000 records: at least 3 ticks of 256.
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(during.every(([kind, , done]) => kind === 'yammer' && done === undefined)).toBe(true);
    const counts = during.map(([, read]) => read);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(counts).size).toBe(counts.length);
  });
});
