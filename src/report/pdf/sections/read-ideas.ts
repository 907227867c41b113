import { z } from 'zod';
import type { DaysSummary, IdeaBreakdown, IdeaItem, Ideas, OpenIdea } from '../../../metrics/ideas/result.js';

/**
 * Reads the document's `ideas` section (typed `Record<string, unknown> | null` in the document)
 * into the parts of the real result type the report draws. A section that does not match is
 * treated as absent: the report omits it with a note instead of printing half-read figures.
 */

const count = z.number();
const maybe = z.number().nullable();
const stage = z.enum(['raised', 'discussed', 'endorsed', 'decided', 'actioned']);
const days: z.ZodType<DaysSummary> = z.object({ median: maybe, p90: maybe, ideas: count });

/** An idea as the report reads it: everything but its evidence trail. */
export type IdeaItemView = Omit<IdeaItem, 'evidence'>;

const item: z.ZodType<IdeaItemView> = z.object({
  id: z.string(), source: z.string(), spaceId: z.string(), space: z.string(), title: z.string().optional(),
  author: z.string(), authorName: z.string().nullable(), department: z.string().nullable(), stage,
  declined: z.boolean(), stalled: z.boolean(), raisedAt: z.string(), discussedAt: z.string().nullable(),
  endorsedAt: z.string().nullable(), decidedAt: z.string().nullable(), actionedAt: z.string().nullable(),
  declinedAt: z.string().nullable(), lastActivityAt: z.string(), participants: count,
});

const openIdea: z.ZodType<OpenIdea> = z.object({
  id: z.string(), source: z.string(), space: z.string(), title: z.string().optional(), stage,
  raisedAt: z.string(), ageDays: count, stalled: z.boolean(),
});

const breakdown: z.ZodType<IdeaBreakdown> = z.object({
  key: z.string().nullable(), name: z.string(), suppressed: z.boolean(),
  authors: maybe, raised: maybe, decided: maybe, actioned: maybe,
});

/** The parts of `Ideas` the report draws. */
export type IdeasView = Pick<Ideas, 'funnel' | 'conversion' | 'medianDaysToDecision' | 'medianDaysToAction' | 'daysInStage' | 'stalled' | 'declined' | 'open' | 'oldestOpen' | 'byDepartment' | 'ledgerValue'> & {
  items: IdeaItemView[];
};

const ideasSchema: z.ZodType<IdeasView> = z.object({
  funnel: z.object({ raised: count, discussed: count, endorsed: count, decided: count, actioned: count }),
  conversion: z.object({ raised: maybe, discussed: maybe, endorsed: maybe, decided: maybe, actioned: maybe }),
  medianDaysToDecision: maybe,
  medianDaysToAction: maybe,
  daysInStage: z.object({ raised: days, discussed: days, endorsed: days, decided: days }),
  stalled: count,
  declined: count,
  open: count,
  oldestOpen: z.array(openIdea),
  byDepartment: z.array(breakdown),
  ledgerValue: maybe,
  items: z.array(item),
});

/** The ideas section, or null when it is absent or not in the expected shape. */
export function readIdeas(section: unknown): IdeasView | null {
  const parsed = ideasSchema.safeParse(section);
  return parsed.success ? parsed.data : null;
}
