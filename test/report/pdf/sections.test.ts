import { describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../../../src/report/pdf/index.js';
import { lastSegment, skippedText } from '../../../src/report/pdf/sections/data-quality.js';
import { monthLabel } from '../../../src/report/pdf/sections/monthly-activity.js';
import { summaryTiles } from '../../../src/report/pdf/sections/summary.js';
import { sampleDocument } from './sample-document.js';

describe('summaryTiles', () => {
  it('takes every value from the document', () => {
    const tiles = summaryTiles(sampleDocument());
    expect(tiles.map((tile) => [tile.label, tile.value])).toEqual([
      ['Active people', '137'],
      ['Contributors', '58'],
      ['Threads started', '40'],
      ['Answered rate', '78%'], // 31 / 40 = 0.775
      ['Median time to first response', '3.3 h'], // 3.25
      ['Posts and replies', '1,441'], // 412 + 1029
    ]);
    expect(tiles[3]?.sentence).toBe('31 of 40 threads got a reply from someone other than the author.');
  });

  it('counts posts alone when replies are not measured, and says so when neither is', () => {
    const data = sampleDocument();
    data.engagement.totals.replies = null;
    expect(summaryTiles(data)[5]).toMatchObject({ value: '412', sentence: '412 thread starters and — replies.' });
    data.engagement.totals.posts = null;
    expect(summaryTiles(data)[5]).toMatchObject({ value: '—', sentence: 'Not measured: no message source was loaded.' });
  });
});

describe('section helpers', () => {
  it('lists skipped records by reason in name order', () => {
    expect(skippedText({ read: 10, used: 5, skipped: 5, skippedByReason: { malformed: 2, bot: 3, deleted: 0 } })).toBe('5: bot 3, malformed 2');
    expect(skippedText({ read: 4, used: 4, skipped: 0, skippedByReason: {} })).toBe('0');
  });

  it('shortens paths to their last segment', () => {
    expect(lastSegment('exports/slack/Команда Олени/')).toBe('Команда Олени');
    expect(lastSegment('C:\\data\\Messages.csv')).toBe('Messages.csv');
  });

  it('labels months', () => {
    expect(monthLabel('2026-03')).toBe('Mar 2026');
    expect(monthLabel('2026-W05')).toBe('2026-W05');
  });

  it('omits sections whose data is absent, with a reason', () => {
    const data = sampleDocument();
    expect(REPORT_SECTIONS.map((section) => section.omittedBecause(data))).toEqual([null, null, null, null]);
    data.engagement.monthly = [];
    data.conversations.threads = 0;
    data.sources = [];
    data.warnings = [];
    expect(REPORT_SECTIONS.map((section) => [section.id, section.omittedBecause(data)])).toEqual([
      ['summary', null],
      ['monthly-activity', 'the period holds no month with data.'],
      ['conversations', 'no thread was started in the period.'],
      ['data-quality', 'no input source was read.'],
    ]);
  });
});
