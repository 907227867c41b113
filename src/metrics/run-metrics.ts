import { InternalError } from '../errors.js';
import type { Query } from '../model/query.js';
import { ESTIMATES, MEASURES, type Measured, type Sections } from './registry.js';
import type { MetricArea, MetricInput, Scope, Upstream } from './registry-types.js';
import { runOnLanes } from './run-on-lanes.js';

/** Times each area (the CLI passes its `--verbose` stopwatch). */
export interface Phases {
  phase<T>(name: string, work: () => Promise<T>): Promise<T>;
}

export interface RunMetricsOptions {
  phases?: Phases;
  /** Called as soon as a section is computed (the CLI checks the ideas ledger under --strict early). */
  after?: AfterHooks;
  /**
   * More connections to the same dataset (each with temporary tables of its own), on which areas
   * run while others run on `input.query`: an area's statements then overlap another's JavaScript
   * and each other on a second core. For a small dataset in memory (the CLI's choice): a large one
   * keeps one area at a time, whose statements each take the engine's whole memory limit.
   */
  moreQueries?: readonly Query[];
}

/** The computed sections and the `warnings` lines they give, split where the run's own remarks go. */
export interface MetricsRun {
  sections: Sections;
  /** Why measured figures are null, in registry order. */
  measureWarnings: string[];
  /** The estimates' caveats (they follow the run's remarks in metrics.json). */
  estimateWarnings: string[];
}

/** Per section, what to do as soon as it is computed. */
export type AfterHooks = { [K in keyof Sections]?: (section: Sections[K]) => void };

const UNTIMED: Phases = { phase: (_name, work) => work() };

/** Consecutive areas of the registry that share a scope (or one area without): they run together, in order. */
interface AreaGroup {
  names: (keyof Measured)[];
  scope: Scope | undefined;
  /** Indexes of the earlier groups whose sections these areas read. */
  after: number[];
}

/**
 * Runs every area of the registry; an area's error ends the run (it is not hidden). With
 * `moreQueries`, areas whose upstream sections are computed run at the same time, one per
 * connection; the sections, their warnings and every figure are the same as one at a time (each
 * area reads only the dataset and the sections it declares).
 */
export async function runMetrics(input: MetricInput, options: RunMetricsOptions = {}): Promise<MetricsRun> {
  const phases = options.phases ?? UNTIMED;
  const done: Partial<Measured> = {};
  const names = Object.keys(MEASURES) as (keyof Measured)[];
  const warningsOf = new Map<keyof Measured, string[]>();
  const groups = areaGroups(names);
  const lanes = [input.query, ...(options.moreQueries ?? [])];
  const run = async (group: AreaGroup, query: Query): Promise<void> => {
    const on = query === input.query ? input : { ...input, query };
    const runGroup = async (): Promise<void> => {
      for (const name of group.names) await runOne(name, on);
    };
    await (group.scope ? group.scope(on, runGroup) : runGroup());
  };
  // One lane: the registry's order, as a large dataset has always run them.
  await runOnLanes(groups, lanes, run, lanes.length > 1 ? startingOrder(groups) : undefined);
  const measured = complete(done, names);
  const measureWarnings = names.flatMap((name) => warningsOf.get(name) ?? []);
  const estimates = {} as { [K in keyof typeof ESTIMATES]: Sections[K] };
  const estimateWarnings: string[] = [];
  for (const name of Object.keys(ESTIMATES) as (keyof typeof ESTIMATES)[]) {
    const area = ESTIMATES[name];
    const section = await phases.phase(`metrics: ${area.title}`, async () => area.compute(input, measured));
    estimates[name] = section;
    estimateWarnings.push(...(area.warnings?.(section, input) ?? []));
    (options.after?.[name] as ((s: Sections[typeof name]) => void) | undefined)?.(section);
  }
  return { sections: { ...measured, ...estimates }, measureWarnings, estimateWarnings };

  async function runOne<K extends keyof Measured>(name: K, on: MetricInput): Promise<void> {
    const area = MEASURES[name] as unknown as MetricArea<Measured[K]>;
    const section = await phases.phase(`metrics: ${area.title}`, async () => {
      const computed = await area.compute(on, upstreamOf(area, done));
      // What the area's queries freed goes back to the system before the next one starts: at 10M
      // Yammer messages DuckDB's cached blocks and what the C allocator kept of them stacked up
      // across areas (RSS 1,336 MiB after ideas, a 1,519 MiB peak in moderation; bench/README.md).
      await on.query.releaseMemory();
      return computed;
    });
    done[name] = section;
    warningsOf.set(name, area.warnings?.(section, on) ?? []);
    (options.after?.[name] as ((s: Measured[K]) => void) | undefined)?.(section);
  }
}

/** The sections `area` declares it reads, and only those: an undeclared one is missing, loudly (see `need`). */
function upstreamOf(area: MetricArea<unknown>, done: Partial<Measured>): Partial<Upstream> {
  const before: Partial<Record<keyof Upstream, unknown>> = {};
  for (const name of area.reads ?? []) before[name] = done[name];
  return before as Partial<Upstream>;
}

/** The groups' indexes, those with an area that {@link MetricArea.startsFirst} first, each part in registry order. */
function startingOrder(groups: readonly AreaGroup[]): number[] {
  const first = (group: AreaGroup): boolean =>
    group.names.some((name) => (MEASURES[name] as MetricArea<unknown>).startsFirst === true);
  const indexes = groups.map((_, index) => index);
  return [
    ...indexes.filter((g) => first(groups[g] as AreaGroup)),
    ...indexes.filter((g) => !first(groups[g] as AreaGroup)),
  ];
}

/** The registry's areas in groups (consecutive areas sharing a scope), each with the groups it waits for. */
function areaGroups(names: readonly (keyof Measured)[]): AreaGroup[] {
  const groups: AreaGroup[] = [];
  const groupOf = new Map<string, number>();
  for (const name of names) {
    const area = MEASURES[name] as MetricArea<unknown>;
    const last = groups[groups.length - 1];
    const group =
      area.scope && last?.scope === area.scope ? last : { names: [], scope: area.scope, after: [] as number[] };
    if (group !== last) groups.push(group);
    for (const read of area.reads ?? []) {
      const index = groupOf.get(read);
      if (index === undefined || index === groups.length - 1)
        throw new InternalError(`metrics: ${read} is read by ${name} before it is computed (registry order)`);
      if (!group.after.includes(index)) group.after.push(index);
    }
    group.names.push(name);
    groupOf.set(name, groups.length - 1);
  }
  return groups;
}

/** The sections in registry order (areas running at once finish in any order). */
function complete(done: Partial<Measured>, names: readonly (keyof Measured)[]): Measured {
  const missing = names.filter((name) => done[name] === undefined);
  if (missing.length > 0) throw new InternalError(`metrics not computed: ${missing.join(', ')}`);
  return Object.fromEntries(names.map((name) => [name, done[name]])) as Measured;
}
