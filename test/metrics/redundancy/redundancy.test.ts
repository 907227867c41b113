import { afterEach, describe, expect, it } from 'vitest';
import { periodFromBounds } from '../../../src/time/period.js';
import { computeRedundancy } from '../../../src/metrics/redundancy/index.js';
import { redundancySchema } from '../../../src/metrics/redundancy/schema.js';
import type { Dataset } from '../../../src/model/dataset.js';
import type { Identity, Space } from '../../../src/model/types.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { metricContext } from '../context.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const space = (id: string, name: string, isPrivate = false): Space => ({
  id,
  source: id.startsWith('mediawiki') ? 'mediawiki' : 'yammer',
  name,
  kind: 'group',
  isPrivate,
});
const person = (user: string): Identity => ({
  id: `yammer:${user}`,
  source: 'yammer',
  name: user.toUpperCase(),
  email: null,
  department: null,
  isBot: false,
});
const post = (id: string, spaceId: string, at: string, user: string, text: string) =>
  act({ id, spaceId, at, identityId: `yammer:${user}`, text });
const wiki = (id: string, kind: 'page_create' | 'page_edit', at: string, text: string) =>
  act({
    id,
    source: 'mediawiki',
    kind,
    at,
    identityId: 'mediawiki:Wen',
    spaceId: 'mediawiki:wiki',
    threadId: 'mediawiki:page1',
    title: 'Warehouse stock dashboard',
    text,
  });

/**
 * T1 (Sales) and T2 (Engineering) describe the same onboarding checklist -> a cluster.
 * T4 (private Board) and the wiki page (created in December, edited in January) describe the same
 * dashboard -> a cluster, without the private thread's title.
 * T6 and T7 are the same FAQ in one space a day apart -> no cluster (one space needs 30 days).
 * T8 (Sales) asks about that FAQ: same topic, other intent -> no cluster. T5 is too short to
 * judge. T3 is unrelated; T9 is its author's copy of it in another space -> a cross-post.
 */
async function pilot(): Promise<Dataset> {
  const { dataset } = await inlineDataset({
    identities: ['ana', 'bob', 'cy', 'dee'].map(person),
    spaces: [
      space('yammer:sales', 'Sales'),
      space('yammer:eng', 'Engineering'),
      space('yammer:board', 'Board', true),
      space('mediawiki:wiki', 'Wiki'),
    ],
    activities: [
      post(
        'T1',
        'yammer:sales',
        '2026-01-05T10:00:00Z',
        'ana',
        'We are building an onboarding checklist for new engineers: laptop setup, VPN access, repository permissions and the first week schedule.',
      ),
      post(
        'T2',
        'yammer:eng',
        '2026-01-12T10:00:00Z',
        'bob',
        'Draft onboarding checklist for new engineers - covers laptop setup, VPN access, repo permissions and a first week schedule.',
      ),
      post(
        'T3',
        'yammer:sales',
        '2026-01-13T10:00:00Z',
        'cy',
        'Quarterly results are out: revenue up 4 percent, margins stable in all regions.',
      ),
      post(
        'T4',
        'yammer:board',
        '2026-01-14T10:00:00Z',
        'dee',
        'Power BI dashboard for warehouse stock levels and reorder alerts.',
      ),
      post('T5', 'yammer:eng', '2026-01-15T10:00:00Z', 'bob', 'ok thanks!'),
      post(
        'T6',
        'yammer:eng',
        '2026-01-16T10:00:00Z',
        'ana',
        'Expense policy FAQ: how to claim travel, meals and mileage.',
      ),
      post(
        'T7',
        'yammer:eng',
        '2026-01-17T10:00:00Z',
        'cy',
        'FAQ on the expense policy - claiming travel, meals and mileage.',
      ),
      post(
        'T8',
        'yammer:sales',
        '2026-01-18T10:00:00Z',
        'ana',
        'Where is the latest version of the expense policy FAQ for travel?',
      ),
      post(
        'T9',
        'yammer:eng',
        '2026-01-13T10:05:00Z',
        'cy',
        'Quarterly results are out: revenue up 4 percent, margins stable in all regions.',
      ),
      wiki(
        'W1',
        'page_create',
        '2025-12-01T10:00:00Z',
        "Created page with 'Power BI dashboard for warehouse stock levels and reorder alerts'",
      ),
      wiki('W2', 'page_edit', '2026-01-20T10:00:00Z', 'typo'),
    ],
  });
  open = dataset;
  return dataset;
}

