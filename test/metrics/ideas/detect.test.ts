import { describe, expect, it } from 'vitest';
import {
  firstTag,
  hashtags,
  ideaRules,
  matchIdeaRule,
  normalizeTags,
  tagPrefilter,
} from '../../../src/metrics/ideas/detect.js';
import { DEFAULT_METRICS_CONFIG } from '../../../src/metrics/types.js';

const rules = ideaRules({ ideaTags: DEFAULT_METRICS_CONFIG.ideaTags, ideaSpaces: ['#Innovation', 'slack:C42'] });
const starter = (text: string | null, extra: Partial<{ title: string; spaceId: string; spaceName: string }> = {}) => ({
  text,
  title: extra.title ?? null,
  spaceId: extra.spaceId ?? 'yammer:1',
  spaceName: extra.spaceName ?? 'General',
});

describe('hashtags', () => {
  it('finds whole tags, lower-cased, and ignores # glued to words, URLs and entities', () => {
    expect(
      hashtags('Try #Idea, #ideas and #idea-board; C# is fine, see https://x.com/#/Threads and it&#39;s #done.'),
    ).toEqual(['idea', 'ideas', 'idea-board', 'done']);
  });

  it('reads tags at the start of the text and non-Latin tags', () => {
    expect(hashtags('#idée à creuser #提案')).toEqual(['idée', '提案']);
  });
});

describe('firstTag', () => {
  it('matches the whole tag case-insensitively: #IDEA matches, #ideas does not', () => {
    const tags = normalizeTags(['#idea']);
    expect(firstTag('We need #ideas here', tags)).toBeNull();
    expect(firstTag('#IDEA: faster builds', tags)).toBe('#idea');
  });

  it('accepts config tags written without # or with stray blanks', () => {
    expect([...normalizeTags([' Idea ', '#Done', '', '#'])]).toEqual(['idea', 'done']);
  });
});

describe('matchIdeaRule', () => {
  it('prefers the tag rule and names the tag', () => {
    expect(matchIdeaRule(starter('A #Proposal for lunch', { spaceName: 'Innovation' }), rules)).toEqual({
      rule: 'tag',
      tag: '#proposal',
    });
  });

  it('matches idea spaces by name (leading # ignored) or by id', () => {
    expect(matchIdeaRule(starter('plain text', { spaceName: 'innovation' }), rules)).toEqual({ rule: 'space' });
    expect(matchIdeaRule(starter('plain text', { spaceId: 'slack:C42', spaceName: 'random' }), rules)).toEqual({
      rule: 'space',
    });
  });

  it('matches the Idea: prefix in the text or the title, case-insensitive, not elsewhere', () => {
    expect(matchIdeaRule(starter('  idea : shorter meetings'), rules)).toEqual({ rule: 'prefix' });
    expect(matchIdeaRule(starter('body', { title: 'IDEA: a subject' }), rules)).toEqual({ rule: 'prefix' });
    expect(matchIdeaRule(starter('My idea: shorter meetings'), rules)).toBeNull();
    expect(matchIdeaRule(starter('Ideas: none'), rules)).toBeNull();
    expect(matchIdeaRule(starter(null), rules)).toBeNull();
  });
});

describe('tagPrefilter', () => {
  it('builds an alternation with regex characters escaped, and null for no tags', () => {
    expect(tagPrefilter(normalizeTags(['#a.b', '#c+']))).toBe('#(a\\.b|c\\+)');
    expect(tagPrefilter(new Set())).toBeNull();
  });
});
