/**
 * `--dataset out/` (issue 16, item 5): the normalized tables as Parquet files, on which the metric
 * SQL runs unchanged. The figures are computed a second way, over DuckDB views of the Parquet files
 * in this process, and must equal what the run wrote to metrics.json.
 */
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../src/sources/capabilities.js';
import { computeConversations } from '../../src/metrics/conversations.js';
import { computeEngagement } from '../../src/metrics/engagement.js';
import { computeNetwork } from '../../src/metrics/network/index.js';
import { computeRedundancy } from '../../src/metrics/redundancy/index.js';
import { DEFAULT_METRICS_CONFIG, type MetricContext, type Period } from '../../src/metrics/types.js';
import { queryOver, type Query } from '../../src/model/query.js';
import type { SourceKind } from '../../src/model/types.js';
import type { CliResult } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { sampleEveryOutput } from '../helpers/shared-run.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { computeConversationEvidence, computeRetentionInterval } from '../../src/metrics/uncertainty/index.js';

afterAll(removeTempDirs);

const TABLES = ['activities', 'identities', 'persons', 'spaces'];

interface Metrics {
  period: Period;
  sources: { kind: SourceKind }[];
  engagement: unknown;
  conversations: unknown;
  network: unknown;
  redundancy: unknown;
}

/** What metrics.json holds for a value: JSON drops undefined fields and writes dates as strings. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('the dataset as a folder of Parquet files (sample pilot)', () => {
  const dir = makeTempDir('pilot-report-parquet-');
  let kept: string;
  let result: CliResult;
  let metrics: Metrics;
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  let query: Query;
  let ctx: MetricContext;

  beforeAll(async () => {
    // The built binary writes the Parquet folder: its run with every output, shared with
    // deck-and-post.test.ts (read only here); the second run below is made in the worker.
    const run = await sampleEveryOutput();
    ({ result, kept } = run);
    metrics = JSON.parse(readFileSync(path.join(run.out, 'metrics.json'), 'utf8')) as Metrics;
    // What docs/dataset.md tells an analyst to do: one view per table, named like the table.
    instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
    connection = await instance.connect();
    for (const t of TABLES)
      await connection.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${path.join(kept, `${t}.parquet`)}')`);
    query = queryOver(connection);
    ctx = {
      period: metrics.period,
      asOf: '2026-11-01T00:00:00.000Z', // the config's asOf
      config: DEFAULT_METRICS_CONFIG, // the sample config sets no metric knobs
      capabilities: capabilitiesOf(metrics.sources),
    };
  }, 120_000);

  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });

  it('writes one Parquet file per table and nothing else', () => {
    expect(result.code).toBe(0);
    expect(readdirSync(kept).sort()).toEqual(TABLES.map((t) => `${t}.parquet`));
  });

  it('holds every activity the run counted', async () => {
    const [row] = await query.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM activities WHERE is_contribution');
    const totals = (
      metrics.engagement as { totals: { posts: number; replies: number; wikiEdits: number; pagesCreated?: number } }
    ).totals;
    // Contributions of the whole data, not just the period: at least the period's posts and replies.
    expect(row?.n).toBeGreaterThanOrEqual(totals.posts + totals.replies);
  });

  it('gives the same engagement, conversations and network as metrics.json', async () => {
    // As the registry's engagement area gives it: the module's figures and the retention's interval.
    const engagement = await computeEngagement(query, ctx);
    const retentionInterval = await computeRetentionInterval(query, ctx);
    expect(asJson({ ...engagement, totals: { ...engagement.totals, retentionInterval } })).toEqual(metrics.engagement);
    expect(asJson(await computeNetwork(query, ctx, {}))).toEqual(metrics.network);
    // Which threads are questions is read from their text, which the dataset leaves out for the
    // sample's private group (docs/dataset.md): every other conversation figure is the same.
    const evidence = await computeConversationEvidence(query, ctx);
    const { questions: _fromText, ...conversations } = {
      ...(await computeConversations(query, ctx)),
      ...evidence,
    } as unknown as Record<string, unknown>;
    const { questions: _written, ...written } = metrics.conversations as Record<string, unknown>;
    expect(asJson(conversations)).toEqual(written);
  });

  it('holds no text of the private group, so text-based figures differ from metrics.json exactly there', async () => {
    const [row] = await query.all<{ n: number; with_text: number }>(`
      SELECT count(*)::INTEGER AS n, count(a.text)::INTEGER AS with_text
      FROM activities a JOIN spaces s USING (space_id) WHERE s.is_private`);
    expect(row?.n).toBeGreaterThan(0);
    expect(row?.with_text).toBe(0);
    const redundancy = asJson(await computeRedundancy(query, ctx, {})) as { itemsCompared: number };
    const written = metrics.redundancy as { itemsCompared: number };
    // The texts compared are the public ones only: fewer than the run compared.
    expect(redundancy.itemsCompared).toBeLessThan(written.itemsCompared);
  });

  it('a second run replaces the files and leaves no temporary file', { timeout: 120_000 }, async () => {
    // The shared folder is read only: the second run replaces the files of a copy of it.
    const copy = path.join(dir, 'kept');
    cpSync(kept, copy, { recursive: true });
    const written = TABLES.map((t) => statSync(path.join(copy, `${t}.parquet`)).mtimeMs);
    const again = await runCliInProcess([
      'analyze',
      '--config',
      'fixtures/sample-pilot/pilot-report.config.json',
      '--out',
      path.join(dir, 'out2'),
      '--dataset',
      copy,
    ]);
    expect(again.code).toBe(0);
    expect(readdirSync(copy).sort()).toEqual(TABLES.map((t) => `${t}.parquet`));
    // Same inputs, same SOURCE_DATE_EPOCH: the same bytes as the binary wrote, in every table (each
    // file is written in its key's order: a suite run under load once gave spaces.parquet in another
    // order before that), and the same rows, in files written anew.
    for (const t of TABLES)
      expect(
        readFileSync(path.join(copy, `${t}.parquet`)).equals(readFileSync(path.join(kept, `${t}.parquet`))),
        t,
      ).toBe(true);
    for (const [i, t] of TABLES.entries()) {
      const [a, b] = [copy, kept].map((d) => `read_parquet('${path.join(d, `${t}.parquet`)}')`);
      const [row] = await query.all<{ n: number; onlyNew: number; onlyOld: number }>(`
        SELECT (SELECT count(*) FROM ${a})::INTEGER AS n,
               (SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b}))::INTEGER AS onlyNew,
               (SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a}))::INTEGER AS onlyOld`);
      expect(row, t).toEqual({ n: expect.any(Number), onlyNew: 0, onlyOld: 0 });
      expect(row?.n, t).toBeGreaterThan(0);
      expect(statSync(path.join(copy, `${t}.parquet`)).mtimeMs, t).toBeGreaterThan(written[i] ?? Infinity);
    }
    expect(existsSync(path.join(dir, 'out2', 'metrics.json'))).toBe(true);
  });
});