const january = periodFromBounds('2026-01-01', '2026-02-01', 'UTC');

describe('computeRedundancy', () => {
  it('clusters near-duplicate threads and wiki pages across spaces', async () => {
    const r = await computeRedundancy((await pilot()).query, metricContext(january));
    // T1, T2, T3, T4, T6, T7, T8, T9 and the wiki page; T5 has 1 word ("ok") after stop words.
    expect(r).toMatchObject({ threshold: 0.6, matcher: 'rare-terms+lsa', itemsCompared: 9, clustersFound: 2 });
    const summary = r.clusters.map((c) => ({
      ids: c.items.map((i) => i.id).sort(),
      spaces: c.spaces,
      people: c.people,
      firstAt: c.firstAt,
      lastAt: c.lastAt,
    }));
    expect(summary).toContainEqual({
      ids: ['T1', 'T2'],
      spaces: 2,
      people: 2,
      firstAt: '2026-01-05T10:00:00.000Z',
      lastAt: '2026-01-12T10:00:00.000Z',
    });
    // lastAt: the last item's start (the page's later edit is not a new raising).
    expect(summary).toContainEqual({
      ids: ['T4', 'mediawiki:page1'],
      spaces: 2,
      people: 2,
      firstAt: '2025-12-01T10:00:00.000Z',
      lastAt: '2026-01-14T10:00:00.000Z',
    });
    for (const c of r.clusters) {
      expect(c.similarity.min).toBeGreaterThanOrEqual(0.6);
      expect(c.similarity.max).toBeLessThanOrEqual(1);
      expect(c.people).toBe(2);
    }
    const checklist = r.clusters.find((c) => c.items.some((i) => i.id === 'T1'));
    // A week apart, no replies on either side: link the later to the earlier.
    expect(checklist).toMatchObject({ gapDays: 7, responses: 0, action: 'linkThreads' });
    // The 12 words T1 and T2 share occur nowhere else (equal idf): the first six alphabetically.
    expect(checklist?.sharedTerms).toEqual(['access', 'checklist', 'engineers', 'first', 'laptop', 'new']);
    expect(r.clusters.find((c) => c.items.some((i) => i.id === 'T4'))).toMatchObject({
      action: 'pointToPage',
      sharedTerms: [],
    });
    // The section's zod schema accepts it as it is (cross-posts included).
    expect(r.crossPosts.length).toBeGreaterThan(0);
    expect(redundancySchema.parse(r)).toEqual(r);
  });

  it('names spaces and people, and shows no title from a private space', async () => {
    const r = await computeRedundancy((await pilot()).query, metricContext(january));
    const items = r.clusters.flatMap((c) => c.items);
    expect(items.find((i) => i.id === 'T4')).toEqual({
      id: 'T4',
      kind: 'thread',
      spaceId: 'yammer:board',
      space: '(private space)',
      firstAt: '2026-01-14T10:00:00.000Z',
      lastAt: '2026-01-14T10:00:00.000Z',
      people: [{ id: 'yammer:dee', name: 'DEE' }],
      responses: 0,
      responders: 0,
    });
    expect(items.find((i) => i.id === 'mediawiki:page1')).toMatchObject({
      kind: 'wikiPage',
      space: 'Wiki',
      title: 'Warehouse stock dashboard',
      people: [{ id: 'mediawiki:Wen', name: null }],
    });
    expect(items.find((i) => i.id === 'T1')?.title).toBe(
      'We are building an onboarding checklist for new engineers: laptop setup, VPN access, repository perm',
    );
  });

  it("never reports one space's posts a day apart, nor one person's copy, even at a loose threshold", async () => {
    const loose = await computeRedundancy((await pilot()).query, metricContext(january), {
      config: { similarityThreshold: 0.1, minSharedWords: 1 },
    });
    const groups = loose.clusters.map((c) => c.items.map((i) => i.id).sort());
    expect(groups.some((g) => g.includes('T6') && g.includes('T7'))).toBe(false);
    expect(groups.some((g) => g.includes('T3') && g.includes('T9'))).toBe(false);
    for (const c of loose.clusters) expect(new Set(c.items.map((i) => i.people[0]?.id)).size).toBe(c.items.length);
  });

  it("never shows a word of anyone's name as a reason", async () => {
    // BOB (bob's display name) is a word T1 and T2 share; it must not be shown.
    const { dataset } = await inlineDataset({
      identities: ['ana', 'bob', 'cy'].map(person),
      spaces: [space('yammer:sales', 'Sales'), space('yammer:eng', 'Engineering')],
      activities: [
        post(
          'T1',
          'yammer:sales',
          '2026-01-05T10:00:00Z',
          'ana',
          'Bob and I are building an onboarding checklist for new engineers: laptop setup, VPN access, repository permissions.',
        ),
        post(
          'T2',
          'yammer:eng',
          '2026-01-12T10:00:00Z',
          'cy',
          'Draft onboarding checklist for new engineers with Bob - laptop setup, VPN access, repo permissions.',
        ),
      ],
    });
    open = dataset;
    const r = await computeRedundancy(dataset.query, metricContext(january));
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0]?.sharedTerms.length).toBeGreaterThan(0);
    expect(r.clusters[0]?.sharedTerms).not.toContain('bob');
  });

  it("lists one person's copy in another space as a cross-post, apart from duplicate efforts", async () => {
    const r = await computeRedundancy((await pilot()).query, metricContext(january));
    // Latest first: ana's FAQ (Engineering) and her question on it in Sales two days later
    // (cosine >= 0.5: a repeat by one person), then cy's results posted to a second space.
    expect(r.crossPostsFound).toBe(2);
    expect(r.crossPosts.map((c) => c.items.map((i) => i.id))).toEqual([
      ['T6', 'T8'],
      ['T3', 'T9'],
    ]);
    expect(r.crossPosts[1]).toMatchObject({ person: { id: 'yammer:cy', name: 'CY' }, gapMinutes: 5 });
    expect(r.clusters.flatMap((c) => c.items.map((i) => i.id))).not.toContain('T9');
  });

  it('states every threshold in the method text', async () => {
    const r = await computeRedundancy((await pilot()).query, metricContext(january));
    expect(r.method).toContain('two different people');
    expect(r.method).toContain('at least 30 days apart');
    expect(r.method).toContain('at least 60 %');
    expect(r.method).toContain('at least 2 rare words');
    expect(r.method).toContain('cosine is at least 0.40');
    expect(r.method).toContain('complete linkage');
    expect(r.method).toContain('no language model');
    expect(r.method).toContain('64-dimension semantic space learned from this export');
    expect(r.method).toContain('LSA) is at least 0.80');
    expect(r.method).toContain('character-trigram cosine (spelling variants) at least 0.50');
    expect(r.method).toContain('at least 30 % of the rare-word weight');
  });

  it('finds nothing when a pair must share more rare words than any does and meaning is off', async () => {
    const r = await computeRedundancy((await pilot()).query, metricContext(january), {
      config: { minSharedWords: 50, meaning: false },
    });
    expect(r).toMatchObject({ matcher: 'rare-terms', clustersFound: 0, clusters: [] });
    expect(r.method).toContain('Matcher: rare terms over the export itself');
    expect(r.method).not.toContain('LSA');
  });

  it('finds the same two efforts by meaning alone (the rare-term rule out of reach), and nothing when meaning asks too much', async () => {
    const byMeaning = await computeRedundancy((await pilot()).query, metricContext(january), {
      config: { minSharedWords: 50 },
    });
    expect(byMeaning.clusters.map((c) => c.items.map((i) => i.id).sort()).sort()).toEqual([
      ['T1', 'T2'],
      ['T4', 'mediawiki:page1'],
    ]);
    const strict = await computeRedundancy((await pilot()).query, metricContext(january), {
      config: { minSharedWords: 50, spellingSimilarity: 1.01 },
    });
    expect(strict.clusters).toEqual([]);
  });

  it('leaves out clusters with no item active in the period', async () => {
    const r = await computeRedundancy(
      (await pilot()).query,
      metricContext(periodFromBounds('2026-01-21', '2026-02-01', 'UTC')),
    );
    // No thread starts after 21 January and the wiki page was last revised on 20 January.
    expect(r).toMatchObject({ itemsCompared: 1, clustersFound: 0 });
  });
});
