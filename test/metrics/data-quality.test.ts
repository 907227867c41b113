import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/errors.js';
import { capabilitiesOf } from '../../src/sources/capabilities.js';
import { sourceQuality } from '../../src/metrics/data-quality.js';
import { newAccount, recordSkip, recordWarning } from '../../src/model/accounting.js';

describe('sourceQuality', () => {
  it('maps accounts in input order with ISO dates and sorted reasons', () => {
    const slack = newAccount(1, 'slack', 'slack-export.zip');
    const yammer = newAccount(0, 'yammer', 'yammer/');
    yammer.files = 3;
    yammer.read = 10;
    yammer.used = 10;
    recordSkip(yammer, 'malformed');
    recordSkip(yammer, 'deleted', 2);
    recordWarning(yammer, 'Messages.csv:42:', 'column "created_at": "31/02/2026" is not a date');
    yammer.firstAt = Date.parse('2026-01-05T10:00:00Z');
    yammer.lastAt = Date.parse('2026-03-01T08:30:00Z');
    yammer.notes.push('Yammer network exports carry no likes');
    expect(sourceQuality([slack, yammer])).toEqual([
      {
        kind: 'yammer',
        path: 'yammer/',
        files: 3,
        records: { read: 13, used: 10, skipped: 3, skippedByReason: { deleted: 2, malformed: 1 } },
        firstAt: '2026-01-05T10:00:00.000Z',
        lastAt: '2026-03-01T08:30:00.000Z',
        warnings: ['Messages.csv:42: column "created_at": "31/02/2026" is not a date'],
        problemCount: 1,
        notes: ['Yammer network exports carry no likes'],
      },
      {
        kind: 'slack',
        path: 'slack-export.zip',
        files: 0,
        records: { read: 0, used: 0, skipped: 0, skippedByReason: {} },
        firstAt: null,
        lastAt: null,
        warnings: [],
        problemCount: 0,
        notes: [],
      },
    ]);
  });

  it('throws an internal error when the accounting does not reconcile', () => {
    const account = newAccount(0, 'csv', 'people.csv');
    account.read = 5;
    account.used = 3;
    expect(() => sourceQuality([account])).toThrow(InternalError);
    expect(() => sourceQuality([account])).toThrow(/read 5 != used 3 \+ skipped 0/);
    const reasons = newAccount(0, 'csv', 'people.csv');
    reasons.read = 1;
    reasons.skipped = 1;
    expect(() => sourceQuality([reasons])).toThrow(/skipped 1 != sum of skippedByReason 0/);
  });
});

describe('capabilitiesOf', () => {
  it('records reactions only with Slack, Teams or CSV, and wiki edits only with MediaWiki', () => {
    expect(capabilitiesOf([{ kind: 'yammer' }])).toEqual({ messages: true, reactions: false, wiki: false });
    expect(capabilitiesOf([{ kind: 'yammer' }, { kind: 'teams' }])).toEqual({
      messages: true,
      reactions: true,
      wiki: false,
    });
    expect(capabilitiesOf([{ kind: 'mediawiki' }])).toEqual({ messages: false, reactions: false, wiki: true });
    expect(capabilitiesOf([])).toEqual({ messages: false, reactions: false, wiki: false });
  });
});
