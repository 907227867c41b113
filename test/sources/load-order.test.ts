import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { Dataset } from '../../src/model/dataset.js';
import { loadInputs, type LoadLog } from '../../src/sources/load.js';
import { HEADER } from '../e2e/tiny-yammer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pilot-report-load-order-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadInputs', () => {
  it("finds every input's export before reading any: an unknown input stops the run with nothing read", async () => {
    mkdirSync(path.join(dir, 'yammer'));
    writeFileSync(
      path.join(dir, 'yammer', 'Messages.csv'),
      [HEADER, '1,,1,,,11,user,Ana Ruiz,ana@example.com,hello,,2026-03-02 09:00:00 UTC'].join('\r\n'),
    );
    writeFileSync(path.join(dir, 'manifest.json'), '{"kind": "not an export"}');
    const read: string[] = [];
    const log: LoadLog = { warn: () => {}, verbose: () => {}, progress: (kind, n) => read.push(`${kind} ${n}`) };
    const dataset = await Dataset.open();
    try {
      const error = await loadInputs(
        [path.join(dir, 'yammer'), path.join(dir, 'manifest.json')],
        dataset,
        { includePrivate: false, botAccounts: [] },
        log,
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toContain('manifest.json: holds no export pilot-report knows');
      expect(read).toEqual([]);
      const [raw] = await dataset.query.all<{ n: number }>('SELECT count(*) AS n FROM raw_activities');
      expect(raw?.n).toBe(0);
    } finally {
      await dataset.close();
    }
  });
});
