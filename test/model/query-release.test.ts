import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Dataset } from '../../src/model/dataset.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(removeTempDirs);

const LIMIT = "SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'";

/**
 * `releaseMemory` sets the dataset's own `memory_limit` again (DuckDB trims the C allocator when
 * it is set): the limit must come out as the dataset was opened with, whatever it was set to in
 * between, and a dataset in memory, opened without a limit, must see no statement at all.
 */
describe('Query.releaseMemory', () => {
  it('sets the limit the dataset was opened with, exactly, and nothing else', async () => {
    vi.stubEnv('TMPDIR', makeTempDir('pilot-report-release-test-'));
    const statements: string[] = [];
    const dataset = await Dataset.open({ spill: true, memoryLimit: '100MB', observe: (sql) => statements.push(sql) });
    try {
      // 100 MB = 95.367... MiB, as DuckDB shows it.
      expect(await dataset.query.all(LIMIT)).toEqual([{ value: '95.3 MiB' }]);
      await dataset.query.run("SET memory_limit = '64MB'");
      statements.length = 0;
      await dataset.query.releaseMemory();
      expect(statements).toEqual(['SET memory_limit (release memory)']);
      expect(await dataset.query.all(LIMIT)).toEqual([{ value: '95.3 MiB' }]);
      await dataset.query.releaseMemory();
      expect(await dataset.query.all(LIMIT)).toEqual([{ value: '95.3 MiB' }]);
      expect(await dataset.query.all('SELECT sum(range)::INTEGER AS n FROM range(1000)')).toEqual([{ n: 499_500 }]);
    } finally {
      await dataset.close();
    }
  });

  it('does nothing for a dataset in memory, opened without a limit', async () => {
    const statements: string[] = [];
    const dataset = await Dataset.open({ observe: (sql) => statements.push(sql) });
    try {
      const [before] = await dataset.query.all(LIMIT);
      statements.length = 0;
      await dataset.query.releaseMemory();
      expect(statements).toEqual([]);
      expect(await dataset.query.all(LIMIT)).toEqual([before]);
    } finally {
      await dataset.close();
    }
  });
});
