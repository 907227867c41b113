import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/**
 * Runs `pilot-report init` on a real pseudo-terminal: util-linux `script` gives the command a pty
 * (so init sees a terminal and asks) and passes our pipe on as its keyboard. Each answer is typed
 * once its question is on the screen.
 */
function initOnTerminal(
  dir: string,
  answers: readonly [question: string, keys: string][],
): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    const command = `'${process.execPath}' '${BIN}' init`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm', NO_COLOR: '1', TZ: 'UTC' },
    });
    const pending = [...answers];
    let screen = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`init did not finish; screen so far:\n${screen}`));
    }, 80_000);
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      const next = pending[0];
      if (next && screen.includes(next[0])) {
        pending.shift();
        setTimeout(() => child.stdin.write(next[1]), 100);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      // Cursor moves and colours out, to read the screen as text.
      resolve({ code, screen: screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '') });
    });
  });
}

describe('pilot-report init on a terminal', () => {
  it('asks the pilot name, currency, hourly cost and moderators, and writes the answers', {
    timeout: 90_000,
  }, async () => {
    const dir = makeTempDir('pilot-report-tty-');
    for (const name of ['slack', 'wiki'])
      cpSync(path.join(REPO_ROOT, 'fixtures/sample-pilot', name), path.join(dir, name), { recursive: true });
    const { code, screen } = await initOnTerminal(dir, [
      ['Pilot name', 'Northwind\r'],
      ['Currency', 'usd\r'],
      ['Loaded cost', '40\r'],
      ['Moderators', ' \r'], // the first offered: the most active person
    ]);
    expect(code, screen).toBe(0);
    expect(screen).toMatch(
      /Moderators \(space to select, enter to confirm\)\s*\n❯◯ Priya Raghunathan \(priya\.raghunathan@aurora\.example, \d+ contributions\)/,
    );
    expect(screen).toContain('Next steps:');
    const written = JSON.parse(readFileSync(path.join(dir, 'pilot-report.config.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(written).toMatchObject({
      report: { title: 'Northwind pilot: {period}' },
      businessCase: { currency: 'USD', hourlyCost: 40 },
      moderators: ['priya.raghunathan@aurora.example'],
    });
  });

  it('writes nothing when stopped with Ctrl-C during the questions (exit 2, no stack trace)', {
    timeout: 90_000,
  }, async () => {
    const dir = makeTempDir('pilot-report-tty-');
    cpSync(path.join(REPO_ROOT, 'fixtures/sample-pilot', 'wiki'), path.join(dir, 'wiki'), { recursive: true });
    const { code, screen } = await initOnTerminal(dir, [['Pilot name', '\u0003']]);
    expect(code, screen).toBe(2);
    expect(screen).toContain('error: init was stopped before the config was written; nothing was written');
    expect(screen).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(path.join(dir, 'pilot-report.config.json'))).toBe(false);
  });
});
