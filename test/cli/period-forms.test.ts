import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../src/cli/analysis.js';
import { type AnalyzeFlags, flagsToConfig } from '../../src/cli/flags.js';
import { loadConfig } from '../../src/config/load.js';
import { SOURCE_KINDS } from '../../src/sources/registry.js';
import { exportDir } from '../e2e/tiny-yammer.js';
import { removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/**
 * `--period` forms, `--since`/`--until` and `--as-of` from the flags to metrics.json's `period`,
 * through what `analyze` runs (flags -> config -> analysis), in this process: the spawned CLI
 * added start-up and a PDF nobody read (test/e2e/reproducible.test.ts keeps one spawned form, so
 * the flag names themselves stay covered). The tiny export holds March and April 2026.
 */
describe('--period forms with a fixed --as-of', () => {
  const dir = exportDir();
  const utc = (day: string) => `${day}T00:00:00.000Z`;
  it.each<[AnalyzeFlags, string, string]>([
    [{ period: 'last-month', asOf: '2026-04-15' }, '2026-03-01', '2026-04-01'],
    [{ period: 'last-quarter', asOf: '2026-04-15' }, '2026-01-01', '2026-04-01'],
    [{ period: '2026-03' }, '2026-03-01', '2026-04-01'],
    [{ period: '2026-03..2026-04' }, '2026-03-01', '2026-05-01'],
    [{ period: '2026-Q1' }, '2026-01-01', '2026-04-01'],
    [{ since: '2026-03-05', until: '2026-04-01' }, '2026-03-05', '2026-04-01'],
  ])('%j -> [%s, %s)', async (flags, since, until) => {
    const { config } = await loadConfig({
      sourceKinds: SOURCE_KINDS,
      cwd: dir,
      env: { TZ: 'UTC' },
      flags: flagsToConfig(flags),
    });
    const { document } = await analyzeInputs([path.join(dir, 'export')], config, { warn: () => {}, verbose: () => {} });
    expect(document.period).toEqual({ since: utc(since), until: utc(until), timeZone: 'UTC' });
  });
});
