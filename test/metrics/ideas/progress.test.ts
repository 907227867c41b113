import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTags } from '../../../src/metrics/ideas/detect.js';
import { IDEA_STAGES } from '../../../src/metrics/ideas/result.js';
import { progressOf, type OutsideEvidence, type ThreadMessage } from '../../../src/metrics/ideas/stages.js';

const rules = { decisionTags: normalizeTags(['#approved']), actionTags: normalizeTags(['#done']), endorseThreshold: 2 };
const seed = { threadId: 't', author: 'p0', raisedAt: 0, rule: { rule: 'prefix' } as const };

const message = fc.record({
  activityId: fc.string({ minLength: 1, maxLength: 4 }),
  kind: fc.constantFrom('reply', 'reaction'),
  at: fc.integer({ min: 1, max: 1000 }),
  person: fc.constantFrom('p0', 'p1', 'p2', 'p3'),
  text: fc.constantFrom(null, 'ok', '#approved', '#done', '#Done and #approved'),
}) satisfies fc.Arbitrary<ThreadMessage>;

const outside = fc
  .record({ at: fc.integer({ min: 1, max: 1000 }), stage: fc.constantFrom(...IDEA_STAGES.slice(1)) })
  .map(
    ({ at, stage }): OutsideEvidence => ({
      at,
      evidence: { stage, at: new Date(at).toISOString(), kind: 'ledger', activityId: null, person: null },
    }),
  );

describe('progressOf', () => {
  it('never lets a later stage be reached without the earlier ones, nor earlier in time', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 12 }), fc.array(outside, { maxLength: 3 }), (messages, extra) => {
        const p = progressOf(seed, messages, extra, rules);
        const times = IDEA_STAGES.map((s) => p.reachedAt[s]);
        for (let i = 1; i < times.length; i++) {
          const [earlier, later] = [times[i - 1], times[i]];
          if (later !== null && later !== undefined) {
            expect(earlier).not.toBeNull();
            expect(earlier ?? Infinity).toBeLessThanOrEqual(later);
          }
        }
        // One evidence per reached stage, in stage order.
        expect(p.evidence.map((e) => e.stage)).toEqual(IDEA_STAGES.filter((s) => p.reachedAt[s] !== null));
        expect(p.stage).toBe(IDEA_STAGES.filter((s) => p.reachedAt[s] !== null).at(-1));
      }),
    );
  });

  it('ignores the author for discussed and endorsed whatever they do', () => {
    fc.assert(
      fc.property(
        fc.array(
          message.map((m) => ({ ...m, person: 'p0', text: null })),
          { maxLength: 10 },
        ),
        (messages) => {
          expect(progressOf(seed, messages, [], rules).stage).toBe('raised');
        },
      ),
    );
  });
});
