import { z } from 'zod';
import { curveQuantile, kaplanMeier, type KaplanMeierCurve, type Observation } from '../stats/kaplan-meier.js';

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

/** The curve with its figures, overall and per group of at least `minGroupSize` subjects. */
export function survivalOf(
  subjects: readonly Subject[],
  unit: Survival['unit'],
  observedUntil: string,
  minGroupSize: number,
): Survival {
  const curve = kaplanMeier(subjects);
  return {
    unit,
    observedUntil,
    ...figuresOf(curve),
    curve: thinned(curve),
    bySpace: groups(subjects, (s) => s.space, minGroupSize),
    byDepartment: groups(subjects, (s) => ({ key: s.department, name: s.department ?? '(unknown)' }), minGroupSize),
  };
}

function figuresOf(curve: KaplanMeierCurve): Pick<SurvivalGroup, 'n' | 'events' | 'censored' | 'median' | 'p90'> {
  return {
    n: curve.n,
    events: curve.events,
    censored: curve.n - curve.events,
    median: curveQuantile(curve, 0.5),
    p90: curveQuantile(curve, 0.9),
  };
}

function groups(
  subjects: readonly Subject[],
  keyOf: (s: Subject) => { key: string | null; name: string },
  minGroupSize: number,
): SurvivalGroup[] {
  const byKey = new Map<string, { key: string | null; name: string; members: Subject[] }>();
  for (const s of subjects) {
    const { key, name } = keyOf(s);
    const id = key ?? '\u0000';
    const group = byKey.get(id) ?? { key, name, members: [] };
    group.members.push(s);
    byKey.set(id, group);
  }
  return [...byKey.values()]
    .filter((g) => g.members.length >= minGroupSize)
    .map((g) => ({ key: g.key, name: g.name, ...figuresOf(kaplanMeier(g.members)) }))
    .sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** (0, 1), then each event step where S dropped by CURVE_RESOLUTION since the last kept point, then the end. */
function thinned(curve: KaplanMeierCurve): CurvePoint[] {
  if (curve.steps.length === 0) return [];
  const points: CurvePoint[] = [{ time: 0, survival: 1 }];
  let last = 1;
  for (const step of curve.steps) {
    if (step.events === 0 || last - step.survival < CURVE_RESOLUTION) continue;
    points.push({ time: step.time, survival: step.survival });
    last = step.survival;
  }
  const end = curve.steps.at(-1);
  if (end && (points.at(-1)?.time ?? -1) < end.time) points.push({ time: end.time, survival: end.survival });
  return points;
}
