import { describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../../../src/report/pdf/index.js';
import { reportContext } from '../../../src/report/pdf/render-report.js';
import { monthLabel } from '../../../src/report/pdf/sections/common.js';
import { lastSegment, skippedText } from '../../../src/report/pdf/sections/data-quality.js';
import { summaryTiles } from '../../../src/report/pdf/sections/summary-tiles.js';
import { loadTemplate } from '../../../src/report/pdf/template.js';
import type { MetricsDocument } from '../../../src/report/json/document.js';
import { sampleDocument } from './sample-document.js';

const template = loadTemplate();
const context = (data: MetricsDocument) => reportContext(data, { generatedAt: new Date(0) }, template);

describe('summaryTiles', () => {
  it('takes every value from the document', () => {
    const data = sampleDocument();
    const tiles = summaryTiles(data, context(data));
    expect(tiles.map((tile) => [tile.label, tile.value])).toEqual([
      ['Active people', '137'],
      ['Contributors', '58'],
      ['Questions answered', '80%'], // questions: 24 / 30
      ['Median time to first response', '3.3 h'], // 3.25
    ]);
    expect(tiles[2]?.sentence).toBe('24 of 30 questions got a reply from someone other than the author.');
  });

  it('follows the sentence with the 95 % interval, or says too few to judge below the minimum n', () => {
    const data = sampleDocument();
    // 24 of 30: Wilson 95 % computed apart (Python, z = 1.959964): 0.6269 to 0.9049.
    data.conversations.questions.answeredRateInterval = { value: 0.8, low: 0.6269, high: 0.9049, n: 30 };
    data.conversations.medianHoursToFirstResponseInterval = { value: 3.25, low: null, high: null, n: 6 };
    const tiles = summaryTiles(data, context(data));
    expect(tiles[2]?.sentence).toBe(
      '24 of 30 questions got a reply from someone other than the author. 95% interval 63% to 90%.',
    );
    expect(tiles[3]?.sentence).toMatch(/ Too few to judge \(n = 6\)\.$/);
  });

  it('says a figure was not measured instead of printing a made-up value', () => {
    const data = sampleDocument();
    data.conversations.medianHoursToFirstResponse = null;
    expect(summaryTiles(data, context(data))[3]).toMatchObject({
      value: '—',
      sentence: 'Median time to first response: not measured in this period.',
    });
  });
});

describe('section helpers', () => {
  it('lists skipped records by reason in name order', () => {
    expect(skippedText({ read: 10, used: 5, skipped: 5, skippedByReason: { malformed: 2, bot: 3, deleted: 0 } })).toBe(
      '5: bot 3, malformed 2',
    );
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
    data.engagement.monthly = [];
    data.conversations.threads = 0;
    expect(REPORT_SECTIONS.map((section) => [section.id, section.omittedBecause(data, context(data))])).toEqual([
      ['executive-summary', null],
      ['engagement', 'the period holds no month with data.'],
      ['conversations', 'no thread was started in the period.'],
      ['ideas', 'metrics.json holds no ideas figures.'],
      ['contributors', 'metrics.json holds no recognition figures.'],
      ['organization', 'metrics.json holds no network or duplicate-effort figures.'],
      ['comparisons', 'metrics.json holds no comparisons or cohorts.'],
      ['business-case', 'metrics.json holds no business case.'],
      ['appendix', null],
    ]);
  });
});
