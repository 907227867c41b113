/**
 * Bad inputs where the exit code or what stderr says is the point, through the built CLI
 * (`npm run build` first). The other cases are checked at load level, which is faster.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildZip } from '../helpers/zip-writer.js';
import { hasStackTrace } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { fixture, tempDir } from './harness.js';
import { removeTempDirs } from '../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

/** Copies a fixture case into a fresh temp folder (as `export/`) and runs analyze there. */
async function analyzeCase(name: string, extra: string[] = []) {
  const dir = tempDir('pilot-report-bad-cli-');
  cpSync(fixture(name), path.join(dir, 'export'), { recursive: true });
  return { dir, result: await runCliInProcess(['analyze', 'export', ...extra], { cwd: dir }) };
}

function metricsIn(dir: string) {
  return JSON.parse(readFileSync(path.join(dir, 'pilot-report-out/metrics.json'), 'utf8'));
}

describe('bad inputs through the CLI', () => {
  it('empty file: a warning naming the file, then exit 2 "no usable activity", no stack trace', async () => {
    const { result } = await analyzeCase('yammer-empty-file');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/warning: export\/Messages\.csv: empty file/);
    expect(result.stderr).toMatch(/error: export: no usable activity: 0 record\(s\) read, none used/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('header only: exit 2 "no usable activity"', async () => {
    const { result } = await analyzeCase('yammer-header-only');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no usable activity: 0 record\(s\) read/);
  });

  it('a future date does not stretch the period: it is skipped and the report covers March 2026 only', async () => {
    const { dir, result } = await analyzeCase('yammer-invalid-and-future-dates');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Messages\.csv:8: dated 2099-12-31T23:00:00\.000Z, after the time of this run/);
    const metrics = metricsIn(dir);
    expect(metrics.period).toEqual({
      since: '2026-03-01T00:00:00.000Z',
      until: '2026-04-01T00:00:00.000Z',
      timeZone: 'UTC',
    });
    expect(metrics.sources[0].records).toEqual({
      read: 7,
      used: 2,
      skipped: 5,
      skippedByReason: { malformed: 4, future: 1 },
    });
  });

  it('control characters in a bad cell never reach the terminal: stderr shows U+FFFD instead', async () => {
    const { dir, result } = await analyzeCase('yammer-hostile-bodies-html-script-control-rtl-formula');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /Messages\.csv:9: column "created_at": "\uFFFD\]0;owned\uFFFD\uFFFD\[2J2026-03-04" is not a date/,
    );
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(metricsIn(dir).sources[0].records).toEqual({
      read: 8,
      used: 7,
      skipped: 1,
      skippedByReason: { malformed: 1 },
    });
  });

  it('zip-slip: the run writes only its outputs, inside its output folder', async () => {
    const dir = tempDir('pilot-report-bad-cli-');
    const messages = readFileSync(fixture('yammer-utf8-bom/Messages.csv'));
    writeFileSync(
      path.join(dir, 'export.zip'),
      buildZip([
        { name: '../../escaped/Messages.csv', data: messages },
        { name: '../pilot-report-out/metrics.json', data: '{"forged": true}' },
        { name: 'Messages.csv', data: messages },
      ]),
    );
    const result = await runCliInProcess(['analyze', 'export.zip'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /export\.zip!\.\.\/\.\.\/escaped\/Messages\.csv: entry name points outside the archive/,
    );
    expect(readdirSync(dir).sort()).toEqual(['export.zip', 'pilot-report-out']);
    expect(readdirSync(path.join(dir, 'pilot-report-out')).sort()).toEqual(['metrics.json', 'report.pdf']);
    expect(readdirSync(path.dirname(dir))).not.toContain('escaped');
    expect(metricsIn(dir).forged).toBeUndefined();
  });

  it('a zip holding only a nested zip: exit 2, and the message says the nested archive was not read', async () => {
    const dir = tempDir('pilot-report-bad-cli-');
    const inner = buildZip([{ name: 'Messages.csv', data: readFileSync(fixture('yammer-utf8-bom/Messages.csv')) }]);
    writeFileSync(path.join(dir, 'outer.zip'), buildZip([{ name: 'inner.zip', data: inner }]));
    const result = await runCliInProcess(['analyze', 'outer.zip'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /outer\.zip: holds no export pilot-report knows\n\s+outer\.zip!inner\.zip: nested archive not read/,
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
