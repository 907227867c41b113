import type { Query } from '../../model/query.js';
import { publicTitle, shownSpace } from '../public-text.js';
import type { MetricContext } from '../types.js';
import { completeLinkageGroups } from './clusters.js';
import { comparedItems, type ComparedItems } from './compared-items.js';
import type { NearDuplicatePair, NearDuplicateThresholds } from './near-duplicates.js';
import { scoredPairs } from './pair-search.js';
import { personNames, redundancyItemsById, type ItemRow } from './queries.js';
import { tfIdfWeights } from './term-corpus.js';

/** Knobs of the redundancy metric (the lead merges them into the config schema). */
export interface RedundancyConfig {
  /**
   * TF-IDF cosine (0–1) a pair needs. Default 0.7: above the sample pilot's background posts
   * written from one sentence template on different subjects (at most 0.65), below the weakest
   * reworded duplicate of the labelled fixture that also passes the word overlap (0.73).
   */
  similarityThreshold: number;
  /**
   * Word Jaccard (0–1) a pair needs as well. Default 0.6: above the sample pilot's background
   * posts on the same subject with another intent (at most 0.5). With the defaults, on
   * test/fixtures/redundancy/labelled-pairs.json: precision 0.95, recall 0.83 (see its test).
   */
  wordOverlapThreshold: number;
  /** Distinct words a pair must share as well. Default 4, so two tiny texts never match on 2–3 words. */
  minSharedWords: number;
  /** Characters of each text compared (longer texts are cut). Default: 2000. */
  maxTextLength: number;
  /** Texts with fewer distinct words (after stop words and numbers) are too short to judge. Default: 4. */
  minWords: number;
  /** How many clusters are listed, most similar first. Default: 20. */
  maxClusters: number;
}

export const DEFAULT_REDUNDANCY_CONFIG: RedundancyConfig = {
  similarityThreshold: 0.7,
  wordOverlapThreshold: 0.6,
  minSharedWords: 4,
  maxTextLength: 2000,
  minWords: 4,
  maxClusters: 20,
};

/** One thread or wiki page of a cluster. */
export interface RedundantItem {
  /** Thread id (starter activity id) or wiki page id. */
  id: string;
  kind: 'thread' | 'wikiPage';
  /** Space id. */
  spaceId: string;
  /** Space name, or `(private space)`. */
  space: string;
  /** First 100 characters of the title (else the text); omitted for private spaces. */
  title?: string;
  /** ISO instant the thread started or the page's first revision in the dump. */
  firstAt: string;
  /** ISO instant of the page's last revision (for a thread: its start). */
  lastAt: string;
  /** Starter's author or the page's editors, by id. */
  people: { id: string; name: string | null }[];
}

/** A candidate duplicate effort: near-duplicate texts in two or more spaces. */
export interface RedundancyCluster {
  items: RedundantItem[];
  /** Distinct spaces of the items (at least 2). */
  spaces: number;
  /** Distinct persons behind the items. */
  people: number;
  /** Earliest `firstAt` of the items. */
  firstAt: string;
  /** Latest `lastAt` of the items. */
  lastAt: string;
  /**
   * TF-IDF cosine of the cluster's pairs in different spaces. Every pair of the cluster, in the
   * same space or not, passes all the thresholds (complete linkage).
   */
  similarity: { min: number; max: number };
}

/** The `redundancy` section of metrics.json (spec §6). */
export interface Redundancy {
  /** How texts are compared, for the report to print. */
  method: string;
  /** The TF-IDF cosine threshold used (the other thresholds are worded in `method`). */
  threshold: number;
  /** Threads and wiki pages compared (those long enough to judge). */
  itemsCompared: number;
  /** Clusters found (before `maxClusters`). */
  clustersFound: number;
  /** The most similar clusters first. */
  clusters: RedundancyCluster[];
}

/** What redundancy needs beyond the dataset. */
export interface RedundancyExtra {
  config?: Partial<RedundancyConfig>;
}


/** The method, worded for the report's reader. */
export function methodText(config: RedundancyConfig): string {
  return (
    `Two texts are near-duplicates when their TF-IDF cosine is at least ${config.similarityThreshold.toFixed(2)} ` +
    `(words weighted by rarity, so shared boilerplate counts little), their word Jaccard is at least ${config.wordOverlapThreshold.toFixed(2)} ` +
    `(most words shared, so a shared topic phrase is not enough) and they share at least ${config.minSharedWords} words ` +
    '(stop words and numbers dropped, plurals and -ing/-ed endings folded). ' +
    'Clusters use complete linkage: every two items of a cluster are near-duplicates, so unrelated posts cannot chain into one cluster.'
  );
}

/**
 * Candidate duplicate efforts (spec §6): thread starters of the period and wiki pages revised
 * before its end whose texts are near-duplicates (see {@link NearDuplicateThresholds}: TF-IDF
 * cosine, word Jaccard and shared words all above their thresholds), grouped by complete linkage.
 * Pairs in different spaces are merged first (most similar first), then pairs in one space, so a
 * repost in one space never blocks a cross-space match. A cluster is kept when it spans two or
 * more spaces (a repost in one space is not a duplicate effort) and holds at least one item
 * active in the period. IDF comes from the compared texts themselves.
 */
