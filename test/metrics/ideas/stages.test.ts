import { describe, expect, it } from 'vitest';
import { act } from '../../helpers/dataset.js';
import { context, ideasOf } from './helpers.js';

const reply = (id: string, at: string, identityId: string, threadId: string, text: string | null = null) =>
  act({ id, at, identityId, kind: 'reply', threadId, parentId: threadId, text });
const reaction = (id: string, at: string, identityId: string, threadId: string) =>
  act({ id, at, identityId, kind: 'reaction', threadId, parentId: threadId, reaction: 'like' });

describe('computeIdeas: stages on one thread', () => {
  it('walks raised -> discussed -> endorsed -> decided -> actioned with the first evidence of each', async () => {
    const ideas = await ideasOf({
      activities: [
        act({
          id: 'yammer:1',
          at: '2026-01-05T10:00:00Z',
          identityId: 'yammer:u1',
          text: '#idea Standing desks for everyone',
        }),
        // The author's own reply and reaction neither discuss nor endorse.
        reply('yammer:2', '2026-01-05T11:00:00Z', 'yammer:u1', 'yammer:1', 'more details'),
        reaction('yammer:3', '2026-01-05T12:00:00Z', 'yammer:u1', 'yammer:1'),
        reply('yammer:4', '2026-01-06T10:00:00Z', 'yammer:u2', 'yammer:1', 'Good one'),
        reaction('yammer:5', '2026-01-07T10:00:00Z', 'yammer:u3', 'yammer:1'),
        reply('yammer:6', '2026-01-07T12:00:00Z', 'yammer:u2', 'yammer:1', 'still good'),
        reply('yammer:7', '2026-01-08T10:00:00Z', 'yammer:u4', 'yammer:1', '+1'),
        reply('yammer:8', '2026-01-10T10:00:00Z', 'yammer:u5', 'yammer:1', 'The board said #Approved.'),
        // The author's own action tag counts: a release is a release whoever announces it.
        reply('yammer:9', '2026-01-20T10:00:00Z', 'yammer:u1', 'yammer:1', 'Desks arrived #shipped'),
      ],
    });
    expect(ideas.funnel).toEqual({ raised: 1, discussed: 1, endorsed: 1, decided: 1, actioned: 1 });
    const [item] = ideas.items;
    expect(item).toMatchObject({
      id: 'yammer:1',
      source: 'yammer',
      title: '#idea Standing desks for everyone',
      author: 'yammer:u1',
      stage: 'actioned',
      raisedAt: '2026-01-05T10:00:00.000Z',
      discussedAt: '2026-01-06T10:00:00.000Z',
      // u2 (reply), u3 (reaction), u4 (reply): the third distinct other person.
      endorsedAt: '2026-01-08T10:00:00.000Z',
      decidedAt: '2026-01-10T10:00:00.000Z',
      actionedAt: '2026-01-20T10:00:00.000Z',
      participants: 5,
      stalled: false,
      declined: false,
    });
    expect(item?.evidence.map((e) => [e.stage, e.kind, e.activityId, e.person, e.tag ?? e.persons ?? null])).toEqual([
      ['raised', 'rule', 'yammer:1', 'yammer:u1', '#idea'],
      ['discussed', 'reply', 'yammer:4', 'yammer:u2', null],
      ['endorsed', 'engagement', 'yammer:7', 'yammer:u4', 3],
      ['decided', 'tag', 'yammer:8', 'yammer:u5', '#approved'],
      ['actioned', 'tag', 'yammer:9', 'yammer:u1', '#shipped'],
    ]);
    // Days from raised: 1, 3, 5, 15; in stage: raised 1, discussed 2, endorsed 2, decided 10.
    expect(ideas.daysFromRaised).toEqual({
      discussed: { median: 1, p90: 1, ideas: 1 },
      endorsed: { median: 3, p90: 3, ideas: 1 },
      decided: { median: 5, p90: 5, ideas: 1 },
      actioned: { median: 15, p90: 15, ideas: 1 },
    });
    expect(ideas.daysInStage.decided).toEqual({ median: 10, p90: 10, ideas: 1 });
    expect(ideas.daysInStage.discussed.median).toBe(2);
    expect([ideas.medianDaysToDecision, ideas.medianDaysToAction]).toEqual([5, 15]);
  });

  it('counts a decision without prior discussion as discussed and endorsed, with implied evidence', async () => {
    const ideas = await ideasOf({
      activities: [
        act({ id: 'yammer:1', at: '2026-02-01T09:00:00Z', identityId: 'yammer:u1', text: 'Idea: a library corner' }),
        reply('yammer:2', '2026-02-03T09:00:00Z', 'yammer:u1', 'yammer:1', 'Budget found, #decision taken'),
      ],
    });
    expect(ideas.funnel).toEqual({ raised: 1, discussed: 1, endorsed: 1, decided: 1, actioned: 0 });
    const [item] = ideas.items;
    expect(item).toMatchObject({
      stage: 'decided',
      discussedAt: '2026-02-03T09:00:00.000Z',
      endorsedAt: '2026-02-03T09:00:00.000Z',
      decidedAt: '2026-02-03T09:00:00.000Z',
      actionedAt: null,
    });
    expect(item?.evidence.slice(0, 3)).toEqual([
      {
        stage: 'raised',
        at: '2026-02-01T09:00:00.000Z',
        kind: 'rule',
        rule: 'prefix',
        activityId: 'yammer:1',
        person: 'yammer:u1',
      },
      {
        stage: 'discussed',
        at: '2026-02-03T09:00:00.000Z',
        kind: 'implied',
        impliedBy: 'decided',
        activityId: null,
        person: null,
      },
      {
        stage: 'endorsed',
        at: '2026-02-03T09:00:00.000Z',
        kind: 'implied',
        impliedBy: 'decided',
        activityId: null,
        person: null,
      },
    ]);
  });

  it('takes an earlier later stage as the time of a stage whose own evidence came later', async () => {
    // Decided on day 2 by the author; the first other person replies on day 5. Discussed is reached
    // by day 2 (implied), so days in stage are never negative.
    const ideas = await ideasOf({
      activities: [
        act({ id: 'yammer:1', at: '2026-02-01T00:00:00Z', identityId: 'yammer:u1', text: '#idea x' }),
        reply('yammer:2', '2026-02-03T00:00:00Z', 'yammer:u1', 'yammer:1', '#planned'),
        reply('yammer:3', '2026-02-06T00:00:00Z', 'yammer:u2', 'yammer:1', 'nice'),
      ],
    });
    expect(ideas.items[0]).toMatchObject({
      discussedAt: '2026-02-03T00:00:00.000Z',
      decidedAt: '2026-02-03T00:00:00.000Z',
    });
    expect(ideas.daysInStage.discussed).toEqual({ median: 0, p90: 0, ideas: 1 });
  });

  it("counts tags in the author's own starter: #idea #approved is decided when raised", async () => {
    const ideas = await ideasOf({
      activities: [
        act({
          id: 'yammer:1',
          at: '2026-01-10T08:00:00Z',
          identityId: 'yammer:u1',
          text: '#Idea #approved: move standup to 10:00',
        }),
        reaction('yammer:2', '2026-01-10T09:00:00Z', 'yammer:u1', 'yammer:1'),
        // Not ideas: the plural tag, a tag glued to a word, the prefix not at the start.
        act({ id: 'yammer:3', at: '2026-01-11T08:00:00Z', identityId: 'yammer:u2', text: 'Send us your #ideas' }),
        act({
          id: 'yammer:4',
          at: '2026-01-11T09:00:00Z',
          identityId: 'yammer:u2',
          text: 'C#idea is not a tag; my Idea: none',
        }),
      ],
    });
    expect(ideas.items.map((i) => i.id)).toEqual(['yammer:1']);
    expect(ideas.funnel).toEqual({ raised: 1, discussed: 1, endorsed: 1, decided: 1, actioned: 0 });
    expect(ideas.items[0]?.evidence[3]).toMatchObject({
      stage: 'decided',
      kind: 'tag',
      tag: '#approved',
      activityId: 'yammer:1',
      person: 'yammer:u1',
    });
    expect(ideas.medianDaysToDecision).toBe(0);
    expect(ideas.items[0]?.participants).toBe(1);
  });

  it('honours configured tags, idea spaces and endorse threshold', async () => {
    const ideas = await ideasOf(
      {
        spaces: [{ id: 'slack:C9', source: 'slack', name: 'improvements', kind: 'channel', isPrivate: false }],
        activities: [
          act({
            id: 'slack:C9:1.000001',
            source: 'slack',
            spaceId: 'slack:C9',
            at: '2026-01-05T00:00:00Z',
            identityId: 'slack:U1',
            text: 'Free coffee?',
          }),
          act({
            id: 'slack:C9:2.000001',
            source: 'slack',
            spaceId: 'slack:C9',
            kind: 'reply',
            threadId: 'slack:C9:1.000001',
            at: '2026-01-06T00:00:00Z',
            identityId: 'slack:U2',
            text: 'yes #go',
          }),
          // #idea is not configured any more.
          act({
            id: 'slack:C1:3.000001',
            source: 'slack',
            spaceId: 'slack:C1',
            at: '2026-01-05T00:00:00Z',
            identityId: 'slack:U1',
            text: '#idea tea',
          }),
        ],
      },
      context({ ideaTags: ['#brainwave'], ideaSpaces: ['#Improvements'], decisionTags: ['go'], endorseThreshold: 1 }),
    );
    expect(ideas.items.map((i) => [i.id, i.space, i.stage, i.endorsedAt])).toEqual([
      ['slack:C9:1.000001', 'improvements', 'decided', '2026-01-06T00:00:00.000Z'],
    ]);
    expect(ideas.items[0]?.evidence[0]).toMatchObject({ kind: 'rule', rule: 'space' });
  });
  it('works with empty tag lists: only the other rules find ideas and no tag moves a stage', async () => {
    const ideas = await ideasOf(
      {
        activities: [
          act({
            id: 'yammer:1',
            at: '2026-01-05T00:00:00Z',
            identityId: 'yammer:u1',
            text: 'Idea: shorter meetings #idea',
          }),
          act({
            id: 'yammer:2',
            kind: 'reply',
            threadId: 'yammer:1',
            at: '2026-01-06T00:00:00Z',
            identityId: 'yammer:u2',
            text: '#approved #done',
          }),
          act({ id: 'yammer:3', at: '2026-01-05T00:00:00Z', identityId: 'yammer:u1', text: '#idea only a tag' }),
        ],
      },
      context({ ideaTags: [], decisionTags: [], actionTags: [] }),
    );
    expect(ideas.items.map((i) => [i.id, i.stage])).toEqual([['yammer:1', 'discussed']]);
  });
});

