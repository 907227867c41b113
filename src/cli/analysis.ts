import { readFile, stat } from 'node:fs/promises';
import type { ResolvedConfig } from '../config/defaults.js';
import { toMetricsConfig } from '../config/defaults.js';
import { ConfigError, InputError, UsageError } from '../errors.js';
import type { SourceAccount } from '../model/accounting.js';
import { Dataset } from '../model/dataset.js';
import type { PeopleEntry } from '../model/types.js';
import { capabilitiesOf } from '../sources/capabilities.js';
import type { Sections } from '../metrics/registry.js';
import { runMetrics } from '../metrics/run-metrics.js';
import { baselineDeltas, evaluateTargets, type BaselineDelta } from '../metrics/targets.js';
import type { MetricContext, Period } from '../metrics/types.js';
import { assembleDocument } from '../report/json/build.js';
import type { BaselineSection, MetricsDocument } from '../report/json/document.js';
import { SUMMARY_KPI_PATHS } from '../report/markdown/summary.js';
import { createCsvSource } from '../sources/csv/index.js';
import { loadInputs, type LoadLog } from '../sources/load.js';
import { PARALLEL_READ_MIN_BYTES, type ParallelReadOptions } from '../sources/parallel/read-in-workers.js';
import { periodLabel } from '../report/period-label.js';
import { dayKey } from '../time/calendar.js';
import type { BoundedPeriod } from '../time/period-bounds.js';
import { resolveAsOf, resolveReportPeriod } from '../time/resolve.js';
import { localDateOf } from '../time/zone.js';
import { TOOL_VERSION } from '../version.js';
import { adapterBotAccounts, botPeopleEntries } from './bot-accounts.js';
import { clearDatasetFile, keepDataset } from './commands/analyze.js';
import { documentGaps } from './gap-warnings.js';
import { gapLine } from '../metrics/setup/gaps.js';
import { computeProvenance, runOutputs } from './provenance.js';
import { metricSettings } from './metric-settings.js';
import { loadEmbeddingModel } from './embedding-model-files.js';
import { anonymized, maskPrivateFolders } from './privacy-steps.js';
import { privateSpaceKeys } from '../metrics/evidence/thread-outcomes.js';
import { stopwatch } from './timing.js';
import { spillsToFile } from './dataset-placement.js';
import { ledgerProblemLines } from '../metrics/ideas/ledger-problems.js';
import { readIdeasLedger, readPeople, readRecognized } from './side-files.js';

export interface AnalysisResult {
  document: MetricsDocument;
  /** KPI deltas against `--baseline`, or null without one. */
  deltas: Record<string, BaselineDelta> | null;
  /** Lower-case ids and names of the private spaces: the configuration appendix masks them. */
  privateSpaces: ReadonlySet<string>;
}

/**
 * Connections the metrics of a dataset in memory (a small pilot) run on at once: their statements,
 * 5-50 ms of the engine's CPU each on a small pilot, then overlap one another and the JavaScript of
 * other areas (bench/README.md, s14-e). A dataset in a file keeps one, as every statement there may
 * need the whole memory limit.
 */
const IN_MEMORY_METRIC_CONNECTIONS = 2;

/**
 * DuckDB's threads for a dataset in memory: one per statement. A small pilot's statements have too
 * few rows to share out, and a second thread per statement cost ~25 % more of the engine's CPU
 * (the sample pilot's statements 642 -> 494 ms); statements of different connections still run
 * on both cores at once.
 */
const IN_MEMORY_ENGINE_THREADS = 1;

/** The largest SOURCE_DATE_EPOCH accepted: 9999-12-31T23:59:59Z, the last instant a 4-digit ISO year writes. */
export const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/**
 * "Now" for the run: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock. A value
 * beyond MAX_SOURCE_DATE_EPOCH is exit 2 naming it (it used to end in "Invalid time value").
 */
