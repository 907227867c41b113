import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeInputs, type AnalysisResult } from '../../src/cli/analysis.js';
import { IN_MEMORY_MAX_BYTES } from '../../src/cli/dataset-placement.js';
import { type AnalyzeFlags, flagsToConfig } from '../../src/cli/flags.js';
import { loadConfig } from '../../src/config/load.js';
import { SCRATCH_PREFIX } from '../../src/model/scratch.js';
import { SOURCE_KINDS } from '../../src/sources/registry.js';
import { exportDir } from '../e2e/tiny-yammer.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/**
 * `analyzeInputs` hands its result to `onResult` while the dataset is still open, so `analyze`
 * can start drawing the PDF before the dataset's close (which blocks the main thread) rather than
 * after it. The dataset lives in a scratch folder under the system's temporary folder, removed on
 * close: whether it is there tells when the hook ran.
 */
describe('analyzeInputs: the result before the dataset closes', () => {
  // Padded past the size analyzed in memory (src/cli/dataset-placement.ts): the run keeps its
  // dataset in a file, as large runs do.
  const dir = exportDir(undefined, { 'export/padding.bin': ' '.repeat(IN_MEMORY_MAX_BYTES) });
  let tmp = '';
  const saved = process.env['TMPDIR'];
  beforeEach(() => {
    tmp = makeTempDir('on-result-');
    process.env['TMPDIR'] = tmp;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
  });
  const scratchFolders = () => readdirSync(tmp).filter((name) => name.startsWith(SCRATCH_PREFIX));
  const analyze = async (flags: AnalyzeFlags, onResult: (result: AnalysisResult) => void) => {
    const { config } = await loadConfig({
      sourceKinds: SOURCE_KINDS,
      cwd: dir,
      env: { TZ: 'UTC' },
      flags: flagsToConfig(flags),
    });
    return analyzeInputs([path.join(dir, 'export')], config, { warn: () => {}, verbose: () => {} }, onResult);
  };

  it('calls onResult once, with the result it returns, while the dataset file is still there', async () => {
    const seen: { result: AnalysisResult; open: string[] }[] = [];
    const result = await analyze({ period: '2026-03' }, (r) => {
      seen.push({ result: r, open: scratchFolders().flatMap((f) => readdirSync(path.join(tmp, f))) });
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.result).toBe(result);
    expect(seen[0]?.open).toContain('dataset.duckdb');
    expect(scratchFolders()).toEqual([]); // closed and removed once analyzeInputs returned
    expect(result.document.period.since).toBe('2026-03-01T00:00:00.000Z');
  });

  it('does not call onResult when the analysis fails', async () => {
    let calls = 0;
    // The tiny export holds March and April 2026: an empty period is exit 2 before any metric.
    await expect(analyze({ period: '2025-01' }, () => (calls += 1))).rejects.toThrow(/no activity in the period/);
    expect(calls).toBe(0);
    expect(scratchFolders()).toEqual([]);
  });
});
