import type { Query } from '../../model/query.js';
import type { Period } from '../types.js';
import { contentOf, isIntroduction } from './clean-text.js';
import { type ComparedItems, ItemColumns } from './compared-items.js';
import { contentSql } from './content-sql.js';
import { type ItemText, itemsSql } from './queries.js';
import { TermCorpusBuilder, type TermCorpus, type WholeCorpus } from './term-corpus.js';
import { foldWord } from './tokenize.js';
import { forEachWord } from './unicode-words.js';

/**
 * The engine path of {@link ComparedItems} for a large pilot. The JavaScript path
 * (`compared-items.ts`) streams every text out of DuckDB and folds its words; here DuckDB cleans
 * each text (`contentSql`, the SQL twin of `contentOf`), cuts it into chunks at ASCII separators,
 * and counts document frequencies, so that only two kinds of text reach JavaScript:
 *
 * - the items holding a term of 2 to `maxPostings` texts: the only ones `effortPairs` can pair
 *   (it never looks at a pair sharing no such term), each with every other holder of its terms;
 * - the LSA fit sample (`lsa.ts`), when the meaning rule is on.
 *
 * They are folded again in JavaScript, exactly as the JS path does, and their corpus carries the
 * whole set's size and document frequencies (`TermCorpus.whole`), with its terms numbered in the
 * whole set's order of first occurrence: every IDF, weight, score and LSA vector is then the one
 * the JS path computes, bit for bit, and so are the pairs and clusters.
 *
 * Words and their folding have one home, `forEachWord` and `foldWord`: the engine sends its
 * distinct chunks (a pilot repeats the same words endlessly, so they are few) to be folded here,
 * and takes the terms back as a table. A chunk is a run without ASCII separators; JavaScript
 * words never span one, so the words of a text are those of its chunks.
 */
export interface EngineOptions {
  /** Characters of each text compared. */
  cap: number;
  /** Distinct terms an item needs to be compared at all. */
  minWords: number;
  /** Terms held by more texts than this never pair two texts (see `effortPairs`). */
  maxPostings: number;
  /** Texts of the LSA fit sample (evenly spaced over the compared items), or 0 without LSA. */
  lsaDocs: number;
}

/** The items, or why the engine and JavaScript disagreed about them (the caller then takes the JS path). */
export type EngineItems = { items: ComparedItems } | { mismatch: string };

/** Temporary tables of one run are named apart, so two runs on one connection never meet. */
let runs = 0;

/** A run of letters, digits and any non-ASCII code point: what JavaScript words never cross the end of. */
const CHUNK = String.raw`[A-Za-z0-9\x{80}-\x{10FFFF}]+`;

/** One row of the items brought into JavaScript: the JS path's row, with its place and term count. */
interface LoadedRow extends ItemText {
  k: number;
  terms: number;
}

