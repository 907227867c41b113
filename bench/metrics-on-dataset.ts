/**
 * Times each metric on a saved dataset (`pilot-report analyze --dataset FILE.duckdb ...` keeps one,
 * `--dataset FOLDER/` keeps it as Parquet files), without reading the exports again: the quick loop
 * for making one metric faster, and the way to see the metric SQL run on the Parquet tables.
 *
 *   npx tsx bench/metrics-on-dataset.ts FILE.duckdb|FOLDER [metric ...]
 *
 * Metrics: engagement conversations ideas moderation recognition network redundancy (default: all).
 * The period is the data's whole range (what `analyze` uses without --period). Prints seconds and
 * the RSS after each metric; with PILOT_REPORT_RESULT=1 also the result as JSON, with
 * PILOT_REPORT_SQL=1 every statement the metric ran (with its $parameters), for another engine; with
 * PILOT_REPORT_SLOW_MS=N every query that took at least N ms (as `analyze --verbose` prints them).
 * PILOT_REPORT_MEMORY_LIMIT (e.g. 768MB, the CLI's default) caps DuckDB as `analyze` does; without
 * it DuckDB may take 80 % of the machine's memory, and the RSS printed says nothing about a run.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { capabilitiesOf } from '../src/sources/capabilities.js';
import { MEASURES } from '../src/metrics/registry.js';
import type { MetricInput } from '../src/metrics/registry-types.js';
import { withInteractions } from '../src/metrics/network/edges.js';
import { computeIdeas } from '../src/metrics/ideas/index.js';
import { computeModeration } from '../src/metrics/moderation.js';
import { computeNetwork } from '../src/metrics/network/index.js';
import { computeRecognition } from '../src/metrics/recognition/index.js';
import { computeRedundancy } from '../src/metrics/redundancy/index.js';
import { defaultPeriod } from '../src/time/period.js';
import { DEFAULT_METRICS_CONFIG, type MetricContext } from '../src/metrics/types.js';
import { KEPT_TABLES } from '../src/model/dataset.js';
import { queryOver, type Query } from '../src/model/query.js';
import type { SourceKind } from '../src/model/types.js';
import { parseThreadLink } from '../src/sources/thread-links.js';
import { stopwatch } from '../src/cli/timing.js';

/**
 * Each metric as the CLI runs it: engagement with its retention interval and conversations with
 * their intervals and response curve (the registry's areas; neither reads the run's accounts or
 * settings, so none are given).
 */
type Metric = (query: Query, ctx: MetricContext) => Promise<unknown>;

const METRICS: Record<string, Metric> = {
  engagement: (query, ctx) => MEASURES.engagement.compute({ query, ctx } as MetricInput, {}),
  conversations: (query, ctx) => MEASURES.conversations.compute({ query, ctx } as MetricInput, {}),
  ideas: (q, ctx) => computeIdeas(q, ctx, [], parseThreadLink),
  moderation: (q, ctx) => computeModeration(q, ctx, {}),
  recognition: (q, ctx) => computeRecognition(q, ctx, {}),
  network: (q, ctx) => computeNetwork(q, ctx, {}),
  redundancy: (q, ctx) => computeRedundancy(q, ctx, {}),
};

/** Recognition and the network share one interactions table in the CLI (its time is shown apart). */
const SHARE_INTERACTIONS = ['recognition', 'network'];

async function main(): Promise<void> {
  const [file, ...wanted] = process.argv.slice(2);
  if (!file) throw new Error('usage: npx tsx bench/metrics-on-dataset.ts FILE.duckdb|FOLDER [metric ...]');
  const folder = statSync(file).isDirectory();
  const memoryLimit = process.env['PILOT_REPORT_MEMORY_LIMIT'];
  // A spill folder of its own: by default DuckDB spills beside the file (`FILE.tmp`), and two of these
  // runs on one dataset then wrote the same temporary files (one crashed, the other read garbage).
  const spill = mkdtempSync(path.join(tmpdir(), 'metrics-on-dataset-'));
  process.on('exit', () => rmSync(spill, { recursive: true, force: true }));
  const instance = await DuckDBInstance.create(folder ? ':memory:' : file, {
    autoinstall_known_extensions: 'false',
    temp_directory: spill,
    ...(folder ? {} : { access_mode: 'READ_ONLY' }),
    ...(memoryLimit ? { memory_limit: memoryLimit } : {}),
  });
  const connection = await instance.connect();
  // A Parquet folder: one view per table, named like it, is all the metric SQL needs (docs/dataset.md).
  if (folder)
    for (const table of KEPT_TABLES)
      await connection.run(
        `CREATE VIEW ${table} AS SELECT * FROM read_parquet('${path.join(file, `${table}.parquet`).replace(/'/g, "''")}')`,
      );
  const printSql = process.env['PILOT_REPORT_SQL'] === '1';
  const slowMs = process.env['PILOT_REPORT_SLOW_MS'];
  const query = queryOver(
    connection,
    printSql
      ? (sql) => process.stdout.write(`${sql.trim()};\n\n`)
      : slowMs
        ? stopwatch({ verbose: (line) => process.stdout.write(`${line}\n`) }, { slowQueryMs: Number(slowMs) }).query
        : undefined,
    memoryLimit ?? null,
  );
  const [range] = await query.all<{ first_at: string; last_at: string }>(
    'SELECT min(occurred_at) AS first_at, max(occurred_at) AS last_at FROM activities',
  );
  const sources = await query.all<{ source: SourceKind }>('SELECT DISTINCT source FROM activities');
  if (!range) throw new Error('no activities');
  const ctx: MetricContext = {
    period: defaultPeriod(range.first_at, range.last_at, 'UTC'),
    asOf: range.last_at,
    config: DEFAULT_METRICS_CONFIG,
    capabilities: capabilitiesOf(sources.map((s) => ({ kind: s.source }))),
  };
  const names = wanted.length ? wanted : Object.keys(METRICS);
  const unknown = names.find((name) => !METRICS[name]);
  if (unknown) throw new Error(`unknown metric ${unknown}; one of ${Object.keys(METRICS).join(' ')}`);
  const timed = async (name: string, work: () => Promise<unknown>): Promise<void> => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await work();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    // CPU (user + sys, every thread of the process): the figure to compare on a shared machine.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(2);
    const rss = Math.round(process.memoryUsage.rss() / 2 ** 20);
    process.stdout.write(`${name}: ${seconds} s, cpu ${cpuSeconds} s, rss ${rss} MiB\n`);
    if (result !== undefined && process.env['PILOT_REPORT_RESULT'] === '1')
      process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
  };
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i] as string;
    const next = names[i + 1];
    if (SHARE_INTERACTIONS.includes(name) && next && SHARE_INTERACTIONS.includes(next) && next !== name) {
      const { since, until } = ctx.period;
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      await withInteractions(query, since, until, async () => {
        const cpu = process.cpuUsage(cpuBefore);
        const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(2);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        process.stdout.write(`interactions table: ${seconds} s, cpu ${cpuSeconds} s\n`);
        for (const shared of [name, next]) await timed(shared, () => (METRICS[shared] as Metric)(query, ctx));
      });
      i += 1;
    } else await timed(name, () => (METRICS[name] as Metric)(query, ctx));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
