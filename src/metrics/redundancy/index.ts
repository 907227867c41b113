import type { Query } from '../../model/query.js';
import { PRIVATE_SPACE_LABEL } from '../conversations.js';
import type { MetricContext } from '../types.js';
import { linkedGroups } from './clusters.js';
import { personNames, redundancyItems, type ItemRow } from './queries.js';
import { similarPairs, tfIdfVectors, type SimilarPair } from './tf-idf.js';
import { tokenize } from './tokenize.js';

/** Knobs of the redundancy metric (the lead merges them into the config schema). */
export interface RedundancyConfig {
  /**
   * Cosine similarity (0–1) from which two texts are near-duplicates. Default 0.47, tuned on
   * test/fixtures/redundancy/labelled-pairs.json (precision 1.00, recall 0.96 there).
   */
  similarityThreshold: number;
  /** Characters of each text compared (longer texts are cut). Default: 2000. */
  maxTextLength: number;
  /** Texts with fewer distinct words (after stop words) are too short to judge. Default: 4. */
  minWords: number;
  /** How many clusters are listed, most similar first. Default: 20. */
  maxClusters: number;
}

export const DEFAULT_REDUNDANCY_CONFIG: RedundancyConfig = {
  similarityThreshold: 0.47,
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
  /** Cosine similarity of the linking pairs (each pair in different spaces). */
  similarity: { min: number; max: number };
}

/** The `redundancy` section of metrics.json (spec §6). */
export interface Redundancy {
  /** How texts are compared, for the report to print. */
  method: string;
  /** The similarity threshold used. */
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

const TITLE_LENGTH = 100;

const METHOD =
  'TF-IDF cosine similarity over words (stop words removed, plurals folded): texts are short, ' +
  'so word shingles for MinHash would be too few to be stable, and IDF makes rare topic words count more than common ones.';

/**
 * Candidate duplicate efforts (spec §6): thread starters of the period and wiki pages revised
 * before its end whose texts are near-duplicates (TF-IDF cosine >= threshold) across different
 * spaces, linked into clusters. Pairs in the same space never link (a repost in one space is not a
 * duplicate effort). IDF comes from the compared texts themselves. A cluster is kept when it spans
 * two or more spaces and holds at least one item active in the period.
 */
export async function computeRedundancy(query: Query, ctx: MetricContext, extra: RedundancyExtra = {}): Promise<Redundancy> {
  const config: RedundancyConfig = { ...DEFAULT_REDUNDANCY_CONFIG, ...extra.config };
  const rows = await redundancyItems(query, ctx.period.since, ctx.period.until, config.maxTextLength);
  const items = rows.filter((r) => new Set(tokenize(r.body)).size >= config.minWords);
  const vectors = tfIdfVectors(items.map((i) => i.body));
  const pairs = similarPairs(vectors, config.similarityThreshold, (i, j) => items[i]?.space_id !== items[j]?.space_id);
  const groups = linkedGroups(items.length, pairs).filter((g) => new Set(g.map((i) => items[i]?.space_id)).size >= 2 && g.some((i) => (items[i]?.last_at ?? '') >= ctx.period.since));
  const names = await personNames(query, [...new Set(groups.flatMap((g) => g.flatMap((i) => items[i]?.people ?? [])))]);
  const clusters = groups.map((g) => clusterOf(g, items, pairs, names));
  clusters.sort((a, b) => b.similarity.max - a.similarity.max || byId(a.items[0]?.id ?? '', b.items[0]?.id ?? ''));
  return {
    method: METHOD,
    threshold: config.similarityThreshold,
    itemsCompared: items.length,
    clustersFound: clusters.length,
    clusters: clusters.slice(0, config.maxClusters),
  };
}

function clusterOf(group: readonly number[], items: readonly ItemRow[], pairs: readonly SimilarPair[], names: ReadonlyMap<string, string | null>): RedundancyCluster {
  const members = new Set(group);
  const similarities = pairs.filter((p) => members.has(p.i)).map((p) => p.similarity);
  const rows = group.flatMap((i) => (items[i] ? [items[i]] : []));
  return {
    items: rows.map((r) => itemOf(r, names)),
    spaces: new Set(rows.map((r) => r.space_id)).size,
    people: new Set(rows.flatMap((r) => r.people)).size,
    firstAt: rows.map((r) => r.first_at).sort()[0] ?? '',
    lastAt: rows.map((r) => r.last_at).sort().at(-1) ?? '',
    similarity: { min: Math.min(...similarities), max: Math.max(...similarities) },
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
    space: r.is_private ? PRIVATE_SPACE_LABEL : r.space_name,
    firstAt: r.first_at,
    lastAt: r.last_at,
    people: r.people.map((id) => ({ id: String(id), name: names.get(String(id)) ?? null })),
  };
  const text = (r.title ?? r.body).trim();
  if (!r.is_private && text) item.title = Array.from(text).slice(0, TITLE_LENGTH).join('');
  return item;
}
