/**
 * Data and settings that used to end in exit 3 ("internal bug"), issue 19 item 11: each is now a
 * row problem (the run goes on) or exit 2 naming the value and its bound.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS } from '../../src/sources/shared/csv-records.js';
import { hasStackTrace } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { load, reconciled, tempDir, writeTree } from './harness.js';

afterAll(removeTempDirs);

const MESSAGES =
  'id,thread_id,sender_id,created_at,body\n1,1,11,2026-03-02 09:00:00 UTC,Hello\n2,1,12,2026-03-02 11:00:00 UTC,Hi\n';

function workspace(extra: Record<string, string> = {}): string {
  return writeTree(tempDir('pilot-report-exit3-'), { 'export/Messages.csv': MESSAGES, ...extra });
}

describe('bad values in the data are row problems', () => {
  it('a microsecond epoch in a generic CSV read as seconds: that row is "not a date", the others used', async () => {
    const dir = workspace({
      'chat/log.csv':
        'created,user,message\n1772442000,ana,Hello\n1772442000000000,ben,Microseconds\n1772445600,ben,Hi\n',
      'chat/pilot-report.csv.json':
        '{"timestamp": "created", "timestampFormat": "epoch", "author": "user", "text": "message"}',
    });
    const result = await runCliInProcess(['analyze', 'csv:chat/log.csv', '--json', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/log\.csv:3: column "created": "1772442000000000" is not a date \(expected epoch\)/);
    const records = JSON.parse(result.stdout).sources[0].records;
    expect(records).toEqual({ read: 3, used: 2, skipped: 1, skippedByReason: { malformed: 1 } });
  });

  it(`a quoted field longer than ${MAX_RECORD_CHARS} characters: that record is malformed, the reading stops there and says so`, async () => {
    const dir = tempDir();
    const csv = [
      'id,thread_id,sender_id,created_at,body',
      '1,1,11,2026-03-02 09:00:00 UTC,Before',
      `2,1,12,2026-03-02 10:00:00 UTC,"${'x'.repeat(MAX_RECORD_CHARS + 1)}"`,
      '3,1,12,2026-03-02 11:00:00 UTC,After',
    ].join('\n');
    writeFileSync(path.join(dir, 'Messages.csv'), csv);
    const { accounts, warnings, error } = await load([dir]);
    expect(error).toBeNull();
    expect(warnings).toEqual([
      `${dir}/Messages.csv:3: the record starting on line 3 is longer than ${MAX_RECORD_CHARS} characters (a quoted field that swallows the file?); it and the rest of the file are not read`,
    ]);
    expect(accounts[0]).toMatchObject({ read: 2, used: 1, skipped: 1, skippedByReason: { malformed: 1 } });
    expect(reconciled(accounts)).toBe(true);
  }, 30_000);

  it('an idea ledger value of 10^308: a problem, the row kept without a value; --dataset in a folder that does not exist yet is made', async () => {
    const dir = workspace({ 'ledger.csv': `idea,stage,date,value\n1,actioned,2026-03-05,1${'0'.repeat(308)}\n` });
    const result = await runCliInProcess(
      ['analyze', 'export', '--ideas', 'ledger.csv', '--json', '-', '--dataset', 'kept/deeper/pilot.duckdb'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /ledger\.csv:2: column "value": "100000000000…" \(309 characters\) is beyond 1000000000000/,
    );
    expect(existsSync(path.join(dir, 'kept/deeper/pilot.duckdb'))).toBe(true);
  });
});

describe('settings out of their bounds are exit 2 naming the value', () => {
  for (const [what, args, env, message] of [
    [
      'a business-case value of 1e308',
      ['-c', 'big.json'],
      {},
      /error: big\.json: businessCase\.hourlyCost: too big: expected number to be <=1000000; got number 1e\+308/,
    ],
    [
      'PILOT_REPORT_MEMORY_LIMIT=99999999999999999999TB',
      [],
      { PILOT_REPORT_MEMORY_LIMIT: '99999999999999999999TB' },
      /error: environment PILOT_REPORT_MEMORY_LIMIT: at most 1000TB; got string "99999999999999999999TB"/,
    ],
    [
      'SOURCE_DATE_EPOCH=99999999999999',
      [],
      { SOURCE_DATE_EPOCH: '99999999999999' },
      /error: SOURCE_DATE_EPOCH "99999999999999": after 9999-12-31 \(at most 253402300799 seconds\)/,
    ],
  ] as const) {
    it(what, async () => {
      const dir = workspace({ 'big.json': '{"businessCase": {"hourlyCost": 1e308, "currency": "EUR"}}' });
      const result = await runCliInProcess(['analyze', 'export', '--json', '-', ...args], { cwd: dir, env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(hasStackTrace(result.stderr)).toBe(false);
    });
  }
});
