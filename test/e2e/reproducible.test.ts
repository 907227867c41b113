import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { MESSAGES, exportDir } from './tiny-yammer.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8'));

/** Runs analyze in `dir` (in the worker) and returns metrics.json as written to stdout. */
async function periodOf(dir: string, args: string[]): Promise<unknown> {
  const result = await runCliInProcess(['analyze', 'export', '--json', '-', '--pdf', 'out/report.pdf', ...args], {
    cwd: dir,
  });
  expect(result.stderr).not.toMatch(/error/);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).period;
}

describe('reproducible runs', () => {
  // Both clones spawned: a process renders one report, and the PDF's bytes are not independent of
  // what the same process rendered before (a run in a worker after others named a font /F3, not /F2).
  it('gives byte-identical metrics.json and report.pdf for the same month and inputs, in two different clones', () => {
    const first = exportDir();
    const second = makeTempDir('pilot-report-clone-');
    cpSync(first, second, { recursive: true });
    const args = ['analyze', 'export', '--period', '2026-03', '--out', 'out'];
    expect(runCli(args, { cwd: first }).code).toBe(0);
    expect(runCli(args, { cwd: second }).code).toBe(0);
    const [jsonA, jsonB] = [first, second].map((d) => readFileSync(path.join(d, 'out/metrics.json')));
    const [pdfA, pdfB] = [first, second].map((d) => readFileSync(path.join(d, 'out/report.pdf')));
    expect(jsonB!.equals(jsonA!)).toBe(true);
    expect(pdfB!.equals(pdfA!)).toBe(true);
    expect(jsonA!.toString('utf8')).not.toContain(first);
  });

  it('records provenance: tool, config hash and the sha256 of every input file, with the path as given', async () => {
    const dir = exportDir();
    expect((await runCliInProcess(['analyze', './export/', '--out', 'out'], { cwd: dir })).code).toBe(0);
    const provenance = readJson(path.join(dir, 'out/metrics.json'))['provenance'];
    const pkg = readJson(path.join(import.meta.dirname, '../../package.json'));
    expect(provenance).toEqual({
      tool: { name: 'pilot-report', version: pkg['version'] },
      configHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      inputs: [{ path: './export/Messages.csv', sha256: sha256(MESSAGES), bytes: Buffer.byteLength(MESSAGES) }],
    });
    // Another setting, another config hash (the same setting gives the same hash: see the clones above).
    expect(
      (await runCliInProcess(['analyze', './export/', '--out', 'out', '--tz', 'Europe/Berlin'], { cwd: dir })).code,
    ).toBe(0);
    const berlin = readJson(path.join(dir, 'out/metrics.json'))['provenance'];
    expect(berlin).toMatchObject({
      configHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      inputs: [{ path: './export/Messages.csv' }],
    });
    expect((berlin as { configHash: string }).configHash).not.toBe((provenance as { configHash: string }).configHash);
  });
});

// The other --period forms and --since/--until are checked in process (test/cli/period-forms.test.ts);
// this run keeps the flag names themselves covered.
describe('--period forms with a fixed --as-of', () => {
  it('reads --period last-month --as-of 2026-04-15 as March 2026', async () => {
    expect(await periodOf(exportDir(), ['--period', 'last-month', '--as-of', '2026-04-15'])).toEqual({
      since: '2026-03-01T00:00:00.000Z',
      until: '2026-04-01T00:00:00.000Z',
      timeZone: 'UTC',
    });
  });
});

describe('--baseline', () => {
  it('shows the change against last month in the Markdown summary', async () => {
    const dir = exportDir();
    expect(
      (await runCliInProcess(['analyze', 'export', '--period', '2026-03', '--out', 'march'], { cwd: dir })).code,
    ).toBe(0);
    const april = await runCliInProcess(
      [
        'analyze',
        'export',
        '--period',
        '2026-04',
        '--out',
        'april',
        '--baseline',
        'march/metrics.json',
        '--markdown',
        'summary.md',
      ],
      { cwd: dir },
    );
    expect(april.code).toBe(0);
    const summary = readFileSync(path.join(dir, 'summary.md'), 'utf8');
    // March 2 posts, April 1: -1 (-50.0%). Answered threads: March 1 of 2 (50 %), April 1 of 1 (100 %): +50.0 pts;
    // one thread is below the minimum n (10), so the value reads "too few to judge" while the change stays.
    expect(summary).toMatch(/^\| Posts \| 1 \| -1 \(-50\.0%\) \|/m);
    expect(summary).toMatch(/^\| Answered threads \| too few to judge \(n = 1\) \| \+50\.0 pts \|/m);
    // Active people: March {Ana, Ben}, April {Cy, Ana}: no change.
    expect(summary).toMatch(/^\| Active people \| 2 \| 0 \(0\.0%\) \|/m);
  });

  it('refuses a baseline of another schemaVersion with exit 2', async () => {
    const dir = exportDir(MESSAGES, {
      'old/metrics.json': JSON.stringify({ schemaVersion: 2, engagement: { totals: { activePeople: 1 } } }),
    });
    const result = await runCliInProcess(['analyze', 'export', '--baseline', 'old/metrics.json', '--out', 'out'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/schemaVersion 2 cannot be compared/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});

describe('stdout carries only what was asked for', () => {
  // Spawned: a stray console.log would reach a real stdout, not the worker's captured one.
  it('keeps stdout empty when the outputs go to files', () => {
    const dir = exportDir();
    writeFileSync(path.join(dir, 'pilot-report.config.json'), '{}\n');
    const result = runCli(['analyze', 'export', '--out', 'out', '--verbose'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    // Not a terminal: no progress line (carriage returns) on stderr either.
    expect(result.stderr).not.toContain('\r');
  });
});
