import type { z } from 'zod';
import type { recognitionSchema } from './schema.js';

/**
 * The `recognition` section of metrics.json (spec §6): the type is its zod schema's (schema.ts), so
 * the two cannot differ; the parts below are named for the code that builds them.
 */
export type Recognition = z.infer<typeof recognitionSchema>;

/** What one person did and received in the period (spec §6 recognition). */
export type PersonRecognition = Recognition['people'][number];

/** CHAOSS absence factor: the fewest contributors who made at least half the contributions. */
export type AbsenceFactors = Recognition['absenceFactor'];

/** Active wiki editors of one local month. */
export type ActiveEditorsMonth = NonNullable<Recognition['activeWikiEditors']>[number];

/** Ideas credited to one person, from the ideas metric. */
export interface IdeaCounts {
  raised: number;
  actioned: number;
}
