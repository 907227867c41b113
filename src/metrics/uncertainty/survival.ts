import { z } from 'zod';
import type { Observation } from '../stats/kaplan-meier.js';

/**
 * Waits as Kaplan-Meier survival curves (`conversations.responseSurvival`,
 * `ideas.actionSurvival`): what share is still waiting after t hours (days), counting the ones
 * still waiting when observation ended instead of dropping them.
 */

/** Curve points are kept when S has dropped by at least this much since the last kept point. */
const CURVE_RESOLUTION = 0.005;

export const curvePointSchema = z
  .strictObject({
    time: z.number().min(0).describe('Hours (days for ideas) since the start.'),
    survival: z.number().min(0).max(1).describe('Share still waiting just after `time`.'),
  })
  .describe('One point of the step curve.');

const figures = {
  n: z.number().int().min(0).describe('Threads (ideas) in the curve.'),
  events: z.number().int().min(0).describe('Of them, answered (actioned) by the end of observation.'),
  censored: z
    .number()
    .int()
    .min(0)
    .describe('Still waiting at the end of observation: counted as waiting up to then, not dropped.'),
  median: z
    .number()
    .nullable()
    .describe(
      'Time by which half had the event, read from the curve; null when the curve never reaches 0.5 (more than half still waiting).',
    ),
  p90: z
    .number()
    .nullable()
    .describe('Time by which 90 % had the event, read from the curve; null when the curve never reaches 0.1.'),
};

export const survivalGroupSchema = z
  .strictObject({
    key: z.string().nullable().describe('Space id, or department name (null: department unknown).'),
    name: z.string().describe('Space name or `(private space)`, or department name or `(unknown)`.'),
    ...figures,
  })
  .describe("The curve's figures for one space or department with at least `minGroupSize` threads (ideas).");

export const survivalSchema = z
  .strictObject({
    unit: z.enum(['hours', 'days']).describe('Unit of `time`, `median` and `p90`.'),
    observedUntil: z
      .string()
      .meta({ format: 'date-time' })
      .describe(
        'ISO instant observation ended: the last loaded activity, or --as-of when earlier (period end for ideas).',
      ),
    ...figures,
    curve: z
      .array(curvePointSchema)
      .describe(
        'The Kaplan-Meier step curve from (0, 1), thinned to drops of at least 0.5 points, and its last point.',
      ),
    bySpace: z.array(survivalGroupSchema).describe('Per space, most subjects first.'),
    byDepartment: z
      .array(survivalGroupSchema)
      .describe('Per department of the thread starter (idea author), most subjects first.'),
  })
  .describe('Kaplan-Meier survival curve of a wait, with censoring.');

export type CurvePoint = z.infer<typeof curvePointSchema>;
export type SurvivalGroup = z.infer<typeof survivalGroupSchema>;
export type Survival = z.infer<typeof survivalSchema>;

/** One subject (thread, idea) of a curve, with the groups it belongs to. */
export interface Subject extends Observation {
  space: { key: string | null; name: string };
  department: string | null;
}

/** A group's key and shown name (space or department). */
export interface GroupLabel {
  key: string | null;
  name: string;
}

/** A department as a group: no department is one group, shown as `(unknown)`. */
export function departmentLabel(department: string | null): GroupLabel {
  return { key: department, name: department ?? '(unknown)' };
}

/**
 * Subjects as columns: a curve over hundreds of thousands of threads keeps four numbers per
 * thread in typed arrays instead of an object per thread (peak memory at scale, issue 16).
 * `space[i]` and `department[i]` index `spaces` and `departments`, which are in the order the
 * groups first appear among the subjects (the tie order of the per-group lists).
 */
export interface SubjectColumns {
  time: Float64Array;
  /** 1: the event happened at `time`; 0: censored there. */
  event: Uint8Array;
  space: Int32Array;
  spaces: readonly GroupLabel[];
  department: Int32Array;
  departments: readonly GroupLabel[];
}

/** The curve with its figures, overall and per group of at least `minGroupSize` subjects. */
export function survivalOf(
  subjects: readonly Subject[],
  unit: Survival['unit'],
  observedUntil: string,
  minGroupSize: number,
): Survival {
  return survivalOfColumns(subjectColumns(subjects), unit, observedUntil, minGroupSize);
}

/** `survivalOf` over subjects given as columns. */
export function survivalOfColumns(
  subjects: SubjectColumns,
  unit: Survival['unit'],
  observedUntil: string,
  minGroupSize: number,
): Survival {
  const { time, event } = subjects;
  const curve = new Thinned();
  const overall = walkCurve(sortedTimes(time, event, false), sortedTimes(time, event, true), curve);
  return {
    unit,
    observedUntil,
    ...overall,
    curve: curve.points(),
    bySpace: groups(subjects, subjects.space, subjects.spaces, minGroupSize),
    byDepartment: groups(subjects, subjects.department, subjects.departments, minGroupSize),
  };
}

/** Objects to columns, groups numbered in order of first appearance (as a Map keeps them). */
function subjectColumns(subjects: readonly Subject[]): SubjectColumns {
  const n = subjects.length;
  const columns = {
    time: new Float64Array(n),
    event: new Uint8Array(n),
    space: new Int32Array(n),
    spaces: [] as GroupLabel[],
    department: new Int32Array(n),
    departments: [] as GroupLabel[],
  };
  const spaceIds = new Map<string, number>();
  const departmentIds = new Map<string, number>();
  subjects.forEach((s, i) => {
    columns.time[i] = s.time;
    columns.event[i] = s.event ? 1 : 0;
    columns.space[i] = groupIndex(spaceIds, columns.spaces, s.space);
    columns.department[i] = groupIndex(departmentIds, columns.departments, departmentLabel(s.department));
  });
  return columns;
}