export async function engineComparedItems(query: Query, period: Period, options: EngineOptions): Promise<EngineItems> {
  runs += 1;
  const t = `redundancy_${process.pid}_${runs}`;
  const tables = ['items', 'tok', 'dict', 'terms', 'kept', 'df', 'loaded'].map((name) => `${t}_${name}`);
  const params = { since: period.since, until: period.until, cap: options.cap };
  try {
    // Every compared item once, numbered in comparison order, with what the JS path reads of it.
    await query.run(
      `CREATE TEMP TABLE ${t}_items AS ${itemsSql(
        `row_number() OVER (ORDER BY i.first_at, i.item_id) AS ord, i.item_id, i.kind = 'wikiPage' AS is_page, n.space_no,
         i.last_at >= $since::TIMESTAMPTZ AS active, p.author_no, epoch_ms(i.first_at)::DOUBLE AS at_ms,
         left(i.body, $cap::INTEGER) AS body`,
        { numbers: 'joined' },
      )}`,
      params,
    );
    // Chunks of each item's content, in order; ASCII chunks lower-cased (as JavaScript would).
    await query.run(`CREATE TEMP TABLE ${t}_tok AS
      WITH ${contentSql('content', `${t}_items`, ['ord'])},
      chunked AS (SELECT ord, regexp_extract_all(content, '${CHUNK}') AS chunks FROM content)
      SELECT ord, pos, CASE WHEN strlen(chunk) = length(chunk) THEN lower(chunk) ELSE chunk END AS chunk
      FROM (SELECT ord, unnest(chunks) AS chunk, generate_subscripts(chunks, 1) AS pos FROM chunked)`);
    await query.run(
      `CREATE TEMP TABLE ${t}_dict AS
      WITH lines AS (SELECT unnest(string_split($dict, chr(10))) AS line),
      split AS (SELECT split_part(line, chr(9), 1) AS chunk, string_split(split_part(line, chr(9), 2), ' ') AS terms,
                       string_split(split_part(line, chr(9), 3), ' ') AS words FROM lines WHERE line <> '')
      SELECT chunk, unnest(terms) AS term, unnest(words) AS word, generate_subscripts(terms, 1) AS sub FROM split`,
      {
        dict: await foldedChunks(query, `${t}_tok`),
      },
    );
    // Each item's distinct terms, with where each first occurs (chunk, then place in the chunk).
    await query.run(`CREATE TEMP TABLE ${t}_terms AS
      SELECT ord, term, min(pos::BIGINT * 65536 + sub) AS place, arg_min(word, pos::BIGINT * 65536 + sub) AS word
      FROM ${t}_tok JOIN ${t}_dict USING (chunk) GROUP BY ord, term`);
    // The items long enough to compare; k is an item's index in the JS path's corpus.
    await query.run(
      `CREATE TEMP TABLE ${t}_kept AS
       SELECT ord, count(*) AS terms, row_number() OVER (ORDER BY ord) - 1 AS k FROM ${t}_terms GROUP BY ord HAVING count(*) >= $minWords`,
      { minWords: options.minWords },
    );
    // Document frequencies over the kept items, and each term's first occurrence and first raw word
    // in every item, kept or not: the JS path's dictionary numbers and shows a term from the first
    // text it reads that holds it, even one it then leaves out as too short.
    await query.run(`CREATE TEMP TABLE ${t}_df AS
      SELECT term, df, word, row_number() OVER (ORDER BY first) AS first FROM (
        SELECT term, count(k) AS df, min(ord * 4294967296 + place) AS first, arg_min(word, ord * 4294967296 + place) AS word
        FROM ${t}_terms LEFT JOIN ${t}_kept USING (ord) GROUP BY term)`);
    const [size] = await query.all<{ size: number; held: number }>(
      `SELECT (SELECT count(*) FROM ${t}_kept) AS size, (SELECT count(*) FROM ${t}_df WHERE df >= 2) AS held`,
    );
    const whole = size?.size ?? 0;
    await query.run(
      `CREATE TEMP TABLE ${t}_loaded AS
       SELECT DISTINCT ord FROM ${t}_terms JOIN ${t}_kept USING (ord) JOIN ${t}_df USING (term) WHERE df BETWEEN 2 AND $maxPostings
       UNION
       SELECT ord FROM ${t}_kept WHERE $docs > 0 AND (${whole} <= $docs OR k IN (SELECT (j * ${whole}) // $docs FROM range($docs) r(j)))`,
      { maxPostings: options.maxPostings, docs: options.lsaDocs },
    );
    return await loadedItems(query, t, { size: whole, heldTwice: size?.held ?? 0 }, options);
  } finally {
    for (const table of tables) await query.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

/**
 * The distinct chunks of table `tok`, each with its folded terms and their raw words, as the lines
 * `chunk<TAB>terms<TAB>words` (space-separated; chunks without a term left out). No chunk or term holds a tab, a space
 * or a newline: those are ASCII separators.
 */
async function foldedChunks(query: Query, tok: string): Promise<string> {
  const lines: string[] = [];
  for await (const batch of query.batches<{ chunk: string }>(`SELECT DISTINCT chunk FROM ${tok}`)) {
    for (const { chunk } of batch) {
      const terms: string[] = [];
      const words: string[] = [];
      forEachWord(chunk, (s, from, to) => {
        const word = s.slice(from, to);
        const term = foldWord(word);
        if (term === null) return;
        terms.push(term);
        words.push(word);
      });
      if (terms.length > 0) lines.push(`${chunk}\t${terms.join(' ')}\t${words.join(' ')}`);
    }
  }
  return lines.join('\n');
}

/** The loaded items as {@link ComparedItems}, folded here and checked against the engine's counts. */
async function loadedItems(
  query: Query,
  t: string,
  whole: { size: number; heldTwice: number },
  { minWords, maxPostings }: EngineOptions,
): Promise<EngineItems> {
  const builder = new TermCorpusBuilder();
  const index: number[] = [];
  const columns = new ItemColumns();
  const sql = `SELECT k::INTEGER AS k, terms::INTEGER AS terms, item_id, is_page, space_no, active, author_no, at_ms, body
    FROM ${t}_items JOIN ${t}_loaded USING (ord) JOIN ${t}_kept USING (ord) ORDER BY ord`;
  for await (const batch of query.batches<LoadedRow>(sql)) {
    for (const row of batch) {
      const k = builder.add(contentOf(row.body), minWords);
      if (k < 0) return { mismatch: `item ${row.item_id}: too few words in JavaScript, ${row.terms} in the engine` };
      index.push(row.k);
      columns.push(row, isIntroduction(row.body));
      const distinct = builder.distinctTerms(k);
      if (distinct !== row.terms)
        return {
          mismatch: `item ${row.item_id}: ${distinct} distinct terms in JavaScript, ${row.terms} in the engine`,
        };
    }
  }
  const local = builder.build();
  const rows = await query.all<{ term: string; df: number; first: number; word: string }>(
    `SELECT term, df::INTEGER AS df, first::INTEGER AS first, word FROM ${t}_df
     WHERE term IN (SELECT DISTINCT term FROM ${t}_terms JOIN ${t}_loaded USING (ord))`,
  );
  const corpus = inWholeOrder(local, new Map(rows.map((r) => [r.term, r])), maxPostings, {
    ...whole,
    index: Int32Array.from(index),
  });
  if (typeof corpus === 'string') return { mismatch: corpus };
  return { items: columns.finish(corpus) };
}

/**
 * `local` with the whole set's document frequencies, its terms renumbered in the whole set's order
 * of first occurrence (the term ids the JS path gives: LSA sums over terms in id order) and shown
 * by the whole set's first raw word, or
 * why it cannot be: a term the engine does not know, or one held by fewer loaded texts than the
 * engine counted although each of its holders should be loaded.
 */
function inWholeOrder(
  local: TermCorpus,
  global: ReadonlyMap<string, { df: number; first: number; word: string }>,
  maxPostings: number,
  whole: WholeCorpus,
): TermCorpus | string {
  const order = local.terms.map((_, id) => id);
  for (const id of order) {
    const term = local.terms[id] ?? '';
    const found = global.get(term);
    if (!found) return `term ${JSON.stringify(term)} is not in the engine's counts`;
    const held = local.df[id] ?? 0;
    if (found.df < held || (found.df >= 2 && found.df <= maxPostings && found.df !== held))
      return `term ${JSON.stringify(term)}: held by ${held} loaded texts, by ${found.df} in the engine`;
  }
  const first = (id: number): number => global.get(local.terms[id] ?? '')?.first ?? 0;
  order.sort((a, b) => first(a) - first(b));
  const newId = new Int32Array(order.length);
  order.forEach((id, to) => {
    newId[id] = to;
  });
  return {
    size: local.size,
    terms: order.map((id) => local.terms[id] ?? ''),
    words: order.map((id) => global.get(local.terms[id] ?? '')?.word ?? ''),
    offsets: local.offsets,
    termIds: local.termIds.map((id) => newId[id] ?? 0),
    counts: local.counts,
    df: Int32Array.from(order, (id) => global.get(local.terms[id] ?? '')?.df ?? 0),
    whole,
  };
}
