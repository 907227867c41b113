/**
 * KPI targets (`targets` in the config) checked against a metrics.json document, and deltas against a
 * baseline run. Both read the document through dotted paths (`conversations.answeredRate`,
 * `engagement.monthly.-1.activePeople`: a numeric segment indexes an array, a negative one from the end).
 * Whether a target's path leads to a number is read from the document's schema before the run
 * (report/json/target-paths.ts).
 */
import type { z } from 'zod';
import type { TargetOperator, TargetSpec } from '../config/target-spec.js';
import { ConfigError } from '../errors.js';
import type { targetSchema } from './targets-schema.js';

// A target is written in the config, which may not import metrics; re-exported for the metrics' importers.
export type { TargetOperator, TargetSpec } from '../config/target-spec.js';

/**
 * The outcome of one target, as metrics.json `targets` holds it: the type is its zod schema's
 * (targets-schema.ts), so the two cannot differ.
 */
export type TargetResult = z.infer<typeof targetSchema>;

/** One KPI compared with the baseline run. */
export interface BaselineDelta {
  current: number | null;
  baseline: number | null;
  /** `current - baseline`; null when either is not a number. */
  delta: number | null;
  /** The change in percent of the baseline (25 = +25 %); null when the baseline is 0 or missing. */
  deltaPct: number | null;
}

/** The value at a dotted path; undefined when any step is missing. */
export function valueAtMetricPath(document: unknown, metric: string): unknown {
  let current = document;
  for (const segment of metric.split('.')) {
    if (Array.isArray(current)) {
      if (!/^-?\d+$/.test(segment)) return undefined;
      const index = Number(segment);
      current = current[index < 0 ? current.length + index : index];
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
      current = Reflect.get(current, segment);
    } else {
      return undefined;
    }
  }
  return current;
}

/** `==` and `!=` allow for float noise (0.1 + 0.2 == 0.3): a relative tolerance of 1e-9. */
function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function compare(actual: number, op: TargetOperator, expected: number): boolean {
  switch (op) {
    case '>=':
      return actual >= expected || nearlyEqual(actual, expected);
    case '>':
      return actual > expected && !nearlyEqual(actual, expected);
    case '<=':
      return actual <= expected || nearlyEqual(actual, expected);
    case '<':
      return actual < expected && !nearlyEqual(actual, expected);
    case '==':
      return nearlyEqual(actual, expected);
    case '!=':
      return !nearlyEqual(actual, expected);
  }
}

/** Up to 4 decimals, without trailing zeros. */
function show(value: number): string {
  return String(Number(value.toFixed(4)));
}

function evaluateOne(document: object, target: TargetSpec): TargetResult {
  const raw = valueAtMetricPath(document, target.metric);
  const wanted = `target ${target.op} ${show(target.value)}`;
  let actual: number | null = null;
  let text: string;
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    actual = raw;
    const ok = compare(raw, target.op, target.value);
    text = `${target.metric} = ${show(raw)}, ${wanted} ${ok ? 'met' : 'not met'}`;
  } else if (raw === null || raw === undefined) {
    const why = raw === null ? 'null in metrics.json' : 'not in metrics.json';
    text = `${target.metric} could not be computed (${why}), ${wanted} not met`;
  } else {
    text = `${target.metric} is not a number (${Array.isArray(raw) ? 'array' : typeof raw}), ${wanted} not met`;
  }
  const passed = actual !== null && compare(actual, target.op, target.value);
  return {
    metric: target.metric,
    op: target.op,
    expected: target.value,
    actual,
    passed,
    level: target.level,
    message: target.message ? `${target.message}: ${text}` : text,
  };
}

/** Checks every target against a metrics.json document, in the order given. */
export function evaluateTargets(document: object, targets: readonly TargetSpec[]): TargetResult[] {
  return targets.map((target) => evaluateOne(document, target));
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * No KPI (a count of records, a rate, hours) comes near 2^53; a baseline figure beyond it was
 * edited by hand or corrupted, and its delta would print as a 300-digit number. Such a figure is
 * treated as missing ("no baseline figure to compare").
 */
function plausibleOrNull(value: number | null): number | null {
  return value !== null && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value : null;
}

/**
 * Compares KPIs of the current run with a baseline metrics.json (as parsed from its file).
 * @param label how messages name the baseline, e.g. its path.
 * @throws ConfigError when the baseline is not a metrics.json of the same `schemaVersion`: figures
 *   of another layout version may not mean the same thing, so they are not compared.
 */
export function baselineDeltas(
  current: object,
  baseline: unknown,
  paths: readonly string[],
  label = 'baseline',
): Record<string, BaselineDelta> {
  const version = valueAtMetricPath(current, 'schemaVersion');
  const baselineVersion = valueAtMetricPath(baseline, 'schemaVersion');
  if (typeof baseline !== 'object' || baseline === null || baselineVersion === undefined) {
    throw new ConfigError(
      `${label}: not a pilot-report metrics.json (no schemaVersion)\n  hint: --baseline takes the metrics.json of an earlier run`,
    );
  }
  if (baselineVersion !== version) {
    throw new ConfigError(
      `${label}: metrics.json schemaVersion ${JSON.stringify(baselineVersion)} cannot be compared with this run's schemaVersion ${JSON.stringify(version)}\n  hint: re-run the baseline period with this version of pilot-report, or leave out --baseline`,
    );
  }
  const deltas: Record<string, BaselineDelta> = {};
  for (const metric of paths) {
    const now = numberOrNull(valueAtMetricPath(current, metric));
    const before = plausibleOrNull(numberOrNull(valueAtMetricPath(baseline, metric)));
    const delta = now !== null && before !== null ? now - before : null;
    deltas[metric] = {
      current: now,
      baseline: before,
      delta,
      deltaPct: delta !== null && before !== null && before !== 0 ? (delta / Math.abs(before)) * 100 : null,
    };
  }
  return deltas;
}