export async function computeRedundancy(query: Query, ctx: MetricContext, extra: RedundancyExtra = {}): Promise<Redundancy> {
  const config: RedundancyConfig = { ...DEFAULT_REDUNDANCY_CONFIG, ...extra.config };
  const items = await comparedItems(query, ctx.period, config.maxTextLength, config.minWords);
  const thresholds: NearDuplicateThresholds = { cosine: config.similarityThreshold, wordOverlap: config.wordOverlapThreshold, minSharedWords: config.minSharedWords };
  const pairs = scoredPairs(items.corpus, tfIdfWeights(items.corpus), thresholds);
  const crossSpace = (p: NearDuplicatePair): boolean => items.space[p.i] !== items.space[p.j];
  const mergeOrder = [...pairs].sort((a, b) => Number(crossSpace(b)) - Number(crossSpace(a)) || b.similarity - a.similarity || a.i - b.i || a.j - b.j);
  const groups = completeLinkageGroups(items.ids.length, mergeOrder).filter((g) => new Set(g.map((i) => items.space[i])).size >= 2 && g.some((i) => items.active[i] === 1));
  const ranked = rankGroups(groups, pairs.filter(crossSpace), items.ids);
  const shown = ranked.slice(0, config.maxClusters);
  const rows = shown.length === 0 ? new Map<number, ItemRow>() : await rowsOf(query, ctx, config, items, shown.flatMap((r) => r.group));
  const people = [...new Set(shown.flatMap((r) => r.group.flatMap((i) => rows.get(i)?.people ?? [])))];
  const names = people.length === 0 ? new Map<string, string | null>() : await personNames(query, people);
  return {
    method: methodText(config),
    threshold: config.similarityThreshold,
    itemsCompared: items.ids.length,
    clustersFound: ranked.length,
    clusters: shown.map((r) => clusterOf(r, rows, names)),
  };
}

/** A kept group of item indexes and the cosine range of its pairs in different spaces. */
interface RankedGroup {
  group: number[];
  similarity: { min: number; max: number };
}

/**
 * The groups with their similarity ranges, the most similar first (then by the id of their first
 * item). `crossPairs`: the near-duplicate pairs in different spaces (a kept group has at least
 * one, as it spans two spaces and every two of its items are a pair); one pass over them.
 */
function rankGroups(groups: readonly number[][], crossPairs: readonly NearDuplicatePair[], ids: readonly string[]): RankedGroup[] {
  const groupOf = new Map<number, number>();
  groups.forEach((g, index) => g.forEach((i) => groupOf.set(i, index)));
  const ranked = groups.map((group) => ({ group, similarity: { min: Infinity, max: -Infinity } }));
  for (const p of crossPairs) {
    const index = groupOf.get(p.i);
    const similarity = index === undefined || groupOf.get(p.j) !== index ? undefined : ranked[index]?.similarity;
    if (!similarity) continue;
    similarity.min = Math.min(similarity.min, p.similarity);
    similarity.max = Math.max(similarity.max, p.similarity);
  }
  return ranked.sort((a, b) => b.similarity.max - a.similarity.max || byId(ids[a.group[0] ?? -1] ?? '', ids[b.group[0] ?? -1] ?? ''));
}

/**
 * The full rows (names, people, dates, title) of the given items, by index: read again by id for
 * the shown clusters only, so the comparison never holds them for every item.
 */
async function rowsOf(query: Query, ctx: MetricContext, config: RedundancyConfig, items: ComparedItems, indexes: readonly number[]): Promise<Map<number, ItemRow>> {
  const wanted = indexes.map((i) => items.ids[i] ?? '');
  const found = await redundancyItemsById(query, ctx.period.since, ctx.period.until, config.maxTextLength, [...new Set(wanted)]);
  const byKey = new Map(found.map((r) => [`${r.kind}:${r.item_id}`, r]));
  const rows = new Map<number, ItemRow>();
  for (const i of indexes) {
    const row = byKey.get(`${items.isPage[i] === 1 ? 'wikiPage' : 'thread'}:${items.ids[i] ?? ''}`);
    if (row) rows.set(i, row);
  }
  return rows;
}

function clusterOf({ group, similarity }: RankedGroup, items: ReadonlyMap<number, ItemRow>, names: ReadonlyMap<string, string | null>): RedundancyCluster {
  const rows = group.flatMap((i) => {
    const row = items.get(i);
    return row ? [row] : [];
  });
  return {
    items: rows.map((r) => itemOf(r, names)),
    spaces: new Set(rows.map((r) => r.space_id)).size,
    people: new Set(rows.flatMap((r) => r.people)).size,
    firstAt: rows.map((r) => r.first_at).sort()[0] ?? '',
    lastAt: rows.map((r) => r.last_at).sort().at(-1) ?? '',
    similarity,
  };
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function itemOf(r: ItemRow, names: ReadonlyMap<string, string | null>): RedundantItem {
  const item: RedundantItem = {
    id: r.item_id,
    kind: r.kind,
    spaceId: r.space_id,
    space: shownSpace(r.is_private, r.space_name),
    firstAt: r.first_at,
    lastAt: r.last_at,
    people: r.people.map((id) => ({ id: String(id), name: names.get(String(id)) ?? null })),
  };
  const title = publicTitle(r.is_private, r.title ?? r.body);
  if (title !== undefined) item.title = title;
  return item;
}