export function runClock(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH']?.trim();
  if (!epoch || !/^\d+$/.test(epoch)) return new Date();
  if (Number(epoch) > MAX_SOURCE_DATE_EPOCH) {
    throw new ConfigError(
      `SOURCE_DATE_EPOCH "${epoch}": after 9999-12-31 (at most ${MAX_SOURCE_DATE_EPOCH} seconds)\n  hint: it counts seconds since 1970-01-01 UTC, e.g. $(git log -1 --format=%ct)`,
    );
  }
  return new Date(Number(epoch) * 1000);
}

/**
 * Called with the finished result before the dataset is closed: closing blocks this thread, so the
 * caller can hand the document to the PDF thread first and the drawing overlaps the close.
 */
export type OnResult = (result: AnalysisResult) => void;

/**
 * The whole analysis short of writing files: inputs -> dataset -> metrics.json document (with
 * targets and baseline deltas). The dataset is closed before returning; `onResult` sees the
 * result just before. `spill` is where the dataset lives when the caller has decided it already
 * (`spillsToFile`, which walks the inputs); otherwise it is decided here.
 */
export async function analyzeInputs(
  inputs: readonly string[],
  config: ResolvedConfig,
  log: LoadLog,
  onResult: OnResult = () => undefined,
  spill?: boolean,
): Promise<AnalysisResult> {
  try {
    return await analyze(inputs, config, log, onResult, spill ?? (await spillsToFile(inputs)));
  } catch (error) {
    throw outOfMemory(error, config) ?? error;
  }
}

/**
 * DuckDB's out-of-memory error, as something the user can fix (exit 2): the memory limit is
 * theirs to raise. Null for any other error.
 */
export function outOfMemory(error: unknown, config: ResolvedConfig): UsageError | null {
  if (!(error instanceof Error)) return null;
  if (error.message.includes('No space left on device')) {
    return new UsageError(
      'the temporary folder is full (the dataset spills there)\n  hint: free space in it, or point TMPDIR at a folder with room; --dataset FILE puts the dataset elsewhere',
      { cause: error },
    );
  }
  if (!error.message.includes('Out of Memory Error')) return null;
  return new UsageError(
    `the analytics engine ran out of memory within --memory-limit ${config.memoryLimit}\n  hint: raise --memory-limit (config memoryLimit, PILOT_REPORT_MEMORY_LIMIT), or free memory for the run`,
    { cause: error },
  );
}

