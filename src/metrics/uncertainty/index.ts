import { z } from 'zod';
import type { Query } from '../../model/query.js';
import { periodRetention } from '../engagement-sql.js';
import { IDEA_STAGES, type IdeaItem, type IdeaStage, type Ideas } from '../ideas/result.js';
import { previousPeriod } from '../../time/period.js';
import type { MetricContext } from '../types.js';
import { intervalSchema, medianInterval, rateInterval, type Interval } from './interval.js';
import { survivalOf, survivalOfColumns, survivalSchema, type Subject, type SubjectColumns } from './survival.js';
import { observedUntilMs, threadWaits, type ThreadWaits } from './thread-waits.js';

export { intervalSchema, type Interval } from './interval.js';
export { survivalSchema, type Survival } from './survival.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The intervals and the response curve written into `conversations` (and `conversations.questions`). */
export const conversationEvidenceSchema = z.strictObject({
  answeredRateInterval: intervalSchema,
  medianHoursToFirstResponseInterval: intervalSchema,
  responseSurvival: survivalSchema,
  questions: z.strictObject({
    answeredRateInterval: intervalSchema,
    medianHoursToFirstResponseInterval: intervalSchema,
  }),
});

/** The intervals and the action curve written into `ideas`. */
export const ideaEvidenceSchema = z.strictObject({
  conversionInterval: z.strictObject(
    Object.fromEntries(IDEA_STAGES.map((s) => [s, intervalSchema])) as Record<IdeaStage, typeof intervalSchema>,
  ),
  medianDaysToDecisionInterval: intervalSchema,
  medianDaysToActionInterval: intervalSchema,
  actionSurvival: survivalSchema,
});

export type ConversationEvidence = z.infer<typeof conversationEvidenceSchema>;
export type IdeaEvidence = z.infer<typeof ideaEvidenceSchema>;

/** The conversations' intervals and the response curve, beside the figures they qualify. */
export async function computeConversationEvidence(query: Query, ctx: MetricContext): Promise<ConversationEvidence> {
  const waits = await threadWaits(query, ctx);
  const until = await observedUntilMs(query, ctx.asOf);
  return {
    ...waitIntervals(waits, ctx, () => true),
    responseSurvival: survivalOfColumns(
      threadSubjects(waits, until),
      'hours',
      new Date(until).toISOString(),
      ctx.config.minGroupSize,
    ),
    questions: waitIntervals(waits, ctx, (i) => waits.isQuestion[i] === 1),
  };
}

/** `engagement.totals.retention` with its Wilson interval: returning over the previous period's contributors. */
export async function computeRetentionInterval(query: Query, ctx: MetricContext): Promise<Interval> {
  const retention = await periodRetention(query, ctx.period, previousPeriod(ctx.period));
  return rateInterval(retention.returning, retention.previousContributors, ctx.config.uncertainty);
}

/** The answered rate and the median wait, with their intervals, over the threads `kept` keeps. */
function waitIntervals(
  waits: ThreadWaits,
  ctx: MetricContext,
  kept: (thread: number) => boolean,
): Pick<ConversationEvidence, 'answeredRateInterval' | 'medianHoursToFirstResponseInterval'> {
  let threads = 0;
  let answered = 0;
  const hours = new Float64Array(waits.count);
  for (let i = 0; i < waits.count; i += 1) {
    if (!kept(i)) continue;
    threads += 1;
    const h = waits.hours[i] ?? Number.NaN;
    if (!Number.isNaN(h)) hours[answered++] = h;
  }
  return {
    answeredRateInterval: rateInterval(answered, threads, ctx.config.uncertainty),
    medianHoursToFirstResponseInterval: medianInterval(hours.subarray(0, answered), ctx.config.uncertainty),
  };
}

/**
 * A thread waits until its first response; one without a response by `until` is censored there.
 * The groups are the thread's space and its starter's department.
 */
function threadSubjects(waits: ThreadWaits, until: number): SubjectColumns {
  const time = new Float64Array(waits.count);
  const event = new Uint8Array(waits.count);
  for (let i = 0; i < waits.count; i += 1) {
    const waited = Math.max(0, (until - (waits.startedMs[i] ?? 0)) / HOUR_MS);
    const hours = waits.hours[i] ?? Number.NaN;
    const answered = !Number.isNaN(hours) && hours <= waited;
    time[i] = answered ? Math.max(0, hours) : waited;
    event[i] = answered ? 1 : 0;
  }
  return {
    time,
    event,
    space: waits.space,
    spaces: waits.spaces,
    department: waits.department,
    departments: waits.departments,
  };
}

/** Intervals for the funnel conversions and the idea medians, and the Kaplan-Meier curve of the wait for action. */
export function computeIdeaEvidence(ideas: Ideas, ctx: MetricContext): IdeaEvidence {
  const config = ctx.config.uncertainty;
  const raised = ideas.funnel.raised;
  const conversion = Object.fromEntries(
    IDEA_STAGES.map((s) => [s, rateInterval(ideas.funnel[s], raised, config)]),
  ) as Record<IdeaStage, Interval>;
  const end = Math.min(Date.parse(ctx.asOf), Date.parse(ctx.period.until));
  return {
    conversionInterval: conversion,
    medianDaysToDecisionInterval: medianInterval(daysTo(ideas.items, 'decidedAt'), config),
    medianDaysToActionInterval: medianInterval(daysTo(ideas.items, 'actionedAt'), config),
    actionSurvival: survivalOf(
      ideas.items.map((i) => ideaSubject(i, end)),
      'days',
      new Date(end).toISOString(),
      ctx.config.minGroupSize,
    ),
  };
}

/** Days from raised to the stage, over ideas that reached it (as `ideas.daysFromRaised`). */
function daysTo(items: readonly IdeaItem[], field: 'decidedAt' | 'actionedAt'): number[] {
  return items.flatMap((i) => {
    const at = i[field];
    return at === null ? [] : [(Date.parse(at) - Date.parse(i.raisedAt)) / DAY_MS];
  });
}

/**
 * An idea waits until it is actioned. One not actioned is censored at the end of observation, or
 * at its decline: a declined idea will not be actioned, and counting it as waiting forever would
 * push the curve's median out for a reason the curve does not show (cause-specific censoring).
 */
function ideaSubject(item: IdeaItem, end: number): Subject {
  const raised = Date.parse(item.raisedAt);
  const stop =
    item.actionedAt ?? (item.declinedAt !== null && Date.parse(item.declinedAt) < end ? item.declinedAt : null);
  const at = stop === null ? end : Date.parse(stop);
  return {
    time: Math.max(0, (at - raised) / DAY_MS),
    event: item.actionedAt !== null,
    space: { key: item.spaceId, name: item.space },
    department: item.department,
  };
}
