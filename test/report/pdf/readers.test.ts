import { describe, expect, it } from 'vitest';
import { configRows } from '../../../src/report/pdf/sections/appendix.js';
import { changeText, statusOf } from '../../../src/report/pdf/sections/summary-tiles.js';
import { moderationView, recognitionView } from '../../../src/report/pdf/sections/views.js';
import { richDocument } from './rich-document.js';

describe('section views', () => {
  it('give the report the typed sections without the names it never prints', () => {
    const data = richDocument();
    const moderation = moderationView(data.moderation);
    expect(moderation?.moderatorCount).toBe(data.moderation?.moderators.length);
    expect(moderation?.moderatorCount).toBe(1);
    expect(moderation && 'moderators' in moderation).toBe(false);
    const recognition = recognitionView(data.recognition);
    expect(recognition?.formula).toBe(data.recognition?.score.formula);
    expect(recognition?.helpers[0]?.firstResponses).toBe(14);
    expect(recognition && 'people' in recognition).toBe(false);
  });

  it('are null when the section was not computed', () => {
    expect(moderationView(null)).toBeNull();
    expect(recognitionView(null)).toBeNull();
  });
});

describe('tile figures', () => {
  it('words changes against the baseline by kind of figure', () => {
    expect(changeText({ current: 137, baseline: 120, delta: 17, deltaPct: 14.166 }, 'count')).toBe(
      '+17 (+14%) vs baseline',
    );
    // 0.775 − 0.70 = 0.075 -> 7.5 points.
    expect(changeText({ current: 0.775, baseline: 0.7, delta: 0.075, deltaPct: 10.7 }, 'percent')).toBe(
      '+7.5 pts vs baseline',
    );
    expect(changeText({ current: 2, baseline: 3.2, delta: -1.2, deltaPct: -37.5 }, 'hours')).toBe(
      '−1.2 h (−38%) vs baseline',
    );
    expect(changeText({ current: 5, baseline: null, delta: null, deltaPct: null }, 'count')).toBe(
      'No baseline figure to compare',
    );
    expect(changeText(undefined, 'count')).toBeUndefined();
  });

  it('shows the first target on the tile’s metric', () => {
    const target = {
      metric: 'conversations.answeredRate',
      op: '>=' as const,
      expected: 0.7,
      actual: 0.6,
      passed: false,
      level: 'error' as const,
      message: '',
    };
    expect(statusOf([target], 'conversations.answeredRate', 'percent')).toEqual({
      text: 'Target ≥ 70%: not met',
      met: false,
    });
    expect(statusOf([target], 'engagement.totals.activePeople', 'count')).toBeUndefined();
  });
});

describe('configRows', () => {
  it('flattens the config in key order and hides people under --anonymize', () => {
    const config = {
      timeZone: 'UTC',
      moderators: ['a@x.org', 'b@x.org'],
      businessCase: { orgSize: 2000 },
      pdf: undefined,
      ideas: { tags: [] },
    };
    expect(configRows(config, false)).toEqual([
      ['businessCase.orgSize', '2000'],
      ['ideas.tags', '(none)'],
      ['moderators', 'a@x.org, b@x.org'],
      ['timeZone', 'UTC'],
    ]);
    expect(configRows(config, true)).toContainEqual(['moderators', '2 entries (hidden: --anonymize)']);
  });
});
