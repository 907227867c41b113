import { z } from 'zod';
import type { CrossPost, Redundancy, RedundancyCluster, RedundantItem } from '../../../metrics/redundancy/index.js';

/** Reads the document's `redundancy` section into the real result type (see `read-ideas.ts`). */

const item: z.ZodType<RedundantItem> = z.object({
  id: z.string(), kind: z.enum(['thread', 'wikiPage']), spaceId: z.string(), space: z.string(), title: z.string().optional(),
  firstAt: z.string(), lastAt: z.string(), people: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  responses: z.number(), responders: z.number(),
});

const cluster: z.ZodType<RedundancyCluster> = z.object({
  items: z.array(item), spaces: z.number(), people: z.number(), firstAt: z.string(), lastAt: z.string(), gapDays: z.number(),
  similarity: z.object({ min: z.number(), max: z.number() }), sharedTerms: z.array(z.string()), responses: z.number(),
  action: z.enum(['linkThreads', 'mergeThreads', 'writeFaq', 'pointToPage']),
});

const crossPost: z.ZodType<CrossPost> = z.object({
  person: z.object({ id: z.string(), name: z.string().nullable() }), items: z.array(item), gapMinutes: z.number(),
});

const redundancySchema: z.ZodType<Redundancy> = z.object({
  method: z.string(), matcher: z.enum(['rare-terms', 'rare-terms+lsa']), threshold: z.number(), itemsCompared: z.number(), templatesLeftOut: z.number(),
  clustersFound: z.number(), clusters: z.array(cluster), crossPostsFound: z.number(), crossPosts: z.array(crossPost),
});

/** The redundancy section, or null when it is absent or not in the expected shape. */
export function readRedundancy(section: unknown): Redundancy | null {
  const parsed = redundancySchema.safeParse(section);
  return parsed.success ? parsed.data : null;
}
