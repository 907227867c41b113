/**
 * Issue 16 item 3: duplicate efforts by the JS path (every text streamed out of DuckDB, cleaned
 * and folded: `compared-items.ts`) and by the engine path (texts cleaned, chunked and counted in
 * DuckDB, only the items that can pair and the LSA sample brought into JS: `engine-items.ts`), on
 * a kept dataset, side by side: the items step alone, then the whole metric, and whether the two
 * metric results are identical.
 *
 *   npx tsx bench/sql-blocking.ts FILE.duckdb [js|blocked|engine ...]   (default: js blocked)
 *
 * The blocked path (`blocked-items.ts`) folds every text in JavaScript without keeping it, then
 * reads again only the items that can pair and the LSA sample. PILOT_REPORT_MEMORY_LIMIT (e.g.
 * 768MB) caps DuckDB as `analyze` does.
 *
 * Prints the CPU time (user + system of this process, DuckDB's threads included), wall time and
 * RSS of each step. Run one path per process to compare peaks of memory.
 */
import { createHash } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';
import { comparedItems } from '../src/metrics/redundancy/compared-items.js';
import { blockedComparedItems } from '../src/metrics/redundancy/blocked-items.js';
import { engineComparedItems } from '../src/metrics/redundancy/engine-items.js';
import { computeRedundancy, DEFAULT_REDUNDANCY_CONFIG as C } from '../src/metrics/redundancy/index.js';
import { DEFAULT_LSA_OPTIONS } from '../src/metrics/redundancy/lsa.js';
import { populationOf } from '../src/metrics/redundancy/term-corpus.js';
import { DEFAULT_METRICS_CONFIG, type MetricContext } from '../src/metrics/types.js';
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
  const [file, ...paths] = process.argv.slice(2);
  if (!file) throw new Error('usage: npx tsx bench/sql-blocking.ts FILE.duckdb [js|blocked|engine ...]');
  const wanted = paths.length > 0 ? paths : ['js', 'blocked'];
  const memoryLimit = process.env['PILOT_REPORT_MEMORY_LIMIT'];
  const instance = await DuckDBInstance.create(file, {
    access_mode: 'READ_ONLY',
    autoinstall_known_extensions: 'false',
    ...(memoryLimit ? { memory_limit: memoryLimit } : {}),
  });
  // BENCH_SQL=1: each statement's wall time (the engine path's steps).
  const query = queryOver(
    await instance.connect(),
    process.env['BENCH_SQL'] === '1'
      ? (sql, ms, rows) =>
          process.stdout.write(
            `  ${(ms / 1000).toFixed(2)} s, ${rows ?? '-'} rows: ${sql.replace(/\s+/g, ' ').trim().slice(0, 90)}\n`,
          )
      : undefined,
    memoryLimit ?? null,
  );
  const [range] = await query.all<{ first_at: string; last_at: string }>(
    'SELECT min(occurred_at) AS first_at, max(occurred_at) AS last_at FROM activities',
  );
  if (!range) throw new Error('no activities');
  const period = defaultPeriod(range.first_at, range.last_at, 'UTC');
  const ctx: MetricContext = {
    period,
    asOf: range.last_at,
    config: DEFAULT_METRICS_CONFIG,
    capabilities: { messages: true, reactions: true, wiki: false },
  };
  const results: string[] = [];
  for (const path of wanted) {
    if (path === 'js') {
      const items = await timed('JS path: stream, clean and fold every text', () =>
        comparedItems(query, period, C.maxTextLength, C.minWords),
      );
      process.stdout.write(`  items compared ${items.ids.length}, all in JS\n`);
      results.push(
        JSON.stringify(
          await timed('JS path: whole metric', () =>
            computeRedundancy(query, ctx, { engineAbove: Infinity, blockedAbove: Infinity }),
          ),
        ),
      );
    } else if (path === 'blocked') {
      const items = await timed('blocked path: fold every text, keep and read again what can pair', () =>
        blockedComparedItems(query, period, {
          cap: C.maxTextLength,
          minWords: C.minWords,
          maxPostings: 200,
          lsaDocs: DEFAULT_LSA_OPTIONS.maxDocs,
        }),
      );
      process.stdout.write(
        `  items compared ${populationOf(items.corpus)}, in JS ${items.ids.length} (pairable or LSA sample)\n`,
      );
      results.push(
        JSON.stringify(
          await timed('blocked path: whole metric', () =>
            computeRedundancy(query, ctx, { engineAbove: Infinity, blockedAbove: 0 }),
          ),
        ),
      );
    } else if (path === 'engine') {
      const found = await timed('engine path: clean, chunk and count in SQL, load what can pair', () =>
        engineComparedItems(query, period, {
          cap: C.maxTextLength,
          minWords: C.minWords,
          maxPostings: 200,
          lsaDocs: DEFAULT_LSA_OPTIONS.maxDocs,
        }),
      );
      if ('mismatch' in found) throw new Error(`engine and JS disagree: ${found.mismatch}`);
      process.stdout.write(
        `  items compared ${populationOf(found.items.corpus)}, in JS ${found.items.ids.length} (pairable or LSA sample)\n`,
      );
      results.push(
        JSON.stringify(
          await timed('engine path: whole metric', () =>
            computeRedundancy(query, ctx, { engineAbove: 0, blockedAbove: Infinity }),
          ),
        ),
      );
    } else throw new Error(`unknown path ${path}: js, blocked or engine`);
  }
  // The sha-256 of each result (compact JSON), to compare with another run's (before a change).
  for (const [k, result] of results.entries())
    process.stdout.write(`result ${wanted[k]} sha256 ${createHash('sha256').update(result).digest('hex')}\n`);
  const first = results[0] ?? '';
  const found = JSON.parse(first) as { clustersFound: number; crossPostsFound: number; itemsCompared: number };
  process.stdout.write(
    `clusters ${found.clustersFound}, cross-posts ${found.crossPostsFound}, items ${found.itemsCompared}; ` +
      `results identical across paths: ${results.every((r) => r === first)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
