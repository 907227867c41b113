import type { Query } from '../../model/query.js';
import type { MetricContext } from '../types.js';
import { classifyPairs } from './classify-pairs.js';
import { completeLinkageGroups } from './clusters.js';
import { comparedItems, type ComparedItems } from './compared-items.js';
import { comparedItemsInThread } from './items-in-thread.js';
import { effortPairs, rareIdf, sharedRareTerms, type EffortPair, type EffortPairOptions } from './effort-pairs.js';
import { embeddingScorer, type EmbeddingSetting } from './embedding-scorer.js';
import { comparedTexts } from './embedding-texts.js';
import { meaningScorer } from './meaning-scorer.js';
import {
  allPersonNames,
  ITEMS_AT_MOST_SQL,
  itemsSql,
  personNames,
  redundancyItemsById,
  type ItemRow,
} from './queries.js';
import { unicodeWords } from './unicode-words.js';
import type { Redundancy, RedundancyMatcher } from './result.js';
import { byId, clusterOf, crossPostOf, type RankedGroup } from './section-items.js';
import { populationOf, tfIdfWeights } from './term-corpus.js';
import { engineComparedItems } from './engine-items.js';
import { blockedComparedItems } from './blocked-items.js';
import { DEFAULT_LSA_OPTIONS } from './lsa.js';

/** Knobs of the redundancy metric (the lead merges them into the config schema). */
export interface RedundancyConfig {
  /**
   * rareShare (see `effort-pairs.ts`) a pair of posts by two people needs: the share of the
   * shorter text's rare-term weight found in the other. Default 0.6 (docs/metrics.md gives its
   * precision and recall on real Slack pairs labelled by reading, and the other settings tried).
   */
  similarityThreshold: number;
  /**
   * TF-IDF cosine such a pair needs as well. Default 0.4: a short post whose few words all occur
   * in a long one has a rareShare of 1 on its own; the cosine asks the long one to be about them.
   */
  minCosine: number;
  /** Rare terms (in at most 1 % of the texts, and at most 50) such a pair must share. Default 2: one shared name is a coincidence more often than not. */
  minSharedWords: number;
  /** Two posts in one space count only when at least this many days apart. Default 30. */
  minDaysApart: number;
  /** Distinct content terms each post of such a pair needs. Default 6 (one-line replies say nothing of an effort). */
  minEffortWords: number;
  /**
   * Match by meaning as well (LSA over the export's own texts, with character trigrams for
   * spelling). Default true; false leaves the rare-term rule alone.
   */
  meaning: boolean;
  /** LSA cosine a pair of two people needs to match by meaning. Default 0.8 (docs/metrics.md: tuned on labelled real pairs). */
  meaningSimilarity: number;
  /** Character-trigram cosine such a pair needs as well. Default 0.5. */
  spellingSimilarity: number;
  /** rareShare such a pair needs (a much lower floor than the rare-term rule's). Default 0.3. */
  meaningRareShare: number;
  /** Distinct content terms each post of such a pair needs. Default 5. */
  meaningMinWords: number;
  /** Dimensions of the LSA space. Default 64. */
  lsaDimensions: number;
  /** TF-IDF cosine at which two posts are copies of one text (templates, cross-posts). Default 0.5. */
  copySimilarity: number;
  /** One person's copy in another space within this many days is a cross-post. Default 30. */
  crossPostDays: number;
  /** Characters of each text compared (longer texts are cut). Default: 2000. */
  maxTextLength: number;
  /** Texts with fewer distinct words (after stop words and numbers) are too short to judge. Default: 4. */
  minWords: number;
  /** How many clusters are listed, the strongest first. Default: 20. */
  maxClusters: number;
  /** How many cross-post groups are listed, the latest first. Default: 20. */
  maxCrossPosts: number;
  /**
   * A local sentence-embedding model (config `redundancy.embeddingModel`, loaded by the CLI):
   * its cosine replaces LSA's (and the trigram gate) in the meaning rule. Default: none.
   */
  embedding?: EmbeddingSetting;
}

export const DEFAULT_REDUNDANCY_CONFIG: RedundancyConfig = {
  similarityThreshold: 0.6,
  minCosine: 0.4,
  minSharedWords: 2,
  minDaysApart: 30,
  minEffortWords: 6,
  meaning: true,
  meaningSimilarity: 0.8,
  spellingSimilarity: 0.5,
  meaningRareShare: 0.3,
  meaningMinWords: 5,
  lsaDimensions: 64,
  copySimilarity: 0.5,
  crossPostDays: 30,
  maxTextLength: 2000,
  minWords: 4,
  maxClusters: 20,
  maxCrossPosts: 20,
};

export type {
  CrossPost,
  Redundancy,
  RedundancyAction,
  RedundancyCluster,
  RedundancyMatcher,
  RedundantItem,
} from './result.js';

