import { z } from 'zod';
import type { Connector, Helper, RisingContributor, ThoughtLeader } from '../../../metrics/recognition/lists.js';
import type { PersonaSummary } from '../../../metrics/recognition/personas.js';
import type { Recognition } from '../../../metrics/recognition/result.js';

/** Reads the document's `recognition` section into the parts of the real type the report draws. */

const name = z.string().nullable();
const count = z.number();
const thoughtLeader: z.ZodType<ThoughtLeader> = z.object({ id: z.string(), name, posts: count, responsesToPosts: count, responsesPerPost: count });
const helper: z.ZodType<Helper> = z.object({ id: z.string(), name, firstResponses: count });
const connector: z.ZodType<Connector> = z.object({ id: z.string(), name, departmentsReached: count, spaces: count });
const rising: z.ZodType<RisingContributor> = z.object({ id: z.string(), name, previousScore: count, score: count, gain: count });
const personaCounts = z.object({ engager: count, catalyst: count, responder: count, broadcaster: count, observer: count });
const personaShares = z.object({ engager: count.nullable(), catalyst: count.nullable(), responder: count.nullable(), broadcaster: count.nullable(), observer: count.nullable() });
const personas: z.ZodType<PersonaSummary> = z.object({ people: count, counts: personaCounts, shares: personaShares });

/** The parts of `Recognition` the report draws (not the per-person table). */
export type RecognitionView = Pick<Recognition, 'thoughtLeaders' | 'helpers' | 'connectors' | 'connectorsBy' | 'rising' | 'personas' | 'warnings'> & {
  formula: string;
};

const recognitionSchema = z.object({
  score: z.object({ formula: z.string() }),
  thoughtLeaders: z.array(thoughtLeader),
  helpers: z.array(helper),
  connectors: z.array(connector),
  connectorsBy: z.enum(['departments', 'spaces']),
  rising: z.array(rising),
  personas,
  warnings: z.array(z.string()),
});

/** The recognition section, or null when it is absent or not in the expected shape. */
export function readRecognition(section: unknown): RecognitionView | null {
  const parsed = recognitionSchema.safeParse(section);
  if (!parsed.success) return null;
  const { score, ...rest } = parsed.data;
  return { ...rest, formula: score.formula };
}
