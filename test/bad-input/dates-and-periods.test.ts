/**
 * Dates that would stretch the report over decades (issue 19 item 2): placeholder dates are
 * skipped as `tooEarly`, and a period far wider than the data is clipped to it with a warning.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { fixture, load, reconciled, tempDir } from './harness.js';

afterAll(removeTempDirs);

const CASE = 'yammer-placeholder-dates-1900-and-1970';

describe('dates before any of the tools existed', () => {
  it('1900-01-01 and 1970-01-01 among 30 rows of March 2026: both skipped tooEarly with a warning naming the line', async () => {
    const { accounts, warnings, error } = await load([fixture(CASE)]);
    expect(error).toBeNull();
    expect(accounts[0]?.read).toBe(32);
    expect(accounts[0]?.used).toBe(30);
    expect(accounts[0]?.skippedByReason).toEqual({ tooEarly: 2 });
    expect(reconciled(accounts)).toBe(true);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /Messages\.csv:32: dated 1900-01-01T00:00:00\.000Z, before 2001-01-01 when none of the tools pilot-report reads existed; not used$/,
        ),
        expect.stringMatching(/Messages\.csv:33: dated 1970-01-01T00:00:00\.000Z, before 2001-01-01/),
      ]),
    );
    // The dates that count are the used ones: the default period is March 2026.
    expect(new Date(accounts[0]?.firstAt ?? 0).toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });
});

describe('a period far wider than the data', () => {
  async function run(extra: string[]) {
    const dir = tempDir('pilot-report-period-');
    cpSync(fixture(CASE), path.join(dir, 'export'), { recursive: true });
    const result = await runCliInProcess(['analyze', 'export', '--json', 'm.json', '--out', 'out', ...extra], {
      cwd: dir,
    });
    return { result, metrics: () => JSON.parse(readFileSync(path.join(dir, 'm.json'), 'utf8')) };
  }

  it('--until 3026-04-01 (a typo): clipped to the end of the data, with a warning in stderr and metrics.json', async () => {
    const { result, metrics } = await run(['--until', '3026-04-01']);
    expect(result.code).toBe(0);
    const warning =
      'period: the period asked for ends 3026-04-01, more than 12 months after the last activity (2026-03-30); the report covers 2026-03-01 .. 2026-04-01 instead';
    expect(result.stderr).toContain(`warning: ${warning}`);
    const doc = metrics();
    expect(doc.period).toEqual({
      since: '2026-03-01T00:00:00.000Z',
      until: '2026-04-01T00:00:00.000Z',
      timeZone: 'UTC',
    });
    expect(doc.engagement.monthly.map((m: { month: string }) => m.month)).toEqual(['2026-03']);
    expect(doc.warnings).toContain(warning);
  });

  it('a bound within 12 months of the data is kept as asked', async () => {
    const { result, metrics } = await run(['--since', '2025-06-01', '--until', '2027-01-01']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/period: the period asked for/);
    expect(metrics().engagement.monthly).toHaveLength(19);
  });

  it('a long period wholly outside the data: exit 2 naming it, no stack trace', async () => {
    const { result } = await run(['--since', '1000-01-01', '--until', '1999-01-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /error: period 1000-01-01 \.\. 1999-01-01: spans 11988 months, more than the 360 a report covers/,
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
