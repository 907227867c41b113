/**
 * Issue 16 item 3, a measurement before a change: what candidate blocking for duplicate efforts
 * costs inside DuckDB, and how many of the pairs the JavaScript path keeps it would find. The JS
 * path streams every compared text out of DuckDB, cleans and folds its words (`contentOf`,
 * `foldWord`) and pairs texts sharing a term held by 2 to 200 texts (`rarePostings`). Here the
 * same items are split into words by RE2 in SQL (lower case, accents stripped, letters and digits),
 * stop words, one-letter words and numbers dropped, no folding and no clean-up of links or
 * mentions, and candidate pairs are the self-join of words held by 2 to 200 items: only pair ids
 * would leave the engine.
 *
 *   npx tsx bench/sql-blocking.ts FILE.duckdb
 *
 * Prints the CPU time (user + system of this process, DuckDB's threads included) and wall time of
 * each path, the candidate counts, and the share of the JS path's kept pairs (default settings,
 * meaning rule on) that are among the SQL candidates.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { comparedItems } from '../src/metrics/redundancy/compared-items.js';
import { effortPairs, rareIdf } from '../src/metrics/redundancy/effort-pairs.js';
import { DEFAULT_REDUNDANCY_CONFIG as C } from '../src/metrics/redundancy/index.js';
import { meaningScorer } from '../src/metrics/redundancy/meaning-scorer.js';
import { itemsSql } from '../src/metrics/redundancy/queries.js';
import { tfIdfWeights } from '../src/metrics/redundancy/term-corpus.js';
import { STOP_WORDS } from '../src/metrics/redundancy/tokenize.js';
import { queryOver } from '../src/model/query.js';
import { defaultPeriod } from '../src/time/period.js';

/** CPU and wall time of `run`. */
async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await run();
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    `${name}: cpu ${((used.user + used.system) / 1e6).toFixed(2)} s, wall ${((performance.now() - started) / 1000).toFixed(2)} s, rss ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MiB\n`,
  );
  return result;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx bench/sql-blocking.ts FILE.duckdb');
  const instance = await DuckDBInstance.create(file, {
    access_mode: 'READ_ONLY',
    autoinstall_known_extensions: 'false',
  });
  const query = queryOver(await instance.connect());
  const [range] = await query.all<{ first_at: string; last_at: string }>(
    'SELECT min(occurred_at) AS first_at, max(occurred_at) AS last_at FROM activities',
  );
  if (!range) throw new Error('no activities');
  const period = defaultPeriod(range.first_at, range.last_at, 'UTC');
  const params = { since: period.since, until: period.until, cap: C.maxTextLength };
  const stop = [...STOP_WORDS].map((w) => `'${w.replace(/'/g, "''")}'`).join(', ');
  const blocking = `
    WITH items AS (${itemsSql("i.kind || ':' || i.item_id AS key, left(i.body, $cap::INTEGER) AS body")}),
    words AS (SELECT key, unnest(regexp_split_to_array(lower(strip_accents(body)), '[^\\pL\\pN]+')) AS w FROM items),
    terms AS (SELECT DISTINCT key, w FROM words
              WHERE length(w) > 1 AND NOT regexp_full_match(w, '\\pN+') AND w NOT IN (${stop})),
    rare AS (SELECT w FROM terms GROUP BY w HAVING count(*) BETWEEN 2 AND 200),
    postings AS (SELECT key, w FROM terms SEMI JOIN rare USING (w))
    SELECT a.key AS a, b.key AS b FROM postings a JOIN postings b ON a.w = b.w AND a.key < b.key GROUP BY a.key, b.key`;
  const sqlPairs = await timed('SQL blocking (words, rare-word document frequencies, self-join)', async () => {
    const found = new Set<string>();
    for await (const batch of query.batches<{ a: string; b: string }>(blocking, params))
      for (const row of batch) found.add(`${row.a} ${row.b}`);
    return found;
  });
  const items = await timed('JS: stream, clean and fold every text', () =>
    comparedItems(query, period, C.maxTextLength, C.minWords),
  );
  const jsPairs = await timed('JS: LSA fit, blocking and exact scoring', async () => {
    const { corpus } = items;
    const idf = rareIdf(corpus);
    const weights = tfIdfWeights(corpus);
    const scorer = meaningScorer(corpus, weights, C);
    const rare = Math.log((1 + corpus.size) / (1 + Math.min(50, Math.max(2, corpus.size / 100)))) + 1;
    return effortPairs(corpus, weights, idf, {
      minRareShare: C.similarityThreshold,
      minCosine: C.copySimilarity,
      minSharedRare: C.minSharedWords,
      minTerms: C.minEffortWords,
      rareIdf: rare,
      maxPostings: 200,
      ...(scorer ? { meaning: scorer } : {}),
    });
  });
  const key = (k: number): string => `${items.isPage[k] === 1 ? 'wikiPage' : 'thread'}:${items.ids[k] ?? ''}`;
  const found = jsPairs.filter((p) => {
    const [a, b] = [key(p.i), key(p.j)].sort();
    return sqlPairs.has(`${a} ${b}`);
  }).length;
  process.stdout.write(
    `items compared (JS): ${items.ids.length}; SQL candidate pairs: ${sqlPairs.size}; JS kept pairs: ${jsPairs.length}, of which among the SQL candidates: ${found}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
