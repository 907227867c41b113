import type { Query } from '../../model/query.js';
import type { Period } from '../types.js';
import { contentWithSpaces, isIntroduction } from './clean-text.js';
import { type ComparedItems, ItemColumns } from './compared-items.js';
import { IntList } from './int-list.js';
import { sampledDocs } from './lsa.js';
import { type RepeatKeys, redundancyDistinctTexts, redundancyRowsAt } from './queries.js';
import { TermCorpusBuilder } from './term-corpus.js';
import { TextRepeats, withRepeatKeys } from './text-repeats.js';

/**
 * The compared items of a large pilot, with only the items that can pair held in JavaScript
 * (candidate blocking). `effortPairs` looks only at pairs sharing a term held by 2 to
 * `maxPostings` texts, so an item holding no such term can never be in a pair: it counts only in
 * the number of texts and the document frequencies (every IDF), and, when sampled, in the LSA fit.
 *
 * Two passes over the texts, each folded by the one home of words (`forEachWord`, `foldWord`):
 *
 * 1. every text is read once (a repeated text by its first item), its terms counted into the
 *    dictionary and the document frequencies as the JS path counts them, and only the terms that
 *    are still held by at most `maxPostings` texts are noted (a term past that is never rare
 *    again: frequencies only grow); no text is kept;
 * 2. the items holding a noted term whose final frequency is 2 to `maxPostings` (the candidates),
 *    and the LSA sample, are read again by their place and kept, as the JS path keeps them.
 *
 * Their corpus carries the whole set's size and document frequencies (`TermCorpus.whole`) and the
 * JS path's term ids (one dictionary, filled in the same order), so every IDF, weight, pair score
 * and LSA vector is the JS path's, bit for bit, and so are the pairs and clusters
 * (test/metrics/redundancy/blocked-items.test.ts). Memory: a few bytes per item in the first
 * pass instead of every item's terms, weights and columns. The saving is the share of items that
 * cannot pair: when most texts hold a rare word, most are read twice and held all the same (CPU
 * and memory measured in bench/README.md), hence only above `BLOCKED_ABOVE` items (index.ts).
 */
export interface BlockingOptions {
  /** Characters of each text compared. */
  cap: number;
  /** Distinct terms an item needs to be compared at all. */
  minWords: number;
  /** Terms held by more texts than this never pair two texts (see `effortPairs`). */
  maxPostings: number;
  /** Texts of the LSA fit sample (evenly spaced over the compared items), or 0 without LSA. */
  lsaDocs: number;
}

/** What the first pass learns: the dictionary and frequencies, and where each compared item is. */
interface FirstPass {
  builder: TermCorpusBuilder;
  /** Compared item k's place in the query's rows. */
  placeOf: IntList;
  /** Compared item k's text, as an index of the texts read. */
  textOf: IntList;
  /** Text d's noted terms: `noted[notedStart[d] .. notedStart[d + 1])`. */
  notedStart: IntList;
  noted: IntList;
}

async function firstPass(
  query: Query,
  period: Period,
  { cap, minWords, maxPostings }: BlockingOptions,
  keys: RepeatKeys,
): Promise<FirstPass> {
  const pass: FirstPass = {
    builder: new TermCorpusBuilder(),
    placeOf: new IntList(),
    textOf: new IntList(),
    notedStart: new IntList(),
    noted: new IntList(),
  };
  const { builder, placeOf, textOf, notedStart, noted } = pass;
  notedStart.push(0);
  /** Per text held by more items than those read so far: its index (-1: too short). */
  const repeats = new TextRepeats<number>();
  let place = 0;
  let texts = 0;
  // Texts only: the items' other columns are read again for the few kept (`redundancyRowsAt`).
  for await (const batch of redundancyDistinctTexts(query, period.since, period.until, cap, keys, true)) {
    for (const row of batch) {
      if (row.body === null) {
        const first = repeats.repeat(row);
        if (first >= 0) {
          placeOf.push(place);
          textOf.push(first);
        }
        place += 1;
        continue;
      }
      // All copies are counted at once: a frequency is then never below the JS path's at this point.
      const ids = builder.tally(contentWithSpaces(row.body), minWords, row.copies);
      let d = -1;
      if (ids !== null) {
        d = texts;
        texts += 1;
        for (const id of ids) if (builder.frequencyOf(id) <= maxPostings) noted.push(id);
        notedStart.push(noted.length);
        placeOf.push(place);
        textOf.push(d);
      }
      repeats.note(row, d);
      place += 1;
    }
  }
  return pass;
}

/** The compared items, only the candidates and the LSA sample held (see {@link BlockingOptions}). */
export async function blockedComparedItems(
  query: Query,
  period: Period,
  options: BlockingOptions,
): Promise<ComparedItems> {
  const { builder, placeOf, textOf, notedStart, noted } = await withRepeatKeys((keys) =>
    firstPass(query, period, options, keys),
  );
  // What the first reading (a window over every text) left in the C allocator is not needed again.
  await query.releaseMemory();
  const df = builder.documentFrequencies();
  const size = placeOf.length;
  const candidate = new Uint8Array(notedStart.length - 1);
  for (let d = 0; d < candidate.length; d += 1) {
    for (let p = notedStart.at(d); p < notedStart.at(d + 1); p += 1) {
      const held = df[noted.at(p)] ?? 0;
      if (held >= 2 && held <= options.maxPostings) {
        candidate[d] = 1;
        break;
      }
    }
  }
  const wanted = new Uint8Array(size);
  for (let k = 0; k < size; k += 1) wanted[k] = candidate[textOf.at(k)] ?? 0;
  if (options.lsaDocs > 0) for (const k of sampledDocs(size, options.lsaDocs)) wanted[k] = 1;
  const index: number[] = [];
  const places: number[] = [];
  for (let k = 0; k < size; k += 1) {
    if (wanted[k] !== 1) continue;
    index.push(k);
    places.push(placeOf.at(k));
  }
  // Second pass: the wanted items, read again and kept as the JS path keeps them, one copy of
  // each text folded (the later ones repeat its terms).
  const columns = new ItemColumns();
  const keptAs = new Map<number, { k: number; introduction: boolean }>();
  let next = 0;
  if (places.length > 0) {
    for await (const batch of redundancyRowsAt(query, period.since, period.until, options.cap, places)) {
      for (const row of batch) {
        const k = index[next] ?? -1;
        if (row.pos !== places[next])
          throw new Error(`duplicate efforts: row ${row.pos} read again where row ${places[next]} was expected`);
        next += 1;
        const d = textOf.at(k);
        const known = keptAs.get(d);
        if (known) {
          builder.repeat(known.k);
          columns.push(row, known.introduction);
          continue;
        }
        const local = builder.add(contentWithSpaces(row.body), options.minWords);
        if (local < 0) throw new Error(`duplicate efforts: item ${row.item_id} is too short when read again`);
        const introduction = isIntroduction(row.body);
        keptAs.set(d, { k: local, introduction });
        columns.push(row, introduction);
      }
    }
  }
  if (next !== places.length) throw new Error(`duplicate efforts: ${next} of ${places.length} items read again`);
  const corpus = builder.build();
  if (corpus.terms.length !== df.length)
    throw new Error('duplicate efforts: a text read again holds a term the first reading did not');
  let heldTwice = 0;
  for (const held of df) if (held >= 2) heldTwice += 1;
  return columns.finish({ ...corpus, df, whole: { size, heldTwice, index: Int32Array.from(index) } });
}
