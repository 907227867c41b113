/**
 * Bounded work and runs that are stopped (issue 19 item 1): deeply nested XML stops at a fixed
 * depth instead of running for minutes, a run dies at once on SIGTERM, and the temporary dataset a
 * killed run leaves is removed by the next run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IN_MEMORY_MAX_BYTES } from '../../src/cli/dataset-placement.js';
import { removeStaleScratchFolders } from '../../src/model/scratch.js';
import { MAX_XML_DEPTH } from '../../src/sources/mediawiki/dump-parser.js';
import { BIN, runCli } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { load, reconciled, tempDir, writeTree } from './harness.js';

afterAll(removeTempDirs);

function revision(id: number, day: number, text: string): string {
  return `<revision><id>${id}</id><timestamp>2026-03-${String(day).padStart(2, '0')}T08:00:00Z</timestamp><contributor><username>Erin</username><id>5</id></contributor><text xml:space="preserve">${text}</text></revision>`;
}

describe('nesting depth of XML', () => {
  it(`100,000 nested elements inside a revision: the read stops at depth ${MAX_XML_DEPTH} in well under a second of parsing, the revisions before it used`, async () => {
    const nested = `${'<b>'.repeat(100_000)}deep${'</b>'.repeat(100_000)}`;
    const dump = [
      '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">',
      '<siteinfo><sitename>Pilot Wiki</sitename></siteinfo>',
      `<page><title>A</title><ns>0</ns><id>1</id>${revision(10, 2, 'one')}${revision(11, 3, 'two')}</page>`,
      `<page><title>B</title><ns>0</ns><id>2</id>${revision(20, 4, nested)}${revision(21, 5, 'after')}</page>`,
      '</mediawiki>',
    ].join('\n');
    const dir = writeTree(tempDir(), { 'wiki.xml': dump });
    const started = performance.now();
    const { accounts, warnings, error } = await load([path.join(dir, 'wiki.xml')]);
    const seconds = (performance.now() - started) / 1000;
    expect(error).toBeNull();
    expect(warnings).toEqual([
      `${dir}/wiki.xml:4: revision 20 is cut off: reading stopped at an error (elements nested more than ${MAX_XML_DEPTH} deep (a dump needs 6)); the revisions before it were used`,
    ]);
    expect(accounts[0]).toMatchObject({ read: 3, used: 2, skipped: 1, skippedByReason: { malformed: 1 } });
    expect(reconciled(accounts)).toBe(true);
    // Unbounded, 40,000 levels took 21 s; the bound makes this a load like any other small file.
    expect(seconds).toBeLessThan(10);
  });
});

describe('report texts', () => {
  it('a 30,000-character report title: exit 2 naming the key and the bound, before any work', async () => {
    const dir = writeTree(tempDir(), {
      'export/Messages.csv': 'id,thread_id,sender_id,created_at\n1,1,11,2026-03-02 09:00:00 UTC\n',
      'c.json': JSON.stringify({ report: { title: 'Pilot '.repeat(5000) } }),
    });
    const result = await runCliInProcess(['analyze', 'export', '-c', 'c.json', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: c\.json: report\.title: too big: expected string to have <=200 characters/);
    expect(readdirSync(dir).sort()).toEqual(['c.json', 'export']);
  });
});

describe('a stopped run', () => {
  const MESSAGES = `id,thread_id,sender_id,created_at,body\n${Array.from({ length: 2000 }, (_, i) => `${i + 1},${(i % 50) + 1},${(i % 40) + 1},2026-03-${String((i % 28) + 1).padStart(2, '0')} 09:00:00 UTC,Message ${i}`).join('\n')}\n`;

  /** Starts a run with its own temporary folder, waits until its scratch folder exists, sends `signal`. */
  async function stopRun(dir: string, tmp: string, signal: NodeJS.Signals) {
    const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', TMPDIR: tmp };
    const child = spawn(process.execPath, [BIN, 'analyze', 'export', '--out', 'out'], {
      cwd: dir,
      env,
      stdio: 'ignore',
    });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    const deadline = Date.now() + 25_000;
    const ownedByChild = (name: string) => {
      try {
        return JSON.parse(readFileSync(path.join(tmp, name, 'owner.json'), 'utf8')).pid === child.pid;
      } catch {
        return false;
      }
    };
    let scratch: string[] = [];
    while (scratch.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      scratch = readdirSync(tmp).filter((n) => n.startsWith('pilot-report-dataset-') && ownedByChild(n));
    }
    expect(scratch).toHaveLength(1);
    const sentAt = performance.now();
    child.kill(signal);
    const died = await ended;
    return { pid: child.pid, died, ms: performance.now() - sentAt, left: path.join(tmp, scratch[0] ?? '') };
  }

  it('dies at once of SIGTERM; after kill -9 the temporary dataset is left with its owner, and the next run removes it', async () => {
    // Padded past the size analyzed in memory (src/cli/dataset-placement.ts): this run keeps its
    // dataset in a scratch folder, as large runs do.
    const dir = writeTree(tempDir('pilot-report-stopped-'), {
      'export/Messages.csv': MESSAGES,
      'export/padding.bin': ' '.repeat(IN_MEMORY_MAX_BYTES),
    });
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    const term = await stopRun(dir, tmp, 'SIGTERM');
    expect(term.died).toBe('SIGTERM');
    expect(term.ms).toBeLessThan(2000);
    const killed = await stopRun(dir, tmp, 'SIGKILL');
    expect(killed.died).toBe('SIGKILL');
    expect(JSON.parse(readFileSync(path.join(killed.left, 'owner.json'), 'utf8'))).toEqual({
      pid: killed.pid,
      host: hostname(),
    });
    // Spawned too: a process sweeps the folders of dead runs once, at its first dataset
    // (model/scratch.ts), which in a test worker an earlier in-process run has already made.
    const next = runCli(['analyze', 'export', '--out', 'out'], { cwd: dir, env: { TMPDIR: tmp } });
    expect(next.code).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
    // The output lock the killed runs held was taken over as well.
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['metrics.json', 'report.pdf']);
  }, 90_000);

  it('no signal handler in src/: a handler only runs when the main thread is free, so a busy run would ignore SIGTERM', () => {
    const offenders = sourceFiles(path.resolve(import.meta.dirname, '../../src')).filter(
      (file) =>
        /process\.(on|once|addListener)\(\s*['"]SIG/.test(readFileSync(file, 'utf8')) ||
        /\['SIGINT'|'SIGTERM'/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('a folder whose owner is alive, or that has no owner file, is left alone', () => {
    const tmp = tempDir('pilot-report-sweep-');
    const alive = path.join(tmp, 'pilot-report-dataset-alive');
    const unowned = path.join(tmp, 'pilot-report-dataset-unowned');
    const other = path.join(tmp, 'pilot-report-dataset-otherhost');
    for (const folder of [alive, unowned, other]) mkdirSync(folder);
    writeFileSync(path.join(alive, 'owner.json'), JSON.stringify({ pid: process.pid, host: hostname() }));
    writeFileSync(path.join(other, 'owner.json'), JSON.stringify({ pid: 2 ** 22 + 1, host: `not-${hostname()}` }));
    expect(removeStaleScratchFolders(tmp)).toEqual([]);
    expect(readdirSync(tmp).sort()).toEqual([
      'pilot-report-dataset-alive',
      'pilot-report-dataset-otherhost',
      'pilot-report-dataset-unowned',
    ]);
  });
});

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}