async function analyze(
  inputs: readonly string[],
  config: ResolvedConfig,
  log: LoadLog,
  onResult: OnResult,
  spill: boolean,
): Promise<AnalysisResult> {
  const now = runClock();
  const asOf = resolveAsOf(config.asOf, config.timeZone, now);
  if (config.dataset) await clearDatasetFile(config.dataset);
  const watch = stopwatch(log);
  // The run works in a temporary file (in memory for small inputs: dataset-placement.ts); `--dataset`
  // gets a copy without private text at the end.
  const dataset = await Dataset.open({
    spill,
    memoryLimit: config.memoryLimit,
    observe: watch.query,
    ...(spill ? {} : { threads: IN_MEMORY_ENGINE_THREADS }),
  });
  const stopHashing = new AbortController();
  try {
    const sideWarnings: string[] = [];
    const sink = (line: string) => {
      sideWarnings.push(line);
      log.warn(line);
    };
    const people: PeopleEntry[] = [...botPeopleEntries(config.botAccounts), ...(await readPeople(config.people, sink))];
    const ledger = await readIdeasLedger(config.ideasLedger, sink);
    const embedding = await loadEmbeddingModel(config);
    const sources = config.csvMapping ? { csv: createCsvSource(config.csvMapping) } : {};
    // Input hashes are computed while the inputs are read: with worker threads reading, the main
    // thread is idle, and the files are in the page cache either way. Awaited (and its errors
    // raised) after loading, so a load error is reported first.
    const hashing = computeProvenance(inputs, config, {
      version: TOOL_VERSION,
      exclude: runOutputs(config),
      signal: stopHashing.signal,
    });
    hashing.catch(() => undefined);
    const accounts = await watch.phase('read inputs', () =>
      loadInputs(
        inputs,
        dataset,
        {
          includePrivate: config.includePrivate,
          botAccounts: adapterBotAccounts(config.botAccounts, people),
          sources,
          parallel: parallelReads(config),
        },
        log,
      ),
    );
    if (config.strict) refuseProblems(accounts);
    await watch.phase('finalize dataset', () => dataset.finalize(accounts, people));
    const { period, warning: periodWarning } = resolvePeriod(config, accounts, asOf);
    if (periodWarning) {
      sideWarnings.push(periodWarning);
      log.warn(periodWarning);
    }
    await refuseEmptyPeriod(dataset, period, accounts);
    const ctx: MetricContext = {
      period,
      asOf: asOf.toISOString(),
      config: toMetricsConfig(config),
      capabilities: capabilitiesOf(accounts),
    };
    const input = { query: dataset.query, ctx, accounts, settings: metricSettings(config, people, ledger, embedding) };
    const moreQueries = spill ? [] : await dataset.moreQueries(IN_MEMORY_METRIC_CONNECTIONS - 1, watch.query);
    // In all, as the areas of a small dataset overlap (their own lines add up to more).
    const metrics = await watch.phase('metrics (all areas)', () =>
      runMetrics(input, {
        phases: watch,
        moreQueries,
        after: { ideas: (ideas) => checkLedger(config, ideas.ledgerUnmatched, sink) },
      }),
    );
    const provenance = await watch.phase('provenance (input hashes, the rest)', () => hashing);
    const document = assembleDocument(metrics, {
      version: TOOL_VERSION,
      generatedAt: now.toISOString(),
      provenance,
      period,
      runWarnings: sideWarnings,
    });
    document.provenance.inputs = await maskPrivateFolders(document.provenance.inputs, dataset.query);
    // Once per empty part, with the setting that fills it (the PDF part says the same).
    documentGaps(document, config).forEach((gap) => log.warn(gapLine(gap)));
    document.targets = evaluateTargets(document, config.targets);
    const keep = config.dataset;
    if (keep) await watch.phase('keep the dataset (--dataset)', () => keepDataset(dataset, keep));
    const baseline = config.baseline ? await readBaseline(config.baseline) : null;
    const deltas = config.baseline && baseline !== null ? baselineDeltas(document, baseline, SUMMARY_KPI_PATHS) : null;
    if (config.baseline && deltas) document.baseline = baselineSection(config.baseline, baseline, deltas);
    const privateSpaces = await privateSpaceKeys(dataset.query);
    const finished = (result: AnalysisResult): AnalysisResult => {
      onResult(result);
      return result;
    };
    if (!config.anonymize) return finished({ document, deltas, privateSpaces });
    const recognized = await readRecognized(config.recognize, sink);
    const result = await anonymized(document, dataset.query, recognized, config.anonymizeSalt);
    result.unmatched.forEach((r) => sink(`${config.recognize ?? '--recognize'}: "${r}" matches no person`));
    return finished({ document: result.document, deltas, privateSpaces });
  } finally {
    stopHashing.abort(); // a failed run does not wait for the hashes of the inputs
    await dataset.close();
  }
}

/**
 * Ledger rows that name no idea are warnings; under --strict the run stops (exit 2) before the
 * other metrics are computed.
 */
function checkLedger(
  config: ResolvedConfig,
  unmatched: Sections['ideas']['ledgerUnmatched'],
  sink: (line: string) => void,
): void {
  const problems = config.ideasLedger ? ledgerProblemLines(config.ideasLedger, unmatched) : [];
  problems.forEach(sink);
  if (config.strict && problems.length > 0) {
    throw new InputError(
      config.ideasLedger ?? '',
      null,
      `${problems.length} ledger row(s) not applied and --strict is set; first: ${problems[0] ?? ''}`,
      {
        hint: 'fix the ledger rows (the idea column takes a thread link or activity id), or run without --strict',
      },
    );
  }
}

/** Large runs read their exports in worker threads, each into a part with a share of the memory limit. */
function parallelReads(config: ResolvedConfig): ParallelReadOptions {
  return {
    threads: config.readThreads,
    minBytes: PARALLEL_READ_MIN_BYTES,
    memoryLimit: config.memoryLimit,
    csvMapping: config.csvMapping ?? null,
  };
}