describe('computeIdeas: figures over several ideas', () => {
  it('computes funnel, conversion, median and p90 days over the ideas that reached a stage', async () => {
    // Decided after 2, 4 and 10 days; a fourth idea never decided.
    // p90 of [2, 4, 10]: rank 0.9 * 2 = 1.8 -> 4 + 0.8 * (10 - 4) = 8.8.
    const starters = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'].map((day, i) =>
      act({
        id: `yammer:${i + 1}`,
        at: `${day}T00:00:00Z`,
        identityId: `yammer:u${i + 1}`,
        text: `#idea number ${i + 1}`,
      }),
    );
    const ideas = await ideasOf({
      activities: [
        ...starters,
        reply('yammer:11', '2026-01-03T00:00:00Z', 'yammer:u9', 'yammer:1', '#accepted'),
        reply('yammer:12', '2026-01-06T00:00:00Z', 'yammer:u9', 'yammer:2', '#accepted'),
        reply('yammer:13', '2026-01-13T00:00:00Z', 'yammer:u9', 'yammer:3', '#accepted'),
        reply('yammer:14', '2026-01-05T00:00:00Z', 'yammer:u9', 'yammer:4', 'hmm'),
      ],
    });
    expect(ideas.funnel).toEqual({ raised: 4, discussed: 4, endorsed: 3, decided: 3, actioned: 0 });
    expect(ideas.conversion).toEqual({ raised: 1, discussed: 1, endorsed: 0.75, decided: 0.75, actioned: 0 });
    expect(ideas.daysFromRaised.decided.median).toBe(4);
    expect(ideas.daysFromRaised.decided.p90).toBeCloseTo(8.8, 10);
    expect(ideas.medianDaysToAction).toBeNull();
    expect(ideas.daysFromRaised.actioned).toEqual({ median: null, p90: null, ideas: 0 });
  });

  it('gives null conversion and empty lists when there are no ideas', async () => {
    const ideas = await ideasOf({
      activities: [act({ id: 'yammer:1', at: '2026-01-05T00:00:00Z', identityId: 'yammer:u1', text: 'hello' })],
    });
    expect(ideas.funnel).toEqual({ raised: 0, discussed: 0, endorsed: 0, decided: 0, actioned: 0 });
    expect(ideas.conversion.raised).toBeNull();
    expect([ideas.items, ideas.oldestOpen, ideas.bySpace, ideas.ledgerValue]).toEqual([[], [], [], null]);
  });
});
