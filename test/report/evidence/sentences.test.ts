import { describe, expect, it } from 'vitest';
import type { Difference } from '../../../src/metrics/evidence/compare.js';
import type { ModerationEffect } from '../../../src/metrics/evidence/moderation-effects.js';
import { benchmarkValue, differenceSentence, moderationLines, pText } from '../../../src/report/evidence/sentences.js';

const rate = (partial: Partial<Difference>): Difference => ({
  measure: 'answeredRate',
  first: 0.8,
  second: 0.53,
  firstN: 120,
  secondN: 300,
  difference: 0.27,
  low: 0.18,
  high: 0.35,
  pValue: 0.0004,
  verdict: 'higher',
  ...partial,
});
const names = { first: 'pilot threads', second: 'elsewhere' };

describe('differenceSentence', () => {
  it('states a clear difference with its size, interval and p', () => {
    expect(differenceSentence(rate({}), names, 10)).toBe(
      'Answered more often: +27 points, 95% interval +18 to +35 (p < 0.001; 120 pilot threads, 300 elsewhere).',
    );
  });

  it('says "no clear difference" when the interval holds zero', () => {
    expect(
      differenceSentence(
        rate({ difference: 0.05, low: -0.04, high: 0.14, pValue: 0.27, verdict: 'no clear difference' }),
        names,
        10,
      ),
    ).toBe(
      'No clear difference in the share answered: +5 points, 95% interval −4 to +14 (p = 0.27; 120 pilot threads, 300 elsewhere).',
    );
  });

  it('gives no number below the minimum threads', () => {
    const text = differenceSentence(
      rate({ firstN: 4, difference: null, low: null, high: null, pValue: null, verdict: 'too few' }),
      names,
      10,
    );
    expect(text).toBe('Too few threads to tell (4 pilot threads, 300 elsewhere; at least 10 on each side needed).');
  });

  it('words replies per thread in replies', () => {
    const replies = rate({
      measure: 'repliesPerThread',
      difference: -0.5,
      low: -0.9,
      high: -0.1,
      pValue: 0.012,
      verdict: 'lower',
    });
    expect(differenceSentence(replies, names, 10)).toBe(
      'Fewer replies per thread: −0.50 replies per thread, 95% interval −0.90 to −0.10 (p = 0.01; 120 pilot threads, 300 elsewhere).',
    );
  });
});

describe('moderationLines', () => {
  const effect = (space: string, partial: Partial<ModerationEffect>): ModerationEffect => ({
    space,
    moderator: 'm',
    since: '2026-01-01',
    monthsBefore: 2,
    monthsAfter: 3,
    method: 'difference',
    note: '2 month(s) with threads before and 3 after; a time series needs 6 on each side',
    answeredRate: rate({ firstN: 20, secondN: 15 }),
    its: null,
    ...partial,
  });

  it('states the spaces with evidence and groups the rest in one line each', () => {
    const lines = moderationLines(
      [
        effect('Sales', {}),
        effect('HR', {
          answeredRate: rate({ secondN: 3, verdict: 'too few', difference: null, low: null, high: null, pValue: null }),
        }),
        effect('Ops', {
          answeredRate: rate({ secondN: 0, verdict: 'too few', difference: null, low: null, high: null, pValue: null }),
        }),
      ],
      10,
    );
    expect(lines).toEqual([
      'Sales, moderated from 2026-01-01: answered more often: +27 points, 95% interval +18 to +35 (p < 0.001; 20 threads after, 15 before). Plain before/after difference: 2 month(s) with threads before and 3 after; a time series needs 6 on each side.',
      "Too few threads to tell before vs after the moderator's start (at least 10 on each side needed) in HR.",
      'One space has no thread before the moderator started, so nothing to compare: Ops.',
    ]);
  });

  it('reports the time series when there is one', () => {
    const its = {
      levelChange: { estimate: 0.12, low: 0.02, high: 0.22 },
      slopeChange: { estimate: -0.01, low: -0.03, high: 0.01 },
    };
    const [line] = moderationLines(
      [effect('Sales', { method: 'interrupted time series', note: null, its, monthsBefore: 7, monthsAfter: 6 })],
      10,
    );
    expect(line).toBe(
      'Sales, moderated from 2026-01-01: the monthly answered rate moved +12 points (95% interval +2 to +22) at the start and its trend by −1 points a month (−3 to +1); interrupted time series over 7 months before and 6 after.',
    );
  });
});

describe('formats', () => {
  it('prints p-values and reference figures', () => {
    expect([pText(0.0004), pText(0.004), pText(0.33)]).toEqual(['p < 0.001', 'p = 0.004', 'p = 0.33']);
    expect([benchmarkValue(0.5595, 'share'), benchmarkValue(2, 'ratio'), benchmarkValue(null, 'share')]).toEqual([
      '56%',
      '2.0 ×',
      'not measured',
    ]);
  });
});
