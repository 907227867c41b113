import { afterEach, describe, expect, it } from 'vitest';
import { periodFromBounds } from '../../../src/time/period.js';
import { computeRecognition } from '../../../src/metrics/recognition/index.js';
import type { Dataset } from '../../../src/model/dataset.js';
import type { Activity, Identity } from '../../../src/model/types.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { metricContext } from '../context.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const person = (user: string, department: string | null): Identity => ({
  id: `slack:${user}`,
  source: 'slack',
  name: user.toUpperCase(),
  email: null,
  department,
  isBot: false,
});
const msg = (id: string, user: string, at: string, more: Partial<Omit<Activity, 'at'>> = {}) =>
  act({ id, source: 'slack', at, identityId: `slack:${user}`, spaceId: 'slack:C1', ...more });
const reply = (id: string, user: string, at: string, thread: string, parent: string, spaceId = 'slack:C1') =>
  msg(id, user, at, { kind: 'reply', threadId: thread, parentId: parent, spaceId });
const react = (id: string, user: string, parent: string) =>
  msg(id, user, '2026-01-20T00:00:00Z', { kind: 'reaction', parentId: parent, threadId: parent, reaction: '+1' });
const wikiEdit = (n: number) =>
  act({
    id: `W${n}`,
    source: 'mediawiki',
    kind: 'page_edit',
    at: `2026-01-1${n}T00:00:00Z`,
    identityId: 'mediawiki:Wen',
    spaceId: 'mediawiki:wiki',
    threadId: 'mediawiki:page1',
  });

/**
 * January 2026; the previous period is December 2025. Ana (Sales), Bob and Cy (Eng), Dee and Fay
 * (HR), Eve (no department), Wen (wiki only), Gus (no activity, credited with an idea).
 * P1 Ana: Bob replies (first response), Cy replies, Ana answers Bob; Dee and Bob react, Ana reacts to Bob's reply.
 * P2 Ana (C2): Cy replies (first response). P3 Ana: nothing. P4 Bob: Ana replies (first response).
 * P5 Eve (C2): nothing. P6 Fay: Ana, Bob, Cy and Dee react. Wen edits a page 6 times.
 * December: Bob posts D1, Ana replies first; Cy posts D3.
 */
async function pilot(): Promise<Dataset> {
  const { dataset } = await inlineDataset({
    identities: [
      person('ana', 'Sales'),
      person('bob', 'Eng'),
      person('cy', 'Eng'),
      person('dee', 'HR'),
      person('fay', 'HR'),
      person('eve', null),
      person('gus', null),
    ],
    activities: [
      msg('P1', 'ana', '2026-01-05T10:00:00Z'),
      reply('R1', 'bob', '2026-01-05T11:00:00Z', 'P1', 'P1'),
      reply('R2', 'cy', '2026-01-05T12:00:00Z', 'P1', 'P1'),
      reply('R3', 'ana', '2026-01-05T13:00:00Z', 'P1', 'R1'),
      react('X1', 'dee', 'P1'),
      react('X2', 'bob', 'P1'),
      react('X3', 'ana', 'R1'),
      msg('P2', 'ana', '2026-01-06T10:00:00Z', { spaceId: 'slack:C2' }),
      reply('R4', 'cy', '2026-01-06T11:00:00Z', 'P2', 'P2', 'slack:C2'),
      msg('P3', 'ana', '2026-01-07T10:00:00Z'),
      msg('P4', 'bob', '2026-01-08T10:00:00Z'),
      reply('R5', 'ana', '2026-01-08T11:00:00Z', 'P4', 'P4'),
      msg('P5', 'eve', '2026-01-09T10:00:00Z', { spaceId: 'slack:C2' }),
      msg('P6', 'fay', '2026-01-10T10:00:00Z'),
      react('X4', 'ana', 'P6'),
      react('X5', 'bob', 'P6'),
      react('X6', 'cy', 'P6'),
      react('X7', 'dee', 'P6'),
      ...[1, 2, 3, 4, 5, 6].map(wikiEdit),
      msg('D1', 'bob', '2025-12-10T10:00:00Z'),
      reply('D2', 'ana', '2025-12-10T11:00:00Z', 'D1', 'D1'),
      msg('D3', 'cy', '2025-12-12T10:00:00Z'),
    ],
  });
  open = dataset;
  return dataset;
}

