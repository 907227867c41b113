import { describe, expect, it } from 'vitest';
import { act } from '../../helpers/dataset.js';
import { context, ideasOf, ledgerRow } from './helpers.js';

describe('computeIdeas: links from elsewhere are action evidence', () => {
  it('counts a wiki revision that links to the idea thread as actioned', async () => {
    const ideas = await ideasOf({
      activities: [
        act({
          id: 'yammer:100',
          at: '2026-01-05T00:00:00Z',
          identityId: 'yammer:u1',
          text: '#idea onboarding checklist',
        }),
        act({
          id: 'mediawiki:r7',
          source: 'mediawiki',
          kind: 'page_edit',
          spaceId: 'mediawiki:wiki',
          threadId: 'mediawiki:page:12',
          at: '2026-02-10T00:00:00Z',
          identityId: 'mediawiki:Bob',
          links: ['https://example.com/other', 'https://www.yammer.com/contoso.com/#/Threads/show?threadId=100'],
        }),
      ],
    });
    expect(ideas.items[0]).toMatchObject({
      stage: 'actioned',
      actionedAt: '2026-02-10T00:00:00.000Z',
      discussedAt: '2026-02-10T00:00:00.000Z',
    });
    expect(ideas.items[0]?.evidence.at(-1)).toEqual({
      stage: 'actioned',
      at: '2026-02-10T00:00:00.000Z',
      kind: 'link',
      activityId: 'mediawiki:r7',
      person: 'mediawiki:Bob',
      link: 'https://www.yammer.com/contoso.com/#/Threads/show?threadId=100',
    });
  });

  it("resolves a permalink to a reply through its thread, and ignores links inside the idea's own thread", async () => {
    // 1767571200 = 2026-01-05T00:00:00Z.
    const idea = 'slack:C1:1767571200.000100';
    const ideas = await ideasOf({
      activities: [
        act({
          id: idea,
          source: 'slack',
          spaceId: 'slack:C1',
          at: '2026-01-05T00:00:00Z',
          identityId: 'slack:U1',
          text: '#proposal shared parking',
        }),
        act({
          id: 'slack:C1:1767574800.000200',
          source: 'slack',
          spaceId: 'slack:C1',
          kind: 'reply',
          threadId: idea,
          parentId: idea,
          at: '2026-01-05T01:00:00Z',
          identityId: 'slack:U2',
          links: ['https://acme.slack.com/archives/C1/p1767571200000100'],
        }),
        act({
          id: 'slack:C2:1767657600.000300',
          source: 'slack',
          spaceId: 'slack:C2',
          at: '2026-01-06T00:00:00Z',
          identityId: 'slack:U3',
          links: ['https://acme.slack.com/archives/C1/p1767574800000200'],
        }),
      ],
    });
    expect(ideas.items[0]?.actionedAt).toBe('2026-01-06T00:00:00.000Z');
    expect(ideas.items[0]?.evidence.at(-1)).toMatchObject({
      kind: 'link',
      activityId: 'slack:C2:1767657600.000300',
      person: 'slack:U3',
    });
  });

  it('does not count a link that only points to itself', async () => {
    const ideas = await ideasOf({
      activities: [
        act({
          id: 'yammer:5',
          at: '2026-01-05T00:00:00Z',
          identityId: 'yammer:u1',
          text: '#idea see https://www.yammer.com/contoso.com/threads/5',
          links: ['https://www.yammer.com/contoso.com/threads/5'],
        }),
      ],
    });
    expect(ideas.items[0]?.stage).toBe('raised');
  });
});

