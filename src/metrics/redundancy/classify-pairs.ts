import type { EffortPair } from './effort-pairs.js';

/** What the classification needs to know of each item (indexes as in the pairs). */
export interface PairContext {
  /** Starter or first editor, as a number. */
  author: Int32Array;
  /** Space, as a number. */
  space: Int32Array;
  /** First instant, ms since 1970. */
  atMs: Float64Array;
  /** Distinct content terms of each item. */
  terms: Int32Array;
  /** 1 for a self-introduction: never part of a duplicate effort. */
  introduction: Uint8Array;
}

/** Thresholds of the classification (see {@link classifyPairs}). */
export interface ClassifyOptions {
  /** rareShare a pair of two people needs to be a duplicate-effort candidate. */
  minRareShare: number;
  /** TF-IDF cosine such a pair needs as well. */
  minCosine: number;
  /** Rare terms such a pair must share. */
  minSharedRare: number;
  /**
   * Distinct content terms each item of such a pair needs: a one-line reply ("Cool, we'll take a
   * look at it") shares its few words with hundreds of posts and says nothing of an effort.
   */
  minEffortTerms: number;
  /**
   * The meaning rule, met instead of the rare-term rule: LSA cosine, character-trigram cosine,
   * rareShare and distinct terms per item (at least one rare term shared). Absent: rare terms only.
   */
  meaning?: { minMeaning: number; minSpelling: number; minRareShare: number; minTerms: number };
  /** Two items in one space count only when at least this many days apart. */
  minDaysApartInOneSpace: number;
  /** TF-IDF cosine at which two items are copies of one text (templates, cross-posts). */
  copyCosine: number;
  /** A repeat of one person in another space within this many days is a cross-post. */
  crossPostDays: number;
}

/** The pairs sorted into what the report shows. */
export interface ClassifiedPairs {
  /** Two people, different spaces or far apart, enough shared rare meaning, no template item. */
  efforts: EffortPair[];
  /** One person, another space, a copy within `crossPostDays`. */
  crossPosts: EffortPair[];
  /** Items left out as recurring templates (1 = left out). */
  template: Uint8Array;
}

const DAY_MS = 86_400_000;

/**
 * Sorts scored pairs:
 * - an item is a **recurring template** when its author posted two other copies of it
 *   (cosine >= `copyCosine`, any space, any time: a monthly meeting announcement), or when four
 *   other items, whoever wrote them, are copies of it (one skeleton passed around organisers);
 *   template items are left out of duplicate efforts;
 * - a **cross-post** is one person's copy in another space within `crossPostDays` (an
 *   announcement posted to two channels, a "reposting here");
 * - a **duplicate-effort** pair is by two different people (after identity merge), in different
 *   spaces or at least `minDaysApartInOneSpace` apart, each with `minEffortTerms` content terms,
 *   sharing at least `minSharedRare` rare terms with rareShare >= `minRareShare` and a cosine of
 *   at least `minCosine`, or meeting the `meaning` rule instead. One person's
 *   repeats are never an effort, nor are self-introductions.
 */
export function classifyPairs(
  pairs: readonly EffortPair[],
  items: PairContext,
  options: ClassifyOptions,
): ClassifiedPairs {
  const count = items.author.length;
  const ownCopies = new Int32Array(count);
  const anyCopies = new Int32Array(count);
  for (const p of pairs) {
    if (p.cosine < options.copyCosine) continue;
    anyCopies[p.i] = (anyCopies[p.i] ?? 0) + 1;
    anyCopies[p.j] = (anyCopies[p.j] ?? 0) + 1;
    if (items.author[p.i] !== items.author[p.j]) continue;
    ownCopies[p.i] = (ownCopies[p.i] ?? 0) + 1;
    ownCopies[p.j] = (ownCopies[p.j] ?? 0) + 1;
  }
  const template = new Uint8Array(count);
  for (let k = 0; k < count; k += 1) if ((ownCopies[k] ?? 0) >= 2 || (anyCopies[k] ?? 0) >= 4) template[k] = 1;
  const efforts: EffortPair[] = [];
  const crossPosts: EffortPair[] = [];
  for (const p of pairs) {
    const sameSpace = items.space[p.i] === items.space[p.j];
    const days = Math.abs((items.atMs[p.j] ?? 0) - (items.atMs[p.i] ?? 0)) / DAY_MS;
    if (items.author[p.i] === items.author[p.j]) {
      if (!sameSpace && p.cosine >= options.copyCosine && days <= options.crossPostDays) crossPosts.push(p);
      continue;
    }
    if (template[p.i] === 1 || template[p.j] === 1 || items.introduction[p.i] === 1 || items.introduction[p.j] === 1)
      continue;
    if (sameSpace && days < options.minDaysApartInOneSpace) continue;
    const fewest = Math.min(items.terms[p.i] ?? 0, items.terms[p.j] ?? 0);
    const byRareTerms =
      fewest >= options.minEffortTerms &&
      p.rareShare >= options.minRareShare &&
      p.cosine >= options.minCosine &&
      p.sharedRare >= options.minSharedRare;
    const m = options.meaning;
    const byMeaning =
      m !== undefined &&
      fewest >= m.minTerms &&
      p.sharedRare >= 1 &&
      p.rareShare >= m.minRareShare &&
      p.meaning >= m.minMeaning &&
      p.spelling >= m.minSpelling;
    if (byRareTerms || byMeaning) efforts.push(p);
  }
  return { efforts, crossPosts, template };
}
