import { createHash } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, hasStackTrace, runCli } from '../helpers/cli.js';
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

/**
 * Two clones of the same export with the same settings, analyzed for March 2026: the first by the
 * built binary in a child process, the second in this worker (helpers/cli-in-process.ts), after
 * whatever the worker ran before. Equal bytes prove the run reproducible across folders and that the
 * in-process path writes what the binary writes. Made once; the tests below read it, and the
 * provenance, --tz and --baseline tests reuse the second clone's outputs instead of running again.
 * The config file `{}` and --verbose: the spawned run also shows that stdout stays empty when the
 * outputs go to files, however much the log says.
 */
const CLONE_ARGS = ['analyze', './export/', '--period', '2026-03', '--out', 'out', '--verbose'];
let clones: Promise<{ first: string; second: string; spawned: CliResult; inProcess: CliResult }> | undefined;
function twoClones() {
  clones ??= (async () => {
    const first = exportDir(MESSAGES, { 'pilot-report.config.json': '{}\n' });
    const second = makeTempDir('pilot-report-clone-');
    cpSync(first, second, { recursive: true });
    const spawned = runCli(CLONE_ARGS, { cwd: first });
    const inProcess = await runCliInProcess(CLONE_ARGS, { cwd: second });
    return { first, second, spawned, inProcess };
  })();
  return clones;
}

describe('reproducible runs', () => {
  // A spawn and a run in the worker: over the 30 s default on a loaded 2-core machine.
  it('gives byte-identical metrics.json and report.pdf for the same month and inputs, in two different clones', {
    timeout: 120_000,
  }, async () => {
    const { first, second, spawned, inProcess } = await twoClones();
    expect(spawned.code, spawned.stderr).toBe(0);
    expect(inProcess.code, inProcess.stderr).toBe(0);
    const [jsonA, jsonB] = [first, second].map((d) => readFileSync(path.join(d, 'out/metrics.json')));
    const [pdfA, pdfB] = [first, second].map((d) => readFileSync(path.join(d, 'out/report.pdf')));
    expect(jsonB!.equals(jsonA!)).toBe(true);
    expect(pdfB!.equals(pdfA!)).toBe(true);
    expect(jsonA!.toString('utf8')).not.toContain(first);
    expect(jsonB!.toString('utf8')).not.toContain(second);
    // Both runs said the same on stderr, apart from the timings --verbose adds.
    const untimed = (text: string) => text.replace(/^timing:.*\n/gm, '');
    expect(untimed(inProcess.stderr)).toBe(untimed(spawned.stderr));
  });

  it('records provenance: tool, config hash and the sha256 of every input file, with the path as given', async () => {
    const { second } = await twoClones();
    const provenance = readJson(path.join(second, 'out/metrics.json'))['provenance'];
    const pkg = readJson(path.join(import.meta.dirname, '../../package.json'));
    expect(provenance).toEqual({
      tool: { name: 'pilot-report', version: pkg['version'] },
      configHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      inputs: [{ path: './export/Messages.csv', sha256: sha256(MESSAGES), bytes: Buffer.byteLength(MESSAGES) }],
    });
    // Another setting, another config hash (the same setting gives the same hash: see the clones above).
    const berlin = await runCliInProcess([...CLONE_ARGS, '--out', 'berlin', '--tz', 'Europe/Berlin'], { cwd: second });
    expect(berlin.code, berlin.stderr).toBe(0);
    const berlinProvenance = readJson(path.join(second, 'berlin/metrics.json'))['provenance'];
    expect(berlinProvenance).toMatchObject({
      configHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      inputs: [{ path: './export/Messages.csv' }],
    });
    expect((berlinProvenance as { configHash: string }).configHash).not.toBe(
      (provenance as { configHash: string }).configHash,
    );
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
    // March is the second clone's run (--period 2026-03, --out out).
    const { second: dir } = await twoClones();
    const april = await runCliInProcess(
      [
        'analyze',
        'export',
        '--period',
        '2026-04',
        '--out',
        'april',
        '--baseline',
        'out/metrics.json',
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
  // Spawned (the first clone): a stray console.log would reach a real stdout, not the worker's captured one.
  it('keeps stdout empty when the outputs go to files', async () => {
    const { spawned } = await twoClones();
    expect(spawned.code).toBe(0);
    expect(spawned.stdout).toBe('');
    // --verbose did log (so the empty stdout means something), to stderr.
    expect(spawned.stderr).toMatch(/^timing: /m);
    // Not a terminal: no progress line (carriage returns) on stderr either.
    expect(spawned.stderr).not.toContain('\r');
  });
});
