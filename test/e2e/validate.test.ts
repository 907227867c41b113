import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { HEADER, MESSAGES, exportDir } from './tiny-yammer.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

/**
 * Six rows, counted by hand: rows 1, 2 and 6 are used; row 3 is deleted (`deleted`), row 4 has
 * the date "31/02/2026" (`malformed`, a problem on line 5: the header is line 1), row 5 comes
 * from a system sender (`bot`). Read 6 = used 3 + skipped 3; dates from row 1 to row 6.
 */
const MIXED = [
  HEADER,
  '1,,1,,,11,user,Ana Ruiz,ana@example.com,Hi all,,2026-03-02 09:00:00 UTC',
  '2,1,1,,,12,user,Ben Ode,ben@example.com,Hi Ana,,2026-03-02 11:00:00 UTC',
  '3,,3,,,12,user,Ben Ode,ben@example.com,Gone,2026-03-11 00:00:00 UTC,2026-03-10 08:00:00 UTC',
  '4,,4,,,12,user,Ben Ode,ben@example.com,Bad date,,31/02/2026',
  '5,,5,,,99,system,Yammer,,Automated notice,,2026-03-20 08:00:00 UTC',
  '6,,6,,,13,user,Cy Lee,cy@example.com,Hello,,2026-04-01 10:00:00 UTC',
].join('\r\n');

interface ValidationJson {
  usable: boolean;
  reasons: string[];
  problemCount: number;
  failures: { input: string; message: string }[];
  sources: {
    kind: string;
    path: string;
    files: number;
    records: unknown;
    firstAt: string | null;
    lastAt: string | null;
    warnings: string[];
    problemCount: number;
  }[];
}

// The first test spawns the built binary (the report on stdout); the others run the CLI in the
// worker (helpers/cli-in-process.ts). `validate --json -` to a real pipe is spawned in
// sample-pilot.test.ts ("a folder that holds several exports").
describe('pilot-report validate (end to end)', () => {
  it('prints per source the kind, files, read/used/skipped by reason, dates and problems, and exits 0', () => {
    const dir = exportDir(MIXED);
    const result = runCli(['validate', 'export'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        'export (yammer)',
        '  files: 1',
        '  records: read 6, used 3, skipped 3 (bot 1, deleted 1, malformed 1)',
        '  dates: 2026-03-02T09:00:00.000Z .. 2026-04-01T10:00:00.000Z',
        '  problems: 1',
      ].join('\n'),
    );
    expect(result.stdout).toMatch(/^ {4}export\/Messages\.csv:5: .*31\/02\/2026/m);
    expect(result.stdout).toMatch(/^usable: 1 source\(s\), 3 of 6 record\(s\) used, 1 problem\(s\)$/m);
  });

  it('--json - writes only the JSON result to stdout', async () => {
    const dir = exportDir(MIXED);
    const result = await runCliInProcess(['validate', 'export', '--json', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    const json: ValidationJson = JSON.parse(result.stdout);
    expect(json.usable).toBe(true);
    expect(json.problemCount).toBe(1);
    expect(json.sources).toEqual([
      expect.objectContaining({
        kind: 'yammer',
        path: 'export',
        files: 1,
        records: { read: 6, used: 3, skipped: 3, skippedByReason: { bot: 1, deleted: 1, malformed: 1 } },
        firstAt: '2026-03-02T09:00:00.000Z',
        lastAt: '2026-04-01T10:00:00.000Z',
        problemCount: 1,
      }),
    ]);
    // The text report moved to stderr.
    expect(result.stderr).toMatch(/usable: 1 source/);
  });

  it('exits 2 under --strict when any row has a problem', async () => {
    const dir = exportDir(MIXED);
    const result = await runCliInProcess(['validate', 'export', '--strict'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: 1 problem\(s\) and --strict is set/);
    expect(result.stdout).toMatch(/^not usable: /m);
  });

  it('exits 2 when one input cannot be used, and still reports the other', async () => {
    const dir = exportDir(MESSAGES, { 'broken/Messages.csv': MESSAGES.replace('created_at', 'created') });
    const result = await runCliInProcess(['validate', 'export', 'broken', '--json', '-'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toMatch(/error: broken\/Messages\.csv:1:.*created_at/);
    const json: ValidationJson = JSON.parse(result.stdout);
    expect(json.usable).toBe(false);
    expect(json.failures.map((f) => f.input)).toEqual(['broken']);
    // MESSAGES: six rows, all used.
    expect(json.sources.map((s) => [s.path, s.records])).toEqual([
      ['export', { read: 6, used: 6, skipped: 0, skippedByReason: {} }],
    ]);
  });

  it('exits 2 when an input does not exist or holds no export', async () => {
    const dir = makeTempDir('pilot-report-e2e-');
    writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    const missing = await runCliInProcess(['validate', 'no/such/export.zip'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no\/such\/export\.zip: does not exist/);
    const unknown = await runCliInProcess(['validate', '.'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/holds no export pilot-report knows/);
  });

  it('exits 2 when nothing usable remains (every message deleted)', async () => {
    const deleted = [
      HEADER,
      '1,,1,,,11,user,Ana Ruiz,ana@example.com,Hi,2026-03-03 00:00:00 UTC,2026-03-02 09:00:00 UTC',
    ].join('\r\n');
    const dir = exportDir(deleted);
    const result = await runCliInProcess(['validate', 'export'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: nothing usable: 1 record\(s\) read, none used/);
    expect(result.stdout).toMatch(/records: read 1, used 0, skipped 1 \(deleted 1\)/);
  });

  it('exits 2 when no input is given and the config lists none', async () => {
    const dir = makeTempDir('pilot-report-e2e-');
    const result = await runCliInProcess(['validate'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/validate needs at least one input/);
  });
});
