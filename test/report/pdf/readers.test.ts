import { describe, expect, it } from 'vitest';
import { configRows } from '../../../src/report/pdf/sections/appendix.js';
import { changeText, statusOf } from '../../../src/report/pdf/sections/summary-tiles.js';
import { readBusinessCase } from '../../../src/report/pdf/sections/read-business-case.js';
import { readIdeas } from '../../../src/report/pdf/sections/read-ideas.js';
import { readIdentities } from '../../../src/report/pdf/sections/read-identities.js';
import { readModeration } from '../../../src/report/pdf/sections/read-moderation.js';
import { readNetwork } from '../../../src/report/pdf/sections/read-network.js';
import { readRecognition } from '../../../src/report/pdf/sections/read-recognition.js';
import { richDocument, richIdentities } from './rich-document.js';

describe('section readers', () => {
  it('read the open sections of a document into their types', () => {
    const data = richDocument();
    expect(readIdeas(data.ideas)?.funnel).toEqual({ raised: 7, discussed: 6, endorsed: 5, decided: 4, actioned: 3 });
    expect(readBusinessCase(data.businessCase)?.scenarios.base.cost).toBe(2400);
    expect(readModeration(data.moderation)?.moderatorCount).toBe(1);
    expect(readRecognition(data.recognition)?.helpers[0]?.firstResponses).toBe(14);
    expect(readNetwork(data.network)?.departments?.crossDepartmentShare).toBe(0.37);
    expect(readIdentities(richIdentities())?.persons).toBe(137);
  });

  it('treat an absent or malformed section as absent', () => {
    expect(readIdeas(null)).toBeNull();
    expect(readIdeas({ funnel: { raised: '7' } })).toBeNull();
    expect(readBusinessCase({ estimate: false })).toBeNull();
    expect(readModeration(undefined)).toBeNull();
    expect(readIdentities({ sources: [{}] })).toBeNull();
  });
});

describe('tile figures', () => {
  it('words changes against the baseline by kind of figure', () => {
    expect(changeText({ current: 137, baseline: 120, delta: 17, deltaPct: 14.166 }, 'count')).toBe('+17 (+14%) vs baseline');
    // 0.775 − 0.70 = 0.075 -> 7.5 points.
    expect(changeText({ current: 0.775, baseline: 0.7, delta: 0.075, deltaPct: 10.7 }, 'percent')).toBe('+7.5 pts vs baseline');
    expect(changeText({ current: 2, baseline: 3.2, delta: -1.2, deltaPct: -37.5 }, 'hours')).toBe('−1.2 h (−38%) vs baseline');
    expect(changeText({ current: 5, baseline: null, delta: null, deltaPct: null }, 'count')).toBe('No baseline figure to compare');
    expect(changeText(undefined, 'count')).toBeUndefined();
  });

  it('shows the first target on the tile’s metric', () => {
    const target = { metric: 'conversations.answeredRate', op: '>=' as const, expected: 0.7, actual: 0.6, passed: false, level: 'error' as const, message: '' };
    expect(statusOf([target], 'conversations.answeredRate', 'percent')).toEqual({ text: 'Target ≥ 70%: not met', met: false });
    expect(statusOf([target], 'engagement.totals.activePeople', 'count')).toBeUndefined();
  });
});

describe('configRows', () => {
  it('flattens the config in key order and hides people under --anonymize', () => {
    const config = { timeZone: 'UTC', moderators: ['a@x.org', 'b@x.org'], businessCase: { orgSize: 2000 }, pdf: undefined, ideas: { tags: [] } };
    expect(configRows(config, false)).toEqual([
      ['businessCase.orgSize', '2000'], ['ideas.tags', '(none)'], ['moderators', 'a@x.org, b@x.org'], ['timeZone', 'UTC'],
    ]);
    expect(configRows(config, true)).toContainEqual(['moderators', '2 entries (hidden: --anonymize)']);
  });
});
