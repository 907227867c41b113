/**
 * The CSV part of the bad-input corpus (test/fixtures/bad/yammer-*), loaded the way `analyze`
 * loads it. Each case pins its documented outcome (docs/bad-input.md): the message and its
 * file:line, the data-quality counts, and what the rest of the file gave.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { fixture, load, reconciled } from './harness.js';

describe('bad CSV inputs', () => {
  it('truncated mid-quote: the cut record is skipped as malformed on the line it starts, the rows before it are used', async () => {
    const { accounts, warnings, activities } = await load([fixture('yammer-truncated-mid-quote')]);
    expect(accounts[0]).toMatchObject({ read: 3, used: 2, skipped: 1, skippedByReason: { malformed: 1 } });
    expect(warnings).toEqual([
      expect.stringMatching(/yammer-truncated-mid-quote\/Messages\.csv:4: .*never closed \(truncated file\?\)/),
    ]);
    expect(activities.map((a) => a.activity_id)).toEqual(['yammer:1', 'yammer:2']);
    expect(reconciled(accounts)).toBe(true);
  });

  it('a required column renamed ("created_at" -> "Created Date"): exit-2 error naming file, header line and column', async () => {
    const { error } = await load([fixture('yammer-required-column-renamed')]);
    expect(error).toBeInstanceOf(InputError);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(
      /yammer-required-column-renamed\/Messages\.csv:1: required column "created_at" is missing/,
    );
    expect(error?.message).toMatch(/this header has: .*created date/);
  });

  it('optional columns missing (no body, no sender_name...): every row is still used, without text', async () => {
    const { accounts, warnings, activities } = await load([fixture('yammer-optional-columns-missing')]);
    expect(accounts[0]).toMatchObject({ read: 2, used: 2, skipped: 0 });
    expect(warnings).toEqual([]);
    expect(activities.map((a) => [a.activity_id, a.kind, a.text])).toEqual([
      ['yammer:1', 'post', null],
      ['yammer:2', 'reply', null],
    ]);
  });

  it('UTF-8 BOM with CRLF: the first column is still "id", no problem', async () => {
    const { accounts, warnings, activities } = await load([fixture('yammer-utf8-bom')]);
    expect(accounts[0]).toMatchObject({ read: 2, used: 2, skipped: 0 });
    expect(warnings).toEqual([]);
    expect(activities.map((a) => a.text)).toEqual(['Welcome to the pilot', 'Thanks Ana']);
  });

  it('UTF-16LE tab-separated file as Excel saves "Unicode text": decoded, tab detected, no problem', async () => {
    const { accounts, warnings, activities } = await load([fixture('yammer-utf16le-excel-unicode-text')]);
    expect(accounts[0]).toMatchObject({ read: 2, used: 2, skipped: 0 });
    expect(warnings).toEqual([]);
    expect(activities.map((a) => a.text)).toEqual(['こんにちは, Zoë', 'Grüße']);
  });

  it('latin-1 file: one problem for the file ("not UTF-8"), accented text decoded as Windows-1252', async () => {
    const { accounts, warnings, activities } = await load([fixture('yammer-latin1-not-utf8')]);
    expect(accounts[0]).toMatchObject({ read: 2, used: 2, skipped: 0, problemCount: 1 });
    expect(warnings).toEqual([
      expect.stringMatching(/yammer-latin1-not-utf8\/Messages\.csv: not UTF-8; read as Windows-1252$/),
    ]);
    expect(activities[0]?.text).toBe('Café für alle');
  });

  it('CRLF and LF mixed (and CRLF inside a quoted body): line numbers stay right', async () => {
    // Line 1 header (CRLF), 2 row 1 (LF), 3-4 row 2 (quoted CRLF inside, CRLF), 5 row 3 (LF), 6 row 4 (CRLF).
    const { accounts, warnings, activities } = await load([fixture('yammer-crlf-and-lf-mixed')]);
    expect(accounts[0]).toMatchObject({ read: 4, used: 3, skipped: 1, skippedByReason: { malformed: 1 } });
    expect(warnings).toEqual([
      expect.stringMatching(/Messages\.csv:6: column "created_at": "03\/03\/2026" is not a date$/),
    ]);
    expect(activities.map((a) => [a.activity_id, a.line, a.text])).toEqual([
      ['yammer:1', 2, 'Welcome to the pilot'],
      ['yammer:2', 3, 'Two\nlines'],
      ['yammer:3', 5, 'Hello'],
    ]);
  });

  it('empty file: a problem "empty file", nothing read (the CLI then stops with exit 2, see cli.test.ts)', async () => {
    const { accounts, warnings, activities } = await load([fixture('yammer-empty-file')]);
    expect(accounts[0]).toMatchObject({ read: 0, used: 0, skipped: 0, files: 1 });
    expect(warnings).toEqual([expect.stringMatching(/yammer-empty-file\/Messages\.csv: empty file$/)]);
    expect(activities).toEqual([]);
  });

  it('header only: nothing read, no problem (no row is wrong)', async () => {
    const { accounts, warnings } = await load([fixture('yammer-header-only')]);
    expect(accounts[0]).toMatchObject({ read: 0, used: 0, skipped: 0, files: 1 });
    expect(warnings).toEqual([]);
  });

  it('two overlapping exports: the overlap counts once, the later export wins, the earlier copy is a duplicate', async () => {
    const { accounts, activities } = await load([
      fixture('yammer-overlapping-exports', 'january'),
      fixture('yammer-overlapping-exports', 'mid-january-to-february'),
    ]);
    // january: messages 1, 2, 3; mid-january-to-february: 3 (edited), 4. Distinct ids 1-4.
    expect(accounts.map((a) => [a.read, a.used, a.skipped, a.skippedByReason])).toEqual([
      [3, 2, 1, { duplicate: 1 }],
      [2, 2, 0, {}],
    ]);
    expect(activities.map((a) => [a.activity_id, a.text])).toEqual([
      ['yammer:1', 'Welcome to the pilot'],
      ['yammer:2', 'Thanks Ana'],
      ['yammer:3', 'Edited version'],
      ['yammer:4', 'Reply in February'],
    ]);
    expect(reconciled(accounts)).toBe(true);
  });

  it('invalid dates are skipped as malformed with file:line; a future date is skipped as future', async () => {
    const { accounts, warnings, activities } = await load([fixture('yammer-invalid-and-future-dates')], {});
    // Rows (line): 2, 3 good; 4 "31/02/2026", 5 Feb 30, 6 empty, 7 hour 25 -> malformed; 8 year 2099 -> future.
    expect(accounts[0]).toMatchObject({ read: 7, used: 2, skipped: 5, skippedByReason: { malformed: 4, future: 1 } });
    expect(warnings.map((w) => /Messages\.csv:(\d+): (.*)$/.exec(w)?.slice(1))).toEqual([
      ['4', 'column "created_at": "31/02/2026" is not a date'],
      ['5', 'column "created_at": "2026-02-30 10:00:00 UTC" is not a date'],
      ['6', 'column "created_at": "" is not a date'],
      ['7', 'column "created_at": "2026-03-03 25:00:00 UTC" is not a date'],
      ['8', 'dated 2099-12-31T23:00:00.000Z, after the time of this run; not used'],
    ]);
    expect(activities.map((a) => a.activity_id)).toEqual(['yammer:1', 'yammer:2']);
    expect(accounts[0]?.lastAt).toBe(Date.parse('2026-03-02T11:00:00Z'));
  });

  it('hostile bodies: script content dropped, other text kept verbatim as data (formula-looking text included)', async () => {
    const { accounts, activities, warnings } = await load([
      fixture('yammer-hostile-bodies-html-script-control-rtl-formula'),
    ]);
    expect(accounts[0]).toMatchObject({ read: 8, used: 7, skipped: 1, skippedByReason: { malformed: 1 } });
    expect(warnings).toEqual([expect.stringMatching(/Messages\.csv:9: column "created_at"/)]);
    expect(activities.map((a) => a.text)).toEqual([
      'Idea: bold & plan',
      'ctrl\u0000\u0007\u001b[31mred\u001b[0m',
      '\u202Eשלום עולם\u202C مرحبا',
      '=HYPERLINK("http://evil.example","click")',
      '+1 for this',
      '-2+3',
      '@SUM(A1:A9)',
    ]);
  });
});