/** What redundancy needs beyond the dataset. */
export interface RedundancyExtra {
  config?: Partial<RedundancyConfig>;
  /**
   * Items compared above which the engine path reads them (`engine-items.ts`: the same pairs and
   * clusters, with only the texts that can pair brought into JavaScript). Default
   * {@link ENGINE_ABOVE}: never; tests and bench/sql-blocking.ts set 0 to take it.
   */
  engineAbove?: number;
  /**
   * Items compared above which only the items that can pair (and the LSA sample) are held
   * (`blocked-items.ts`: the same pairs and clusters, two readings of the texts). Default
   * {@link BLOCKED_ABOVE}; tests set 0 to take it, Infinity to leave it.
   */
  blockedAbove?: number;
  /**
   * Items (as counted to choose the path) from which the JS path cleans and splits the texts in a
   * worker thread while the main thread reads them (`items-in-thread.ts`). Default
   * {@link THREAD_ABOVE}; tests set 0 to take it.
   */
  threadAbove?: number;
}

/**
 * Above this many items the blocked path is taken: see bench/README.md (s9-16d) for the CPU and
 * memory of both paths at 1M, 3M and 10M messages.
 */
export const BLOCKED_ABOVE = 1_000_000;

/**
 * From this many items the JS path works on two threads: a small pilot's texts take less time
 * than starting a thread and loading its modules (a tenth of a second on a slow machine).
 */
export const THREAD_ABOVE = 20_000;

/**
 * The engine path is not taken by default: measured on 1M generated Yammer messages
 * (bench/README.md), it costs about as much CPU as the JS path when no text can pair, and more
 * when most can (a vocabulary with rare words: 81 % of the items must be read anyway), with a
 * higher peak of memory in both cases.
 */
export const ENGINE_ABOVE = Number.POSITIVE_INFINITY;

/** Terms held by more texts than this never make two texts candidates (see `effortPairs`). */
const MAX_POSTINGS = 200;

/** The method, worded for the report's reader. */
export function methodText(config: RedundancyConfig, matcher: RedundancyMatcher = 'rare-terms'): string {
  const meaning = matcher.startsWith('rare-terms+embedding:')
    ? `Two posts also match by meaning when the cosine of their sentence embeddings is at least ${(config.embedding?.threshold ?? 0).toFixed(2)}, ` +
      `at least ${Math.round(config.meaningRareShare * 100)} % of the rare-word weight is shared with at least one rare word, and each has ${config.meaningMinWords} distinct words. ` +
      `Matcher: rare terms and the sentence-embedding model ${matcher.slice('rare-terms+embedding:'.length)}, run on this computer (nothing is sent or downloaded).`
    : matcher === 'rare-terms+lsa'
      ? `Two posts also match by meaning when their cosine in a ${config.lsaDimensions}-dimension semantic space learned from this export's own texts (LSA) is at least ${config.meaningSimilarity.toFixed(2)}, ` +
        `their character-trigram cosine (spelling variants) at least ${config.spellingSimilarity.toFixed(2)}, at least ${Math.round(config.meaningRareShare * 100)} % of the rare-word weight is shared ` +
        `with at least one rare word, and each has ${config.meaningMinWords} distinct words. Matcher: rare terms and LSA over the export itself; no language model is used.`
      : 'Matcher: rare terms over the export itself; no language model is used.';
  return (
    'A duplicate effort is raised by at least two different people (after identity merge), in different spaces or at least ' +
    `${config.minDaysApart} days apart. Links, mentions, file names, emoji codes, greetings and sign-offs are removed before comparing; ` +
    `posts of fewer than ${config.minEffortWords} distinct words and recurring templates (one text posted three or more times) are left out. ` +
    `Two posts match when at least ${Math.round(config.similarityThreshold * 100)} % of the shorter one's rare-word weight ` +
    `(IDF over this export: rare words count most) is found in the other, they share at least ${config.minSharedWords} rare words ` +
    `and their TF-IDF cosine is at least ${config.minCosine.toFixed(2)}; every two posts of a cluster match (complete linkage). ` +
    `${meaning} One person posting the same text to several spaces is listed apart as a cross-post.`
  );
}

/** Rare terms: in at most 1 % of the texts (at least 2) and at most 50 (see `rareIdf`). */
function rareFloor(size: number): number {
  return Math.log((1 + size) / (1 + Math.min(50, Math.max(2, size / 100)))) + 1;
}

/**
 * Candidate duplicate efforts (spec §6) among thread starters of the period and wiki pages revised
 * before its end (see {@link methodText} and `classify-pairs.ts`), and one person's cross-posts
 * apart. IDF comes from the compared texts themselves. A group is kept when one of its items is
 * active in the period.
 */
