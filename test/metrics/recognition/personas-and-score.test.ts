import { describe, expect, it } from 'vitest';
import { personaOf, summarizePersonas } from '../../../src/metrics/recognition/personas.js';
import { DEFAULT_RECOGNITION_CONFIG, scoreFormula, scoreOf } from '../../../src/metrics/recognition/score.js';

const none = { posts: 0, replies: 0, reactionsGiven: 0, repliesReceived: 0, reactionsReceived: 0 };

describe('personaOf (balance ratio 2)', () => {
  it('is a catalyst from received = 2 · given', () => {
    expect(personaOf({ ...none, posts: 2, repliesReceived: 3, reactionsReceived: 1 }, 2)).toBe('catalyst'); // 4 >= 2 · 2
  });

  it('is an engager strictly between half and twice', () => {
    expect(personaOf({ ...none, replies: 3, repliesReceived: 2 }, 2)).toBe('engager'); // 2 > 3 / 2
  });

  it('is a broadcaster or a responder at or below half, by what they mostly give', () => {
    expect(personaOf({ ...none, posts: 4, repliesReceived: 2 }, 2)).toBe('broadcaster'); // 2 = 4 / 2, all posts
    expect(personaOf({ ...none, posts: 1, replies: 1, reactionsGiven: 2 }, 2)).toBe('responder'); // 0 received, 3 responses vs 1 post
  });

  it('is an observer with reactions only, and nothing without conversation activity', () => {
    expect(personaOf({ ...none, reactionsGiven: 1, reactionsReceived: 5 }, 2)).toBe('observer');
    expect(personaOf(none, 2)).toBeNull();
  });

  it('summarizes counts and shares over persons with a persona', () => {
    const s = summarizePersonas(['engager', 'engager', 'observer', null]);
    expect(s).toEqual({
      people: 3,
      counts: { engager: 2, catalyst: 0, responder: 0, broadcaster: 0, observer: 1 },
      shares: { engager: 2 / 3, catalyst: 0, responder: 0, broadcaster: 0, observer: 1 / 3 },
    });
    expect(summarizePersonas([]).shares.engager).toBeNull();
  });
});

describe('scoreOf', () => {
  it('is the weighted sum of the figures', () => {
    const figures = {
      posts: 1,
      replies: 2,
      firstResponses: 1,
      reactionsReceived: 4,
      wikiEdits: 3,
      ideasRaised: 1,
      ideasActioned: 1,
    };
    // 2·1 + 1·2 + 3·1 + 0.5·4 + 1·3 + 3·1 + 5·1 = 20
    expect(scoreOf(figures, DEFAULT_RECOGNITION_CONFIG.scoreWeights)).toBe(20);
    expect(
      scoreFormula({ ...DEFAULT_RECOGNITION_CONFIG.scoreWeights, wikiEdits: 0, ideasRaised: 0, ideasActioned: 0 }),
    ).toBe('2 × posts + 1 × replies + 3 × firstResponses + 0.5 × reactionsReceived');
  });
});
