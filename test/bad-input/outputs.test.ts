/**
 * Outputs under hostile conditions (issue 19 items 6-10), through the built CLI: a second run into
 * the same folder, stdout that cannot be written, outputs that collide with each other or with an
 * input, prerequisites that fail, places that would hang. Every rejected run must leave the
 * previous outputs byte for byte and no temporary file behind. Spawned where the process matters
 * (stdout a full device, a named pipe that would block the worker's thread); the other runs are
 * made in the worker (helpers/cli-in-process.ts), a lock's live owner being a `sleep` child.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, hasStackTrace, runCli } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { tempDir, writeTree } from './harness.js';

afterAll(removeTempDirs);

const MESSAGES =
  'id,thread_id,sender_id,created_at,body\n1,1,11,2026-03-02 09:00:00 UTC,Hello\n2,1,12,2026-03-02 11:00:00 UTC,Hi\n';

/** A folder with `export/Messages.csv` and whatever else is given. */
function workspace(extra: Record<string, string | Buffer> = {}): string {
  return writeTree(tempDir('pilot-report-outputs-'), { 'export/Messages.csv': MESSAGES, ...extra });
}

/** Files of a folder with their bytes, to show that a rejected run changed nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name), 'latin1')]),
  );
}

/** A pid that ran and has ended (a `true` process: no Node to start). */
function deadPid(): number {
  const child = spawnSync('true');
  if (child.pid === undefined || child.status !== 0) throw new Error('could not run `true`');
  return child.pid;
}

describe('one run at a time per output folder', () => {
  // The lock's owner must be another live process than the run: a `sleep` child, while the run is
  // made in this worker.
  it('a folder locked by a running process: exit 2 naming it, the outputs there untouched', async () => {
    const owner = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const pid = owner.pid;
      if (pid === undefined) throw new Error('could not start `sleep`');
      const dir = workspace({
        'out/metrics.json': 'previous\n',
        'out/.pilot-report.lock': `${JSON.stringify({ pid, host: hostname(), startedAt: '2026-12-03T10:00:00.000Z' })}\n`,
      });
      const before = snapshot(path.join(dir, 'out'));
      const result = await runCliInProcess(['analyze', 'export', '--out', 'out'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `another pilot-report run is writing its outputs here (process ${pid} on ${hostname()}`,
      );
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(snapshot(path.join(dir, 'out'))).toEqual(before);
    } finally {
      owner.kill();
    }
  });

  it("a lock left by a killed run is taken over, its temporary files removed, and released at the end; an earlier run's outputs inside the input folder are replaced", async () => {
    const pid = deadPid();
    const dir = workspace({
      'export/report/.pilot-report.lock': `${JSON.stringify({ pid, host: hostname(), startedAt: '2026-12-03T10:00:00.000Z' })}\n`,
      [`export/report/.metrics.json.${pid}.tmp`]: 'cut',
      'export/report/metrics.json': '{\n  "schemaVersion": "1.0"\n}\n',
      'export/report/report.pdf': 'previous pdf',
    });
    const result = await runCliInProcess(['analyze', 'export', '--out', 'export/report'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(dir, 'export/report')).sort()).toEqual(['metrics.json', 'report.pdf']);
    expect(JSON.parse(readFileSync(path.join(dir, 'export/report/metrics.json'), 'utf8')).sources[0].records.read).toBe(
      2,
    );
  });
});

describe('outputs are published together, or not at all', () => {
  it('--json - to a full device (analyze and validate): exit 2 with a message; the PDF of the previous run stays, no temporary file', () => {
    const dir = workspace({ 'out/report.pdf': 'previous pdf' });
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawnSync(process.execPath, [BIN, 'analyze', 'export', '--json', '-', '--pdf', 'out/report.pdf'], {
        cwd: dir,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' },
      });
      expect(child.status).toBe(2);
      expect(child.stderr).toMatch(/error: cannot write metrics\.json to stdout \(ENOSPC\)/);
      expect(hasStackTrace(child.stderr)).toBe(false);
      const validate = spawnSync(process.execPath, [BIN, 'validate', 'export', '--json', '-'], {
        cwd: dir,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' },
      });
      expect(validate.status).toBe(2);
      expect(validate.stderr).toMatch(/error: cannot write the validation JSON to stdout \(ENOSPC\)/);
    } finally {
      closeSync(full);
    }
    expect(snapshot(path.join(dir, 'out'))).toEqual({ 'report.pdf': 'previous pdf' });
  });

  it('a PDF target that cannot be written (a folder): exit 2, and the previous metrics.json is not replaced', async () => {
    const dir = workspace({ 'out/metrics.json': 'previous\n', 'out/report.pdf/keep': 'x' });
    const result = await runCliInProcess(['analyze', 'export', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write the outputs at .*report\.pdf \(EISDIR\)/);
    expect(readFileSync(path.join(dir, 'out/metrics.json'), 'utf8')).toBe('previous\n');
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['metrics.json', 'report.pdf']);
  });
});

