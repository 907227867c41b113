import { InternalError } from '../errors.js';
import { ESTIMATES, MEASURES, type Measured, type Sections } from './registry.js';
import type { MetricArea, MetricInput, Scope, Upstream } from './registry-types.js';

/** Times each area (the CLI passes its `--verbose` stopwatch). */
export interface Phases {
  phase<T>(name: string, work: () => Promise<T>): Promise<T>;
}

export interface RunMetricsOptions {
  phases?: Phases;
  /** Called as soon as a section is computed (the CLI checks the ideas ledger under --strict early). */
  after?: AfterHooks;
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

/** Runs every area of the registry in order; an area's error ends the run (it is not hidden). */
export async function runMetrics(input: MetricInput, options: RunMetricsOptions = {}): Promise<MetricsRun> {
  const phases = options.phases ?? UNTIMED;
  const done: Partial<Measured> = {};
  const upstream = (): Partial<Upstream> => done;
  const names = Object.keys(MEASURES) as (keyof Measured)[];
  const measureWarnings: string[] = [];
  for (let i = 0; i < names.length; ) {
    const scope = (MEASURES[names[i] as keyof Measured] as MetricArea<unknown>).scope;
    // Consecutive areas sharing a scope run inside one call of it.
    let end = i + 1;
    while (
      scope &&
      end < names.length &&
      (MEASURES[names[end] as keyof Measured] as MetricArea<unknown>).scope === scope
    )
      end += 1;
    const group = names.slice(i, end);
    const runGroup = async (): Promise<void> => {
      for (const name of group) await runOne(name);
    };
    await (scope ? (scope as Scope)(input, runGroup) : runGroup());
    i = end;
  }
  const measured = complete(done, names);
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

  async function runOne<K extends keyof Measured>(name: K): Promise<void> {
    const area = MEASURES[name] as unknown as MetricArea<Measured[K]>;
    const section = await phases.phase(`metrics: ${area.title}`, async () => {
      const computed = await area.compute(input, upstream());
      // What the area's queries freed goes back to the system before the next one starts: at 10M
      // Yammer messages DuckDB's cached blocks and what the C allocator kept of them stacked up
      // across areas (RSS 1,336 MiB after ideas, a 1,519 MiB peak in moderation; bench/README.md).
      await input.query.releaseMemory();
      return computed;
    });
    done[name] = section;
    measureWarnings.push(...(area.warnings?.(section, input) ?? []));
    (options.after?.[name] as ((s: Measured[K]) => void) | undefined)?.(section);
  }
}

function complete(done: Partial<Measured>, names: readonly (keyof Measured)[]): Measured {
  const missing = names.filter((name) => done[name] === undefined);
  if (missing.length > 0) throw new InternalError(`metrics not computed: ${missing.join(', ')}`);
  return done as Measured;
}
