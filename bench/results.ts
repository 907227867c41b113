/**
 * The benchmark's results: the shape of bench/results.json, the scale targets of issue 8, the
 * check that metrics.json counts what the generator wrote, and the table printed at the end.
 */
import { cpus, release, totalmem } from 'node:os';
import type { BenchExport, BenchKind } from './generate.js';
import type { ProfileSummary } from './profile.js';
import type { SamplePilotResult } from './sample-pilot.js';

/** One measured run. */
export interface RunResult {
  name: string;
  /** `floor`: reading or bare parsing; `e2e`: pilot-report analyze to metrics.json and PDF. */
  group: 'floor' | 'e2e';
  /** Records the run went through (messages + revisions; files for `cat`). */
  rows: number;
  bytes: number;
  wallSeconds: number;
  rowsPerSecond: number;
  peakRssMiB: number | null;
  rssMethod: string;
  exitCode: number;
  /** Ratio of this run's wall time to the bare parse of the same inputs (e2e runs only). */
  ratioToBareParse: number | null;
  /** A bare parse run several times: each run's wall seconds, in order; `wallSeconds` is their median. */
  wallSecondsRuns?: number[];
}

/** One target of the issue, measured. */
export interface TargetResult {
  name: string;
  limit: string;
  measured: string;
  met: boolean;
}

/** One number of metrics.json compared with the generator's tally. */
export interface CountCheck {
  source: string;
  field: string;
  expected: number;
  found: number | null;
  equal: boolean;
}

/** The machine the numbers come from. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
}

/** bench/results.json. */
export interface BenchResults {
  generatedAt: string;
  machine: Machine;
  scale: { yammer: number; slack: number; wikiRevisions: number; hugeYammer: number; seed: number };
  exports: Pick<BenchExport, 'kind' | 'size' | 'bytes' | 'files' | 'expected' | 'generatedSeconds'>[];
  runs: RunResult[];
  targets: TargetResult[];
  counts: CountCheck[];
  countsMatch: boolean;
  /** The main thread's profile (with --profile). */
  profile: ProfileSummary | null;
  /** The worker threads' profiles (reading several exports at once), one per thread. */
  threadProfiles: ProfileSummary[];
  /** The bundled sample pilot end to end, median of `--sample-runs` cold runs (issue 16, item 4). */
  samplePilot: SamplePilotResult;
}

/** Facts about this machine. */
export function describeMachine(): Machine {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
  };
}

const RSS_LIMIT_MIB = 1536;
/** Issue 16: end to end at most 8 times DuckDB's bare read (the first target, 3x, was against csv-parse). */
const RATIO_LIMIT = 8;

/** The targets, evaluated on the runs (a target whose run was skipped is not listed). */
export function evaluateTargets(runs: readonly RunResult[], hugeYammer: number, yammer: number): TargetResult[] {
  const find = (name: string) => runs.find((r) => r.name === name);
  const targets: TargetResult[] = [];
  const all = find('e2e all');
  if (all) {
    const ratio = all.ratioToBareParse ?? Infinity;
    targets.push({
      name: 'end-to-end / bare parse',
      limit: `<= ${RATIO_LIMIT}x`,
      measured: `${ratio.toFixed(2)}x`,
      met: ratio <= RATIO_LIMIT && all.exitCode <= 1,
    });
    const rss = all.peakRssMiB ?? Infinity;
    targets.push({
      name: 'peak RSS, end-to-end',
      limit: `<= ${RSS_LIMIT_MIB} MiB`,
      measured: `${rss.toFixed(0)} MiB`,
      met: rss <= RSS_LIMIT_MIB,
    });
  }
  const small = find('e2e yammer');
  if (small) {
    const ratio = small.ratioToBareParse ?? Infinity;
    targets.push({
      name: 'Yammer alone, end-to-end / bare parse',
      limit: `<= ${RATIO_LIMIT}x`,
      measured: `${ratio.toFixed(2)}x`,
      met: ratio <= RATIO_LIMIT && small.exitCode <= 1,
    });
  }
  const huge = find('e2e yammer huge');
  if (huge)
    targets.push({
      name: `${hugeYammer.toLocaleString('en')} Yammer messages, default heap`,
      limit: 'completes',
      measured: `exit ${huge.exitCode}`,
      met: huge.exitCode <= 1,
    });
  if (small?.peakRssMiB && huge?.peakRssMiB) {
    // RSS ~ size^k: k < 1 is growth slower than the input.
    const k = Math.log(huge.peakRssMiB / small.peakRssMiB) / Math.log(hugeYammer / yammer);
    targets.push({
      name: 'RSS growth exponent (Yammer, by size)',
      limit: '< 1',
      measured: `${k.toFixed(2)} (${small.peakRssMiB.toFixed(0)} -> ${huge.peakRssMiB.toFixed(0)} MiB)`,
      met: k < 1,
    });
  }
  return targets;
}

