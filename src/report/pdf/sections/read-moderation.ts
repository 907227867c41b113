import { z } from 'zod';
import type { Moderation, ModerationMonth, ThreadGroup } from '../../../metrics/moderation.js';

/** Reads the document's `moderation` section into the parts of the real type the report draws. */

const maybe = z.number().nullable();

const group: z.ZodType<ThreadGroup> = z.object({
  threads: z.number(), answeredRate: maybe, repliesPerThread: maybe, participantsPerThread: maybe,
});

const month: z.ZodType<ModerationMonth> = z.object({
  month: z.string(), activePeople: z.number(), activeModerators: z.number(),
  moderatorContributions: z.number(), moderatorReplies: z.number(),
});

/** The parts of `Moderation` the report draws (moderator names are never printed). */
export type ModerationView = Pick<Moderation, 'threads' | 'answered' | 'moderatorFirstResponseShare' | 'medianHoursToFirstResponse' | 'withModerator' | 'withoutModerator' | 'monthly' | 'warnings'> & {
  /** How many moderators were found. */
  moderatorCount: number;
};

const moderationSchema = z.object({
  moderators: z.array(z.unknown()),
  threads: z.number(),
  answered: z.number(),
  moderatorFirstResponseShare: maybe,
  medianHoursToFirstResponse: z.object({ moderators: maybe, others: maybe }),
  withModerator: group,
  withoutModerator: group,
  monthly: z.array(month),
  warnings: z.array(z.string()),
});

/** The moderation section, or null when it is absent or not in the expected shape. */
export function readModeration(section: unknown): ModerationView | null {
  const parsed = moderationSchema.safeParse(section);
  if (!parsed.success) return null;
  const { moderators, ...rest } = parsed.data;
  return { ...rest, moderatorCount: moderators.length };
}
