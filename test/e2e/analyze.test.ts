import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, hasStackTrace, runCli } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { exportDir, MESSAGES } from './tiny-yammer.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

/**
 * MESSAGES (tiny-yammer.ts), hand-checked over the whole period:
 * threads 3, answered 2 (threads 1 and 5), median (2 + 4) / 2 = 3 h, replies per thread 3 / 3 = 1.
 * March contributors {Ana, Ben}; April {Cy, Ana}: April returning 1 (Ana), retention 1 / 2.
 */

// The first two tests read one run of the built binary (`--json -` to a real stdout pipe, the PDF
// to the default folder); the others run the CLI in the worker (helpers/cli-in-process.ts): their
// point is the exit code, stderr and the files, not the process.
let spawned: { dir: string; result: CliResult } | undefined;
function spawnedRun(): { dir: string; result: CliResult } {
  if (!spawned) {
    const dir = exportDir(MESSAGES);
    spawned = { dir, result: runCli(['analyze', 'export', '--json', '-'], { cwd: dir }) };
  }
  return spawned;
}

describe('pilot-report analyze (end to end)', () => {
  it('writes metrics.json and a PDF with the hand-computed figures', () => {
    const { dir, result } = spawnedRun();
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const metrics = JSON.parse(result.stdout);
    expect(metrics.period).toEqual({
      since: '2026-03-01T00:00:00.000Z',
      until: '2026-05-01T00:00:00.000Z',
      timeZone: 'UTC',
    });
    expect(metrics.sources[0].records).toEqual({ read: 6, used: 6, skipped: 0, skippedByReason: {} });
    expect(metrics.engagement.totals).toMatchObject({
      activePeople: 3,
      contributors: 3,
      posts: 3,
      replies: 3,
      reactions: null,
      wikiEdits: null,
    });
    expect(
      metrics.engagement.monthly.map(
        (m: { month: string; activePeople: number; returningContributors: number; retention: number | null }) => [
          m.month,
          m.activePeople,
          m.returningContributors,
          m.retention,
        ],
      ),
    ).toEqual([
      ['2026-03', 2, 0, null],
      ['2026-04', 2, 1, 0.5],
    ]);
    expect(metrics.conversations).toMatchObject({
      threads: 3,
      answered: 2,
      medianHoursToFirstResponse: 3,
      repliesPerThread: 1,
    });
    expect(metrics.conversations.answeredRate).toBeCloseTo(2 / 3, 12);
    expect(metrics.generatedAt).toBe('2026-01-01T00:00:00.000Z'); // SOURCE_DATE_EPOCH=1767225600
    // The PDF goes to the default output folder, and metrics.json only to stdout, as asked.
    expect(readdirSync(path.join(dir, 'pilot-report-out'))).toEqual(['report.pdf']);
    const pdf = readFileSync(path.join(dir, 'pilot-report-out/report.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('--json - writes pure JSON to stdout and nothing else', () => {
    const { result } = spawnedRun();
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).conversations.threads).toBe(3);
    expect(result.stdout.startsWith('{')).toBe(true);
    expect(result.stdout.trimEnd().endsWith('}')).toBe(true);
  });

  /**
   * One export with two bad rows, each test reading its own: message 4's date replaced by
   * "31/02/2026" (line 6) and a 7th record whose quote is never closed (it starts on line 9: header
   * line 1, message 2 spans lines 3-4). Read 7, used 5, skipped 2, both malformed. One lenient run
   * in the worker, shared by the two tests below.
   */
  let badRows: Promise<{ dir: string; lenient: CliResult }> | undefined;
  function twoBadRows() {
    badRows ??= (async () => {
      const dir = exportDir(
        `${MESSAGES.replace('2026-03-10 09:00:00 UTC', '31/02/2026')}\r\n7,,7,,,11,user,Ana Ruiz,ana@example.com,"never closed,,2026-04-02 10:00:00 UTC`,
      );
      return { dir, lenient: await runCliInProcess(['analyze', 'export'], { cwd: dir }) };
    })();
    return badRows;
  }
  const recordsOf = (dir: string) =>
    JSON.parse(readFileSync(path.join(dir, 'pilot-report-out/metrics.json'), 'utf8')).sources[0].records;

  it('reports a truncated final row with file and line, still writes the report, and fails it under --strict', async () => {
    const { dir, lenient } = await twoBadRows();
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/warning: .*Messages\.csv:9:/);
    expect(recordsOf(dir)).toEqual({ read: 7, used: 5, skipped: 2, skippedByReason: { malformed: 2 } });
    const strict = await runCliInProcess(['analyze', 'export', '--strict'], { cwd: dir });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/--strict/);
    expect(hasStackTrace(strict.stderr)).toBe(false);
  });

  it('counts a row with an unparseable date as skipped and names its line', async () => {
    const { dir, lenient } = await twoBadRows();
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/Messages\.csv:6:.*31\/02\/2026/);
    // Each bad row named once, on its own line.
    expect(lenient.stderr.match(/Messages\.csv:6:/g)).toHaveLength(1);
    expect(lenient.stderr.match(/Messages\.csv:9:/g)).toHaveLength(1);
    expect(recordsOf(dir).skippedByReason).toEqual({ malformed: 2 });
  });

  it('exits 2 naming the file and column when a required column is missing', async () => {
    const dir = exportDir(MESSAGES.replace('created_at', 'created'));
    const result = await runCliInProcess(['analyze', 'export'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Messages\.csv:1:.*created_at/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('exits 1 when an error-level target fails, and still writes the report', async () => {
    const config = JSON.stringify({
      targets: [{ metric: 'engagement.totals.activePeople', op: '>=', value: 50, level: 'error' }],
    });
    const dir = exportDir(MESSAGES, { 'pilot-report.config.json': config });
    const result = await runCliInProcess(['analyze', 'export'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/target failed: .*activePeople/);
    const metrics = JSON.parse(readFileSync(path.join(dir, 'pilot-report-out/metrics.json'), 'utf8'));
    expect(metrics.targets).toEqual([
      expect.objectContaining({ metric: 'engagement.totals.activePeople', actual: 3, passed: false, level: 'error' }),
    ]);
  });
});

describe('pilot-report usage and unusable inputs', () => {
  it('prints help with examples and exits 0', async () => {
    const result = await runCliInProcess(['analyze', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Examples:/);
    expect(result.stdout).toMatch(/--include-private/);
  });

  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8'));
    const result = await runCliInProcess(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 on an unknown option', async () => {
    const result = await runCliInProcess(['analyze', '--no-such-flag', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--no-such-flag'/);
  });

  it('exits 2 when an input does not exist', async () => {
    const result = await runCliInProcess(['analyze', 'no/such/export.zip']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no\/such\/export\.zip/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('exits 2 when a folder holds no known export (no Messages.csv)', async () => {
    const dir = makeTempDir('pilot-report-e2e-');
    writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    const result = await runCliInProcess(['analyze', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/holds no export pilot-report knows/);
  });

  it('exits 2 on a file named .zip that is no zip archive', async () => {
    const dir = makeTempDir('pilot-report-e2e-');
    writeFileSync(path.join(dir, 'export.zip'), 'this is not a zip');
    const result = await runCliInProcess(['analyze', path.join(dir, 'export.zip')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/export\.zip.*zip/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('exits 2 when --out names a file, not a folder', async () => {
    const dir = exportDir(MESSAGES, { 'taken.txt': 'x' });
    const result = await runCliInProcess(['analyze', 'export', '--out', 'taken.txt'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write the outputs .*taken\.txt/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('exits 2 when the period holds no activity, naming the period and the dates the inputs cover', async () => {
    const dir = exportDir(MESSAGES);
    const result = await runCliInProcess(['analyze', 'export', '--period', '2027-01', '--json', '-'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: no activity in the period January 2027 (2027-01-01 to 2027-01-31, UTC): the inputs cover 2026-03-02 to 2026-04-01',
    );
    expect(result.stdout).toBe('');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('exits 2 on an unknown time zone', async () => {
    const dir = exportDir(MESSAGES);
    const result = await runCliInProcess(['analyze', 'export', '--tz', 'Mars/Olympus'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Mars\/Olympus/);
  });

  it('exits 2 naming the key and suggesting a fix for an unknown config key', async () => {
    const dir = exportDir(MESSAGES, { 'pilot-report.config.json': '{ "timezone": "UTC" }' });
    const result = await runCliInProcess(['analyze', 'export'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/timezone.*did you mean "timeZone"/);
  });
});