const january = periodFromBounds('2026-01-01', '2026-02-01', 'UTC');
const context = (config: { wiki?: boolean } = {}) =>
  metricContext(january, { capabilities: { wiki: config.wiki ?? true } });
const ideas = new Map([
  ['slack:ana', { raised: 2, actioned: 1 }],
  ['slack:gus', { raised: 1, actioned: 0 }],
]);

describe('computeRecognition', () => {
  it('counts what each person did and received', async () => {
    const r = await computeRecognition((await pilot()).query, context(), { ideas });
    const ana = r.people.find((p) => p.id === 'slack:ana');
    expect(ana).toEqual({
      id: 'slack:ana',
      name: 'ANA',
      department: 'Sales',
      posts: 3,
      replies: 2,
      firstResponses: 1, // R3, R5; R5 is the first response to Bob's P4
      reactionsReceived: 2,
      repliesReceived: 3, // X1, X2; R1, R2, R4
      responsesToPosts: 5, // P1: R1, R2, X1, X2 (her own R3 not); P2: R4
      reactionsGiven: 2,
      wikiEdits: 0,
      activeEditorMonths: 0,
      ideasRaised: 2,
      ideasActioned: 1,
      spaces: 2,
      departmentsReached: 2, // Eng (Bob, Cy) and HR (Dee, Fay)
      score: 23, // 2·3 + 1·2 + 3·1 + 0.5·2 + 3·2 + 5·1
      persona: 'engager', // given 3 + 2 + 2 = 7, received 3 + 2 = 5: between 3.5 and 14
    });
    expect(r.people.find((p) => p.id === 'slack:bob')).toMatchObject({
      firstResponses: 1,
      repliesReceived: 2,
      reactionsReceived: 1,
      spaces: 1,
      score: 6.5,
    });
    expect(r.people.find((p) => p.id === 'mediawiki:Wen')).toMatchObject({
      wikiEdits: 6,
      activeEditorMonths: 1,
      score: 6,
      persona: null,
    });
  });

  it('sorts people by score and includes persons credited only with ideas', async () => {
    const r = await computeRecognition((await pilot()).query, context(), { ideas });
    // Ana 23, Bob 6.5, Wen 6, Cy 2 + 3 = 5, Fay 2 + 0.5·4 = 4, Gus 3·1, Eve 2, Dee 0
    expect(r.people.map((p) => [p.id, p.score])).toEqual([
      ['slack:ana', 23],
      ['slack:bob', 6.5],
      ['mediawiki:Wen', 6],
      ['slack:cy', 5],
      ['slack:fay', 4],
      ['slack:gus', 3],
      ['slack:eve', 2],
      ['slack:dee', 0],
    ]);
    expect(r.score.formula).toBe(
      '2 × posts + 1 × replies + 3 × firstResponses + 0.5 × reactionsReceived + 1 × wikiEdits + 3 × ideasRaised + 5 × ideasActioned',
    );
  });

  it('uses configured weights', async () => {
    const weights = {
      posts: 1,
      replies: 0,
      firstResponses: 0,
      reactionsReceived: 0,
      wikiEdits: 0,
      ideasRaised: 0,
      ideasActioned: 0,
    };
    const r = await computeRecognition((await pilot()).query, context(), { config: { scoreWeights: weights } });
    expect(r.people[0]).toMatchObject({ id: 'slack:ana', score: 3 });
    expect(r.score.formula).toBe('1 × posts');
  });

  it('lists thought leaders, helpers and connectors', async () => {
    const r = await computeRecognition((await pilot()).query, context());
    // Only Ana has 3 posts: 5 responses / 3 posts
    expect(r.thoughtLeaders).toEqual([
      { id: 'slack:ana', name: 'ANA', posts: 3, responsesToPosts: 5, responsesPerPost: 5 / 3 },
    ]);
    expect(r.helpers.map((h) => [h.id, h.firstResponses])).toEqual([
      ['slack:ana', 1],
      ['slack:bob', 1],
      ['slack:cy', 1],
    ]);
    // 2 departments each for Ana, Bob, Cy, Fay; ties by spaces (Ana 2, Cy 2, Bob 1, Fay 1), then id; Dee 1
    expect(r.connectorsBy).toBe('departments');
    expect(r.connectors.map((c) => c.id)).toEqual(['slack:ana', 'slack:cy', 'slack:bob', 'slack:fay', 'slack:dee']);
    const loose = await computeRecognition((await pilot()).query, context(), {
      config: { thoughtLeaderMinPosts: 1, listSize: 2 },
    });
    // Fay 4/1, Ana 5/3, Bob 1/1; Eve 0 is not listed
    expect(loose.thoughtLeaders.map((t) => t.id)).toEqual(['slack:fay', 'slack:ana']);
  });

  it('finds rising contributors against the previous period of equal length', async () => {
    const r = await computeRecognition((await pilot()).query, context(), { ideas });
    // December: Bob 2 (a post), Ana 1 + 3 (a reply that was a first response), Cy 2. Ideas left out (no previous ideas).
    // Gains: Ana 12 − 4 = 8, Wen 6, Bob 6.5 − 2 = 4.5, Fay 4, Cy 5 − 2 = 3, Eve 2
    expect(r.rising.map((x) => [x.id, x.gain])).toEqual([
      ['slack:ana', 8],
      ['mediawiki:Wen', 6],
      ['slack:bob', 4.5],
      ['slack:fay', 4],
      ['slack:cy', 3],
      ['slack:eve', 2],
    ]);
    expect(r.rising[0]).toMatchObject({ previousScore: 4, score: 12 });
    const withIdeas = await computeRecognition((await pilot()).query, context(), {
      ideas,
      previousIdeas: new Map([['slack:ana', { raised: 2, actioned: 0 }]]),
    });
    // Ana: 23 − (4 + 3·2) = 13
    expect(withIdeas.rising[0]).toMatchObject({ id: 'slack:ana', previousScore: 10, score: 23, gain: 13 });
  });

  it('gives personas and their shares', async () => {
    const r = await computeRecognition((await pilot()).query, context());
    // Ana, Bob engagers; Fay catalyst (given 1, received 4); Cy responder (given 3, received 0);
    // Eve broadcaster (a post, nothing back); Dee observer (reactions only); Wen none (wiki only)
    expect(r.personas.counts).toEqual({ engager: 2, catalyst: 1, responder: 1, broadcaster: 1, observer: 1 });
    expect(r.personas.people).toBe(6);
    expect(r.personas.shares.engager).toBeCloseTo(2 / 6, 12);
    expect(r.personas.shares.observer).toBeCloseTo(1 / 6, 12);
  });

  it('computes absence factors over persons and departments, and active wiki editors', async () => {
    const r = await computeRecognition((await pilot()).query, context());
    // Persons: Wen 6, Ana 5, Bob 2, Cy 2, Eve 1, Fay 1 = 17; 6 < 8.5, 6 + 5 >= 8.5 -> 2.
    // Departments: Sales 5, Eng 4, HR 1 = 10; 5 >= 5 -> 1.
    expect(r.absenceFactor).toEqual({ people: 2, departments: 1 });
    expect(r.activeWikiEditors).toEqual([{ month: '2026-01', editors: 1 }]);
    const noWiki = await computeRecognition((await pilot()).query, context({ wiki: false }));
    expect(noWiki.activeWikiEditors).toBeNull();
    expect(noWiki.warnings).toEqual([
      'no wiki source: active wiki editors and per-person wiki edits cannot be counted',
    ]);
    // Figures no source records are null per person, not a made-up 0.
    expect(noWiki.people.every((p) => p.wikiEdits === null && p.activeEditorMonths === null)).toBe(true);
    expect(noWiki.people.some((p) => p.reactionsReceived !== null)).toBe(true);
  });
});