describe('a log reader that goes away', () => {
  // `analyze ... 2>&1 | head -2`: the reader of stderr closes it after the first lines. The run's
  // later log lines fail with EPIPE; the run must still write its outputs, release its lock and exit
  // by its result (0 here), as with stderr to a file.
  it('stderr closed after its first line: exit 0, metrics.json and report.pdf written, no lock left', async () => {
    const dir = workspace();
    const child = spawn(process.execPath, [BIN, 'analyze', 'export', '--out', 'out', '--verbose'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' },
    });
    const first = await new Promise<string>((resolve) =>
      child.stderr.once('data', (chunk: Buffer) => resolve(String(chunk))),
    );
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    expect(first).toContain('reading export');
    expect(code).toBe(0);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['metrics.json', 'report.pdf']);
    const metrics = JSON.parse(readFileSync(path.join(dir, 'out/metrics.json'), 'utf8'));
    expect(metrics.sources[0].records.read).toBe(2);
  });
});

describe('outputs that collide are refused before anything is read', () => {
  it('--json X --pdf X: exit 2 naming both', async () => {
    const dir = workspace();
    const result = await runCliInProcess(['analyze', 'export', '--json', 'x', '--pdf', './sub/../x'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: --pdf \.\/sub\/\.\.\/x: the same file as --json x/);
    expect(existsSync(path.join(dir, 'x'))).toBe(false);
  });

  it('--pptx and --community-post are checked like the other outputs: a shared file or an input is exit 2', async () => {
    const dir = workspace({ 'people.csv': 'email,name\na@example.com,A\n' });
    const shared = await runCliInProcess(['analyze', 'export', '--pdf', 'r.pdf', '--pptx', 'r.pdf'], { cwd: dir });
    expect(shared.code).toBe(2);
    expect(shared.stderr).toMatch(/error: --pptx r\.pdf: the same file as --pdf r\.pdf/);
    const input = await runCliInProcess(
      ['analyze', 'export', '--people', 'people.csv', '--community-post', 'people.csv'],
      {
        cwd: dir,
      },
    );
    expect(input.code).toBe(2);
    expect(input.stderr).toMatch(/--community-post people\.csv: would overwrite --people \(people\.csv\)/);
    expect(readFileSync(path.join(dir, 'people.csv'), 'utf8')).toBe('email,name\na@example.com,A\n');
  });

  it('--json naming an input file, a file inside an input folder, or the people file: exit 2, the input unchanged', async () => {
    const dir = workspace({ 'people.csv': 'email,name\na@example.com,A\n' });
    for (const [args, named] of [
      [
        ['--json', 'export/Messages.csv'],
        /--json export\/Messages\.csv: would overwrite a file of the input folder export/,
      ],
      [['--json', 'm.csv'], /--json m\.csv: would overwrite input m\.csv/],
      [
        ['--markdown', 'people.csv', '--people', 'people.csv'],
        /--markdown people\.csv: would overwrite --people \(people\.csv\)/,
      ],
    ] as const) {
      writeFileSync(path.join(dir, 'm.csv'), MESSAGES);
      const inputs = args[1] === 'm.csv' ? ['m.csv'] : ['export'];
      const result = await runCliInProcess(['analyze', ...inputs, ...args], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(named);
    }
    expect(readFileSync(path.join(dir, 'export/Messages.csv'), 'utf8')).toBe(MESSAGES);
    expect(readFileSync(path.join(dir, 'm.csv'), 'utf8')).toBe(MESSAGES);
    expect(readFileSync(path.join(dir, 'people.csv'), 'utf8')).toBe('email,name\na@example.com,A\n');
  });
});

describe('prerequisites of every output are checked before any is written', () => {
  it('a logo that is not an image: exit 2, no output folder made', async () => {
    const dir = workspace({
      'logo.png': 'not an image',
      'pilot-report.config.json': '{"report": {"logo": "logo.png"}}',
    });
    const result = await runCliInProcess(['analyze', 'export', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: report\.logo logo\.png: not a PNG or JPEG image/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('an invalid template: exit 2, the previous metrics.json stays', async () => {
    const dir = workspace({ 'out/metrics.json': 'previous\n', 'theme/theme.json': '{"colours": {"text": "red"}}' });
    const result = await runCliInProcess(['analyze', 'export', '--out', 'out', '--template', './theme'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/theme\.json key "colours\.text"/);
    expect(snapshot(path.join(dir, 'out'))).toEqual({ 'metrics.json': 'previous\n' });
  });
});

describe('places that used to hang end with exit 2', () => {
  it('--out under /proc', async () => {
    const dir = workspace();
    const result = await runCliInProcess(['analyze', 'export', '--out', '/proc/pilot-report-x'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write the outputs at \/proc\/pilot-report-x \(E[A-Z]+\)/);
  });

  // Spawned: a run that did block on the pipe would freeze the worker, timeouts included.
  it('a named pipe given as an input (forced csv:) or as a baseline', () => {
    const dir = workspace();
    execFileSync('mkfifo', [path.join(dir, 'pipe.csv')]);
    const forced = runCli(['analyze', 'csv:pipe.csv'], { cwd: dir });
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/error: pipe\.csv: is not a regular file \(a named pipe\)/);
    const baseline = runCli(['analyze', 'export', '--baseline', 'pipe.csv', '--json', '-'], { cwd: dir });
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toMatch(/error: pipe\.csv: (the baseline does not exist or )?is not a (regular )?file/);
  });
});