/** Totals and per-source counts of metrics.json against the generated exports. */
export function checkCounts(metrics: unknown, exports: readonly BenchExport[]): CountCheck[] {
  const checks: CountCheck[] = [];
  const sources = arrayAt(metrics, ['sources']);
  for (const e of exports) {
    const source = sources.find((s) => valueAt(s, ['kind']) === e.kind);
    checks.push(check(e.kind, 'records.read', e.expected.records, numberAt(source, ['records', 'read'])));
    checks.push(check(e.kind, 'records.used', e.expected.contributions, numberAt(source, ['records', 'used'])));
  }
  const sum = (pick: (e: BenchExport) => number) => exports.reduce((n, e) => n + pick(e), 0);
  const has = (kinds: readonly BenchKind[]) => exports.some((e) => kinds.includes(e.kind));
  const totals = ['engagement', 'totals'];
  if (has(['yammer', 'slack'])) {
    checks.push(
      check(
        'all',
        'engagement.totals.posts',
        sum((e) => e.expected.posts),
        numberAt(metrics, [...totals, 'posts']),
      ),
    );
    checks.push(
      check(
        'all',
        'engagement.totals.replies',
        sum((e) => e.expected.replies),
        numberAt(metrics, [...totals, 'replies']),
      ),
    );
  }
  if (has(['slack']))
    checks.push(
      check(
        'all',
        'engagement.totals.reactions',
        sum((e) => e.expected.reactions),
        numberAt(metrics, [...totals, 'reactions']),
      ),
    );
  if (has(['mediawiki']))
    checks.push(
      check(
        'all',
        'engagement.totals.wikiEdits',
        sum((e) => e.expected.wikiEdits),
        numberAt(metrics, [...totals, 'wikiEdits']),
      ),
    );
  return checks;
}

function check(source: string, field: string, expected: number, found: number | null): CountCheck {
  return { source, field, expected, found, equal: found === expected };
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !(key in current)) return undefined;
    const next: unknown = Reflect.get(current, key);
    current = next;
  }
  return current;
}

function numberAt(value: unknown, path: readonly string[]): number | null {
  const found = valueAt(value, path);
  return typeof found === 'number' ? found : null;
}

function arrayAt(value: unknown, path: readonly string[]): unknown[] {
  const found = valueAt(value, path);
  return Array.isArray(found) ? found : [];
}

/** The runs as an aligned text table. */
export function formatTable(runs: readonly RunResult[]): string {
  const header = ['run', 'rows', 'wall s', 'rows/s', 'peak RSS MiB', 'x bare parse'];
  const lines = runs.map((r) => [
    r.name,
    r.rows.toLocaleString('en'),
    r.wallSeconds.toFixed(2),
    Math.round(r.rowsPerSecond).toLocaleString('en'),
    r.peakRssMiB === null ? 'n/a' : r.peakRssMiB.toFixed(0),
    r.ratioToBareParse === null ? '' : r.ratioToBareParse.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n');
}

/** The targets as text lines. */
export function formatTargets(targets: readonly TargetResult[]): string {
  return targets
    .map((t) => `${t.met ? 'met    ' : 'NOT MET'}  ${t.name}: ${t.measured} (target ${t.limit})`)
    .join('\n');
}