export async function computeRedundancy(
  query: Query,
  ctx: MetricContext,
  extra: RedundancyExtra = {},
): Promise<Redundancy> {
  const config: RedundancyConfig = { ...DEFAULT_REDUNDANCY_CONFIG, ...extra.config };
  const embedding = config.meaning ? config.embedding : undefined;
  const items = await itemsOf(
    query,
    ctx,
    config,
    embedding === undefined ? (extra.engineAbove ?? ENGINE_ABOVE) : Infinity,
    embedding === undefined ? (extra.blockedAbove ?? BLOCKED_ABOVE) : Infinity,
    extra.threadAbove ?? THREAD_ABOVE,
  );
  // Scoring is JavaScript's work alone, and its memory comes on top of what the readings of the
  // texts left in the C allocator: at 10M messages the run's peak (bench/README.md, s10-a).
  await query.releaseMemory();
  const { corpus } = items;
  const idf = rareIdf(corpus);
  const rare = rareFloor(populationOf(corpus));
  const weights = tfIdfWeights(corpus);
  const pairOptions: EffortPairOptions = {
    minRareShare: config.similarityThreshold,
    minCosine: config.copySimilarity,
    minSharedRare: config.minSharedWords,
    minTerms: config.minEffortWords,
    rareIdf: rare,
    maxPostings: MAX_POSTINGS,
  };
  const scorer = embedding
    ? await embeddingScorer({
        setting: embedding,
        gates: config,
        probe: (meaning) => void effortPairs(corpus, weights, idf, { ...pairOptions, meaning }),
        textsOf: (wanted) => comparedTexts(query, ctx.period, config.maxTextLength, items, wanted),
      })
    : config.meaning
      ? meaningScorer(corpus, weights, config)
      : undefined;
  const matcher: RedundancyMatcher = embedding
    ? `rare-terms+embedding:${embedding.encoder.name}`
    : scorer
      ? 'rare-terms+lsa'
      : 'rare-terms';
  const pairs = effortPairs(corpus, weights, idf, { ...pairOptions, ...(scorer ? { meaning: scorer } : {}) });
  const terms = Int32Array.from(
    { length: corpus.size },
    (_, k) => (corpus.offsets[k + 1] ?? 0) - (corpus.offsets[k] ?? 0),
  );
  const sorted = classifyPairs(
    pairs,
    { ...items, terms },
    {
      minRareShare: config.similarityThreshold,
      minCosine: config.minCosine,
      minSharedRare: config.minSharedWords,
      minEffortTerms: config.minEffortWords,
      minDaysApartInOneSpace: config.minDaysApart,
      copyCosine: config.copySimilarity,
      crossPostDays: config.crossPostDays,
      ...(scorer
        ? {
            meaning: {
              minMeaning: scorer.minMeaning,
              minSpelling: scorer.minSpelling,
              minRareShare: scorer.minRareShare,
              minTerms: scorer.minTerms,
            },
          }
        : {}),
    },
  );
  const efforts = rankGroups(
    groupsOf(items, sorted.efforts, (p) => p.rareShare),
    sorted.efforts,
    items.ids,
  );
  const latestFirst = (a: number[], b: number[]): number =>
    (items.atMs[b[0] ?? 0] ?? 0) - (items.atMs[a[0] ?? 0] ?? 0) ||
    byId(items.ids[a[0] ?? 0] ?? '', items.ids[b[0] ?? 0] ?? '');
  const crossGroups = groupsOf(items, sorted.crossPosts, (p) => p.cosine).sort(latestFirst);
  const shown = efforts.slice(0, config.maxClusters);
  const shownCross = crossGroups.slice(0, config.maxCrossPosts);
  const wanted = [...shown.flatMap((r) => r.group), ...shownCross.flat()];
  const rows = wanted.length === 0 ? new Map<number, ItemRow>() : await rowsOf(query, ctx, config, items, wanted);
  const people = [
    ...new Set(wanted.flatMap((i) => [...(rows.get(i)?.people ?? []), rows.get(i)?.author ?? ''])),
  ].filter((id) => id !== '');
  const names = people.length === 0 ? new Map<string, string | null>() : await personNames(query, people);
  // Words of anyone's name never serve as a reason: `--anonymize` cannot find a name in a word list.
  const nameWords =
    shown.length === 0 ? new Set<string>() : new Set((await allPersonNames(query)).flatMap(unicodeWords));
  const reasonOf = (r: RankedGroup): string[] =>
    sharedRareTerms(corpus, idf, r.group[0] ?? 0, r.group[1] ?? 0, rare, 6 + nameWords.size)
      .filter((w) => !nameWords.has(w))
      .slice(0, 6);
  return {
    method: methodText(config, matcher),
    matcher,
    threshold: config.similarityThreshold,
    itemsCompared: populationOf(corpus),
    templatesLeftOut: sorted.template.reduce((sum, t) => sum + t, 0),
    clustersFound: efforts.length,
    clusters: shown.map((r) => clusterOf(r, rows, names, reasonOf(r))),
    crossPostsFound: crossGroups.length,
    crossPosts: shownCross.flatMap((g) => crossPostOf(g, rows, names)),
  };
}

