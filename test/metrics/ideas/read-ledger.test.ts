import { describe, expect, it } from 'vitest';
import { memoryFile } from '../../helpers/memory-file.js';
import { InputError } from '../../../src/errors.js';
import { readLedger } from '../../../src/sources/ledger/read-ledger.js';
import type { Problem } from '../../../src/sources/types.js';

const file = (text: string) => memoryFile('ledger.csv', text);

describe('readLedger', () => {
  it('reads rows, keeps bad values as problems, and sets aside bad rows with their line', async () => {
    const problems: Problem[] = [];
    const body = [
      'Idea,Stage,Date,Note,Value',
      'https://www.yammer.com/contoso.com/threads/200,Actioned,2026-02-15,"budget line 42, Q2",1200',
      'yammer:300,declined,2026-02-03T09:30:00+01:00,,',
      'yammer:301,approved,2026-02-03,,',
      'yammer:302,decided,2026-02-30,,',
      ',decided,2026-02-03,,',
      'yammer:303,decided,2026-02-03,,"1,200 EUR"',
    ].join('\n');
    const read = await readLedger(file(body), (p) => problems.push(p));
    expect(read.rows).toEqual([
      {
        idea: 'https://www.yammer.com/contoso.com/threads/200',
        stage: 'actioned',
        date: '2026-02-15',
        note: 'budget line 42, Q2',
        value: 1200,
        file: 'in/ledger.csv',
        line: 2,
      },
      {
        idea: 'yammer:300',
        stage: 'declined',
        date: '2026-02-03T09:30:00+01:00',
        note: null,
        value: null,
        file: 'in/ledger.csv',
        line: 3,
      },
      {
        idea: 'yammer:303',
        stage: 'decided',
        date: '2026-02-03',
        note: null,
        value: null,
        file: 'in/ledger.csv',
        line: 7,
      },
    ]);
    expect([read.read, read.skipped]).toEqual([6, 3]);
    expect(problems.map((p) => [p.line, p.reason, p.detail])).toEqual([
      [4, 'malformed', 'column "stage": "approved" is not one of discussed, endorsed, decided, actioned, declined'],
      [5, 'malformed', 'column "date": "2026-02-30" is not a date (YYYY-MM-DD, or an ISO instant with a zone)'],
      [6, 'missingField', 'ledger row without idea'],
      [7, 'malformed', 'column "value": "1,200 EUR" is not a plain number; the row is kept without a value'],
    ]);
  });

  it('refuses a file without a required column', async () => {
    await expect(readLedger(file('idea,when\nyammer:1,2026-01-01\n'), () => undefined)).rejects.toThrow(InputError);
    await expect(readLedger(file('idea,when\nyammer:1,2026-01-01\n'), () => undefined)).rejects.toThrow(
      'in/ledger.csv:1: the ideas ledger has no column "stage", "date"',
    );
  });
});