describe('computeIdeas: ledger', () => {
  const activities = [
    act({
      id: 'yammer:200',
      at: '2026-02-01T00:00:00Z',
      identityId: 'yammer:u1',
      text: '#suggestion free fruit on Fridays',
    }),
    act({
      id: 'yammer:201',
      kind: 'reply',
      threadId: 'yammer:200',
      at: '2026-02-20T00:00:00Z',
      identityId: 'yammer:u2',
      text: 'Fruit is here #done',
    }),
    act({
      id: 'yammer:300',
      spaceId: 'yammer:secret',
      at: '2026-02-02T12:00:00Z',
      identityId: 'yammer:u3',
      text: '#idea bike racks in the basement',
    }),
    act({ id: 'yammer:400', at: '2025-12-15T00:00:00Z', identityId: 'yammer:u1', text: '#idea old one' }),
  ];
  const spaces = [
    { id: 'yammer:secret', source: 'yammer' as const, name: 'Secret Project', kind: 'group' as const, isPrivate: true },
  ];
  const ledger = [
    ledgerRow({
      idea: 'https://www.yammer.com/contoso.com/threads/200',
      stage: 'actioned',
      date: '2026-02-15',
      note: 'budget line 42',
      value: 1200,
      line: 2,
    }),
    ledgerRow({ idea: 'yammer:300', stage: 'declined', date: '2026-02-03', note: 'bike racks not allowed', line: 3 }),
    // A bare id; dated on the day the idea was raised (12:00), so it counts from the raise.
    ledgerRow({ idea: '300', stage: 'decided', date: '2026-02-02', value: 300, line: 4 }),
    ledgerRow({ idea: '999', stage: 'actioned', date: '2026-02-02', value: 5, line: 5 }),
    ledgerRow({ idea: 'yammer:400', stage: 'actioned', date: '2026-02-02', line: 6 }),
    ledgerRow({ idea: 'yammer:200', stage: 'decided', date: '2026-04-05', line: 7 }),
    ledgerRow({ idea: 'yammer:200', stage: 'decided', date: '2026-01-15', line: 8 }),
  ];

  it('applies ledger rows as evidence, earlier than thread evidence when they are, and sums their values', async () => {
    const ideas = await ideasOf({ activities, spaces }, context(), ledger);
    const fruit = ideas.items.find((i) => i.id === 'yammer:200');
    // The ledger (02-15) is earlier than the #done reply (02-20): 14 days to action.
    expect(fruit).toMatchObject({ stage: 'actioned', actionedAt: '2026-02-15T00:00:00.000Z' });
    expect(fruit?.evidence.at(-1)).toEqual({
      stage: 'actioned',
      at: '2026-02-15T00:00:00.000Z',
      kind: 'ledger',
      activityId: null,
      person: null,
      line: 2,
      note: 'budget line 42',
      value: 1200,
    });
    expect(ideas.medianDaysToAction).toBe(14);
    // 1200 (line 2) + 300 (line 4); the unmatched row's 5 is not counted.
    expect(ideas.ledgerValue).toBe(1500);
    // Each applied row with a value, for the business case: line 4's bare id names yammer:300.
    expect(ideas.ledgerValues).toEqual([
      { ideaId: 'yammer:200', line: 2, value: 1200, at: '2026-02-15T00:00:00.000Z' },
      { ideaId: 'yammer:300', line: 4, value: 300, at: expect.stringMatching(/^2026-02-02T/) },
    ]);
  });

  it('closes a declined idea: stage unchanged, declined, not stalled, not open', async () => {
    const ideas = await ideasOf({ activities, spaces }, context(), ledger);
    const racks = ideas.items.find((i) => i.id === 'yammer:300');
    expect(racks).toMatchObject({
      stage: 'decided',
      declined: true,
      declinedAt: '2026-02-03T00:00:00.000Z',
      decidedAt: '2026-02-02T12:00:00.000Z',
      stalled: false,
    });
    expect([ideas.declined, ideas.open, ideas.stalled]).toEqual([1, 0, 0]);
  });

  it('reports ledger rows it cannot apply, with the reason', async () => {
    const ideas = await ideasOf({ activities, spaces }, context(), ledger);
    expect(ideas.ledgerUnmatched).toEqual([
      { line: 5, idea: '999', stage: 'actioned', reason: 'noSuchIdea' },
      { line: 6, idea: 'yammer:400', stage: 'actioned', reason: 'ideaOutsidePeriod' },
      { line: 7, idea: 'yammer:200', stage: 'decided', reason: 'afterPeriodEnd' },
      { line: 8, idea: 'yammer:200', stage: 'decided', reason: 'beforeRaised' },
    ]);
  });

  it('reports a bare id that several ideas end with as ambiguous', async () => {
    const ideas = await ideasOf(
      {
        activities: [
          act({ id: 'yammer:7', at: '2026-01-05T00:00:00Z', identityId: 'yammer:u1', text: '#idea a' }),
          act({
            id: 'teams:19:x@thread.tacv2:7',
            source: 'teams',
            at: '2026-01-05T00:00:00Z',
            identityId: 'teams:u1',
            text: '#idea b',
          }),
        ],
      },
      context(),
      [ledgerRow({ idea: '7', stage: 'actioned', date: '2026-01-06', line: 2 })],
    );
    expect(ideas.ledgerUnmatched).toEqual([{ line: 2, idea: '7', stage: 'actioned', reason: 'ambiguous' }]);
    expect(ideas.funnel.actioned).toBe(0);
  });

  it('resolves a ledger link to a reply of an idea to its thread', async () => {
    const ideas = await ideasOf(
      {
        activities: [
          act({ id: 'yammer:50', at: '2026-01-05T00:00:00Z', identityId: 'yammer:u1', text: '#idea a' }),
          act({
            id: 'yammer:51',
            kind: 'reply',
            threadId: 'yammer:50',
            at: '2026-01-06T00:00:00Z',
            identityId: 'yammer:u2',
          }),
        ],
      },
      context(),
      [
        ledgerRow({
          idea: 'https://www.yammer.com/contoso.com/messages/51',
          stage: 'actioned',
          date: '2026-01-09',
          line: 2,
        }),
      ],
    );
    expect(ideas.items[0]?.actionedAt).toBe('2026-01-09T00:00:00.000Z');
  });
});

describe('computeIdeas: private ideas', () => {
  it('carries no title, space name or ledger note of an idea in a private space anywhere', async () => {
    const ideas = await ideasOf(
      {
        spaces: [{ id: 'yammer:secret', source: 'yammer', name: 'Secret Project', kind: 'group', isPrivate: true }],
        activities: [
          act({
            id: 'yammer:300',
            spaceId: 'yammer:secret',
            at: '2026-01-05T00:00:00Z',
            identityId: 'yammer:u3',
            text: '#idea bike racks in the basement',
          }),
        ],
      },
      context(),
      [ledgerRow({ idea: 'yammer:300', stage: 'decided', date: '2026-01-07', note: 'bike racks approved', line: 2 })],
    );
    const [item] = ideas.items;
    expect(item).toMatchObject({ space: '(private space)', stage: 'decided' });
    expect(item && 'title' in item).toBe(false);
    expect(ideas.oldestOpen[0] && 'title' in ideas.oldestOpen[0]).toBe(false);
    const json = JSON.stringify(ideas);
    expect(json).not.toMatch(/bike|basement|Secret Project/);
  });
});
