import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../src/cli/analysis.js';
import { IN_MEMORY_MAX_BYTES, inputsSmallerThan, spillsToFile } from '../../src/cli/dataset-placement.js';
import { flagsToConfig } from '../../src/cli/flags.js';
import { loadConfig } from '../../src/config/load.js';
import { SCRATCH_PREFIX } from '../../src/model/scratch.js';
import { SOURCE_KINDS } from '../../src/sources/registry.js';
import { exportDir } from '../e2e/tiny-yammer.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/** A folder `export/` with two day files (300 + 200 bytes) in a channel folder, and a 100-byte file beside it. */
function pilot(): { root: string; folder: string; file: string } {
  const root = makeTempDir('placement-');
  const folder = path.join(root, 'export');
  mkdirSync(path.join(folder, 'general'), { recursive: true });
  writeFileSync(path.join(folder, 'general', '2026-01-01.json'), 'x'.repeat(300));
  writeFileSync(path.join(folder, 'general', '2026-01-02.json'), 'x'.repeat(200));
  const file = path.join(root, 'Messages.csv');
  writeFileSync(file, 'y'.repeat(100));
  return { root, folder, file };
}

describe('inputsSmallerThan', () => {
  it('adds the bytes of files and of folders file by file, and compares the sum with the limit', async () => {
    const { folder, file } = pilot();
    // 300 + 200 + 100 = 600 bytes in all.
    expect(await inputsSmallerThan([folder, file], 601)).toBe(true);
    expect(await inputsSmallerThan([folder, file], 600)).toBe(false);
    expect(await inputsSmallerThan([folder], 501)).toBe(true);
    expect(await inputsSmallerThan([folder], 500)).toBe(false);
    expect(await inputsSmallerThan([file], 101)).toBe(true);
  });

  it('reads the path after a kind prefix (`slack:folder`)', async () => {
    const { folder } = pilot();
    expect(await inputsSmallerThan([`slack:${folder}`], 501)).toBe(true);
    expect(await inputsSmallerThan([`slack:${folder}`], 500)).toBe(false);
  });

  it('answers false (the dataset in a file, as before) for an input that is not there', async () => {
    const { root, file } = pilot();
    expect(await inputsSmallerThan([file, path.join(root, 'missing.zip')], IN_MEMORY_MAX_BYTES)).toBe(false);
    expect(await inputsSmallerThan([`yammer:${path.join(root, 'missing')}`], IN_MEMORY_MAX_BYTES)).toBe(false);
  });

  it('keeps the bundled sample pilot in memory', async () => {
    const sample = path.resolve('fixtures/sample-pilot');
    const inputs = ['yammer', 'slack', 'wiki/aurora-wiki.xml'].map((p) => path.join(sample, p));
    expect(await inputsSmallerThan(inputs, IN_MEMORY_MAX_BYTES)).toBe(true);
  });
});

describe('analyzeInputs on a small export', () => {
  it('works in memory: no scratch folder is made while it runs', async () => {
    const dir = exportDir();
    const tmp = makeTempDir('placement-run-');
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = tmp;
    try {
      const { config } = await loadConfig({
        sourceKinds: SOURCE_KINDS,
        cwd: dir,
        env: { TZ: 'UTC' },
        flags: flagsToConfig({ period: '2026-03' }),
      });
      let during: string[] | null = null;
      const result = await analyzeInputs(
        [path.join(dir, 'export')],
        config,
        { warn: () => {}, verbose: () => {} },
        () => {
          during = readdirSync(tmp).filter((name) => name.startsWith(SCRATCH_PREFIX));
        },
      );
      expect(during).toEqual([]);
      expect(result.document.period.since).toBe('2026-03-01T00:00:00.000Z');
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });
});

describe('spillsToFile', () => {
  it('keeps small inputs in memory, and still removes the scratch folder a killed run left', async () => {
    const { root, folder } = pilot();
    const tmp = makeTempDir('placement-sweep-');
    // No process has this id (above Linux's largest pid_max, 2^22): the folder is stale.
    const gone = 2 ** 22 + 1;
    const stale = path.join(tmp, `${SCRATCH_PREFIX}killed`);
    mkdirSync(stale);
    writeFileSync(path.join(stale, 'owner.json'), JSON.stringify({ pid: gone, host: hostname() }));
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = tmp;
    try {
      expect(await spillsToFile([folder])).toBe(false);
      expect(readdirSync(tmp)).toEqual([]);
      // Too large, or not there: the file, as before.
      writeFileSync(path.join(folder, 'padding.bin'), Buffer.alloc(IN_MEMORY_MAX_BYTES));
      expect(await spillsToFile([folder])).toBe(true);
      expect(await spillsToFile([path.join(root, 'missing')])).toBe(true);
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });
});