/** The index of `label`'s group, a new one (appended to `labels`) on its first appearance; null keys form one group. */
export function groupIndex(ids: Map<string, number>, labels: GroupLabel[], label: GroupLabel): number {
  const id = label.key ?? '\u0000';
  let index = ids.get(id);
  if (index === undefined) {
    index = labels.length;
    ids.set(id, index);
    labels.push(label);
  }
  return index;
}

type Figures = Pick<SurvivalGroup, 'n' | 'events' | 'censored' | 'median' | 'p90'>;

/** S(t) at or below these (with the tolerance of stats/kaplan-meier.ts `curveQuantile`) gives the median and p90. */
const MEDIAN_LEVEL = 1 - 0.5 + 1e-12;
const P90_LEVEL = 1 - 0.9 + 1e-12;

/**
 * The Kaplan-Meier walk of stats/kaplan-meier.ts over ascending `times` (every subject) and
 * ascending `eventTimes` (those with the event, a subset): at each distinct time,
 * S ×= 1 − events / at risk, events before censorings, then the at-risk count drops by both. The
 * same operations in the same order, so the same doubles; the steps go to `visit` instead of an
 * array. Figures as `curveQuantile` reads them: the first event step at or below the level.
 */
function walkCurve(times: Float64Array, eventTimes: Float64Array, visit?: Thinned): Figures {
  const n = times.length;
  let atRisk = n;
  let survival = 1;
  let median: number | null = null;
  let p90: number | null = null;
  let i = 0;
  let j = 0;
  while (i < n) {
    const time = times[i] ?? 0;
    let leaving = 0;
    while (i < n && times[i] === time) {
      leaving += 1;
      i += 1;
    }
    let events = 0;
    while (j < eventTimes.length && eventTimes[j] === time) {
      events += 1;
      j += 1;
    }
    survival *= 1 - events / atRisk;
    if (events > 0 && median === null && survival <= MEDIAN_LEVEL) median = time;
    if (events > 0 && p90 === null && survival <= P90_LEVEL) p90 = time;
    visit?.step(time, events, survival);
    atRisk -= leaving;
  }
  return { n, events: eventTimes.length, censored: n - eventTimes.length, median, p90 };
}

/** The times of the subjects (with the event only, when `eventsOnly`), ascending. */
function sortedTimes(time: Float64Array, event: Uint8Array, eventsOnly: boolean): Float64Array {
  if (!eventsOnly) return Float64Array.from(time).sort();
  let k = 0;
  for (let i = 0; i < event.length; i += 1) k += event[i] ?? 0;
  const out = new Float64Array(k);
  k = 0;
  for (let i = 0; i < event.length; i += 1) if (event[i]) out[k++] = time[i] ?? 0;
  return out.sort();
}

/** Each group's figures, for groups of at least `minGroupSize`: most subjects first, then by name, then first seen. */
function groups(
  subjects: SubjectColumns,
  member: Int32Array,
  labels: readonly GroupLabel[],
  minGroupSize: number,
): SurvivalGroup[] {
  const { time, event } = subjects;
  // A counting sort of the times by group: one buffer for all, one for the events, a slice per group.
  const size = new Int32Array(labels.length + 1);
  const eventSize = new Int32Array(labels.length + 1);
  for (let i = 0; i < member.length; i += 1) {
    const g = member[i] ?? 0;
    size[g + 1] = (size[g + 1] ?? 0) + 1;
    eventSize[g + 1] = (eventSize[g + 1] ?? 0) + (event[i] ?? 0);
  }
  for (let g = 0; g < labels.length; g += 1) {
    size[g + 1] = (size[g + 1] ?? 0) + (size[g] ?? 0);
    eventSize[g + 1] = (eventSize[g + 1] ?? 0) + (eventSize[g] ?? 0);
  }
  const all = new Float64Array(member.length);
  const events = new Float64Array(eventSize[labels.length] ?? 0);
  const fill = Int32Array.from(size);
  const eventFill = Int32Array.from(eventSize);
  for (let i = 0; i < member.length; i += 1) {
    const g = member[i] ?? 0;
    const t = time[i] ?? 0;
    all[fill[g]!++] = t;
    if (event[i]) events[eventFill[g]!++] = t;
  }
  return labels
    .flatMap((label, g): SurvivalGroup[] => {
      const from = size[g] ?? 0;
      const to = size[g + 1] ?? 0;
      if (to - from < minGroupSize) return [];
      const times = all.subarray(from, to).sort();
      const eventTimes = events.subarray(eventSize[g] ?? 0, eventSize[g + 1] ?? 0).sort();
      return [{ key: label.key, name: label.name, ...walkCurve(times, eventTimes) }];
    })
    .sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** (0, 1), then each event step where S dropped by CURVE_RESOLUTION since the last kept point, then the end. */
class Thinned {
  private readonly kept: CurvePoint[] = [{ time: 0, survival: 1 }];
  private last = 1;
  private end: CurvePoint | null = null;

  step(time: number, events: number, survival: number): void {
    this.end = { time, survival };
    if (events === 0 || this.last - survival < CURVE_RESOLUTION) return;
    this.kept.push({ time, survival });
    this.last = survival;
  }

  points(): CurvePoint[] {
    if (this.end === null) return [];
    if ((this.kept.at(-1)?.time ?? -1) < this.end.time) this.kept.push(this.end);
    return this.kept;
  }
}