/**
 * A period in which no input has any activity would give a confident, empty report (a monthly CI
 * run on stale exports): exit 2 instead, naming the period and the dates the inputs cover.
 */
async function refuseEmptyPeriod(dataset: Dataset, period: Period, accounts: readonly SourceAccount[]): Promise<void> {
  const [row] = await dataset.query.all<{ n: number }>(
    'SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM activities WHERE occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ LIMIT 1)',
    { since: period.since, until: period.until },
  );
  if ((row?.n ?? 0) > 0) return;
  const first = minOf(accounts.map((a) => a.firstAt));
  const last = maxOf(accounts.map((a) => a.lastAt));
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const range =
    first === null || last === null
      ? 'the inputs hold no dated activity'
      : `the inputs cover ${day(first)} to ${day(last)}`;
  const local = (ms: number): string => dayKey(localDateOf(ms, period.timeZone));
  throw new UsageError(
    `no activity in the period ${periodLabel(period)} (${local(Date.parse(period.since))} to ${local(Date.parse(period.until) - 1)}, ${period.timeZone}): ${range}\n  hint: choose a period the inputs cover (--period, --since, --until), or export newer data`,
  );
}

/** Under --strict any row-level problem stops the run with exit 2. */
function refuseProblems(accounts: readonly SourceAccount[]): void {
  const withProblems = accounts.filter((a) => a.problemCount > 0);
  if (withProblems.length === 0) return;
  const total = withProblems.reduce((n, a) => n + a.problemCount, 0);
  const first = withProblems[0]?.warnings[0] ?? '';
  throw new InputError(
    withProblems[0]?.path ?? '',
    null,
    `${total} row-level problem(s) and --strict is set; first: ${first}`,
    {
      hint: 'fix the export or run without --strict to count and skip the bad rows',
    },
  );
}

/** The period the config asks for, with open bounds filled from the data (spec §2), and bounded by the data. */
function resolvePeriod(config: ResolvedConfig, accounts: readonly SourceAccount[], asOf: Date): BoundedPeriod {
  const firstAt = minOf(accounts.map((a) => a.firstAt));
  const lastAt = maxOf(accounts.map((a) => a.lastAt));
  if (firstAt === null || lastAt === null) {
    const read = accounts.reduce((n, a) => n + a.read, 0);
    throw new InputError(
      accounts.map((a) => a.path).join(', '),
      null,
      `no usable activity: ${read} record(s) read, none used`,
      {
        hint: 'see the warnings above for why records were skipped (--verbose lists every skip)',
      },
    );
  }
  return resolveReportPeriod(config, asOf, firstAt, lastAt);
}

/** The `baseline` section of metrics.json: the file, its period, and per KPI the change. */
function baselineSection(file: string, baseline: unknown, deltas: Record<string, BaselineDelta>): BaselineSection {
  const period = typeof baseline === 'object' && baseline !== null && 'period' in baseline ? baseline.period : null;
  const isPeriod = (p: unknown): p is Period =>
    typeof p === 'object' &&
    p !== null &&
    ['since', 'until', 'timeZone'].every((k) => typeof (p as Record<string, unknown>)[k] === 'string');
  return {
    path: file,
    period: isPeriod(period) ? { since: period.since, until: period.until, timeZone: period.timeZone } : null,
    kpis: Object.entries(deltas).map(([metric, d]) => ({
      metric,
      value: d.current,
      baseline: d.baseline,
      change: d.delta,
      percentChange: d.deltaPct,
    })),
  };
}

async function readBaseline(file: string): Promise<unknown> {
  // Only a regular file is read: a FIFO would block the run forever.
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ConfigError(`${file}: the baseline does not exist or is not a file`);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ConfigError(`${file}: the baseline cannot be read`, { cause: error });
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `${file}: the baseline is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

const minOf = (values: (number | null)[]): number | null =>
  values.reduce<number | null>((m, v) => (v === null ? m : m === null ? v : Math.min(m, v)), null);
const maxOf = (values: (number | null)[]): number | null =>
  values.reduce<number | null>((m, v) => (v === null ? m : m === null ? v : Math.max(m, v)), null);