/**
 * The compared items: by the engine path when there are more than `engineAbove` (the items that
 * can pair and the LSA sample only), else, or when the two disagree, by the JS path (all); by the
 * blocked path (the same items as the engine path, read in JavaScript) when there are more than
 * `blockedAbove`. The JS path cleans and splits the texts in a worker thread when the count says
 * `threadAbove` or more (`items-in-thread.ts`: the same items).
 */
async function itemsOf(
  query: Query,
  ctx: MetricContext,
  config: RedundancyConfig,
  engineAbove: number,
  blockedAbove: number,
  threadAbove: number,
): Promise<ComparedItems> {
  /** The JS path, on two threads for `items` (at most) from {@link THREAD_ABOVE} on. */
  const js = (items = 0): Promise<ComparedItems> =>
    (items >= threadAbove ? comparedItemsInThread : comparedItems)(
      query,
      ctx.period,
      config.maxTextLength,
      config.minWords,
    );
  const lsaDocs = config.meaning ? DEFAULT_LSA_OPTIONS.maxDocs : 0;
  const above = Math.min(engineAbove, blockedAbove);
  if (!Number.isFinite(above)) return js();
  if (above > 0) {
    const period = { since: ctx.period.since, until: ctx.period.until };
    const [bound] = await query.all<{ n: number }>(ITEMS_AT_MOST_SQL, period);
    if ((bound?.n ?? 0) <= above) return js(bound?.n);
    const [row] = await query.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${itemsSql('1')})`, period);
    if ((row?.n ?? 0) <= above) return js(row?.n);
  }
  if (blockedAbove <= engineAbove)
    return blockedComparedItems(query, ctx.period, {
      cap: config.maxTextLength,
      minWords: config.minWords,
      maxPostings: MAX_POSTINGS,
      lsaDocs,
    });
  const found = await engineComparedItems(query, ctx.period, {
    cap: config.maxTextLength,
    minWords: config.minWords,
    maxPostings: MAX_POSTINGS,
    lsaDocs,
  });
  return 'items' in found ? found.items : js();
}

/** Complete-linkage groups of `links` (strongest link first), kept when one item is active in the period. */
function groupsOf(items: ComparedItems, links: readonly EffortPair[], strength: (p: EffortPair) => number): number[][] {
  const order = [...links].sort((a, b) => strength(b) - strength(a) || a.i - b.i || a.j - b.j);
  return completeLinkageGroups(items.ids.length, order).filter((g) => g.some((i) => items.active[i] === 1));
}

/** The groups with their rareShare ranges, the strongest first (then by the id of their first item). */
function rankGroups(groups: readonly number[][], pairs: readonly EffortPair[], ids: readonly string[]): RankedGroup[] {
  const groupOf = new Map<number, number>();
  groups.forEach((g, index) => g.forEach((i) => groupOf.set(i, index)));
  const ranked = groups.map((group) => ({ group, similarity: { min: Infinity, max: -Infinity } }));
  for (const p of pairs) {
    const index = groupOf.get(p.i);
    const similarity = index === undefined || groupOf.get(p.j) !== index ? undefined : ranked[index]?.similarity;
    if (!similarity) continue;
    similarity.min = Math.min(similarity.min, p.rareShare);
    similarity.max = Math.max(similarity.max, p.rareShare);
  }
  return ranked.sort(
    (a, b) => b.similarity.max - a.similarity.max || byId(ids[a.group[0] ?? -1] ?? '', ids[b.group[0] ?? -1] ?? ''),
  );
}

/**
 * The full rows (names, people, dates, title, discussion) of the given items, by index: read
 * again by id for the shown groups only, so the comparison never holds them for every item.
 */
async function rowsOf(
  query: Query,
  ctx: MetricContext,
  config: RedundancyConfig,
  items: ComparedItems,
  indexes: readonly number[],
): Promise<Map<number, ItemRow>> {
  const wanted = indexes.map((i) => items.ids[i] ?? '');
  const found = await redundancyItemsById(query, ctx.period.since, ctx.period.until, config.maxTextLength, [
    ...new Set(wanted),
  ]);
  const byKey = new Map(found.map((r) => [`${r.kind}:${r.item_id}`, r]));
  const rows = new Map<number, ItemRow>();
  for (const i of indexes) {
    const row = byKey.get(`${items.isPage[i] === 1 ? 'wikiPage' : 'thread'}:${items.ids[i] ?? ''}`);
    if (row) rows.set(i, row);
  }
  return rows;
}
