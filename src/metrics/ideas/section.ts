import type { z } from 'zod';
import { computeIdeaEvidence } from '../uncertainty/index.js';
import type { SourceAccount } from '../../model/accounting.js';
import { defaultPeriod } from '../../time/period.js';
import type { MetricInput } from '../registry-types.js';
import type { Period } from '../types.js';
import { computeIdeas } from './index.js';
import type { Ideas } from './result.js';
import type { ideasSectionSchema } from './schema.js';

/**
 * The `ideas` section of metrics.json: the period's ideas, their intervals and action curve
 * (uncertainty/), and `earlier` when the data starts before the period. The type is its zod
 * schema's (schema.ts), so the two cannot differ.
 */
export type IdeasSection = z.infer<typeof ideasSectionSchema>;

/** Ideas raised before the period, from the start of the data, as they stood when the period began. */
export type EarlierIdeas = NonNullable<IdeasSection['earlier']>;

/** The ideas area (registry): the period's ideas plus the earlier outcomes, when there are any. */
export async function computeIdeasSection({ query, ctx, accounts, settings }: MetricInput): Promise<IdeasSection> {
  const ideas = await computeIdeas(query, ctx, settings.ledger, settings.threadLink);
  const earlier = await earlierOutcomes({ query, ctx, accounts, settings });
  const section = { ...ideas, ...computeIdeaEvidence(ideas, ctx) };
  return earlier ? { ...section, earlier } : section;
}

/**
 * Ideas raised before the period, from the start of the data, as they stood when the period began:
 * a month's report says "nothing actioned this month" and, apart, "4 ideas actioned earlier".
 * Null when the period starts at the data.
 */
async function earlierOutcomes({ query, ctx, accounts, settings }: MetricInput): Promise<EarlierIdeas | null> {
  const firstAt = firstActivity(accounts);
  if (firstAt === null) return null;
  const start = defaultPeriod(firstAt, firstAt, ctx.period.timeZone).since;
  if (Date.parse(start) >= Date.parse(ctx.period.since)) return null;
  const period: Period = { since: start, until: ctx.period.since, timeZone: ctx.period.timeZone };
  const ideas = await computeIdeas(
    query,
    { ...ctx, period, asOf: ctx.period.since },
    settings.ledger,
    settings.threadLink,
  );
  const { raised, decided, actioned } = ideas.funnel;
  return { since: period.since, until: period.until, raised, decided, actioned };
}

function firstActivity(accounts: readonly SourceAccount[]): number | null {
  return accounts.reduce<number | null>(
    (m, a) => (a.firstAt === null ? m : m === null ? a.firstAt : Math.min(m, a.firstAt)),
    null,
  );
}

/** Ideas raised and actioned per author (person id), for recognition. */
export function ideaCountsByAuthor(ideas: Ideas): Map<string, { raised: number; actioned: number }> {
  const counts = new Map<string, { raised: number; actioned: number }>();
  for (const item of ideas.items) {
    const c = counts.get(item.author) ?? { raised: 0, actioned: 0 };
    c.raised += 1;
    if (item.stage === 'actioned') c.actioned += 1;
    counts.set(item.author, c);
  }
  return counts;
}
