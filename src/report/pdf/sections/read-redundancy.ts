import { z } from 'zod';
import type { Redundancy, RedundancyCluster, RedundantItem } from '../../../metrics/redundancy/index.js';

/** Reads the document's `redundancy` section into the real result type (see `read-ideas.ts`). */

const item: z.ZodType<RedundantItem> = z.object({
  id: z.string(), kind: z.enum(['thread', 'wikiPage']), spaceId: z.string(), space: z.string(), title: z.string().optional(),
  firstAt: z.string(), lastAt: z.string(), people: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
});

const cluster: z.ZodType<RedundancyCluster> = z.object({
  items: z.array(item), spaces: z.number(), people: z.number(), firstAt: z.string(), lastAt: z.string(),
  similarity: z.object({ min: z.number(), max: z.number() }),
});

const redundancySchema: z.ZodType<Redundancy> = z.object({
  method: z.string(), threshold: z.number(), itemsCompared: z.number(), clustersFound: z.number(), clusters: z.array(cluster),
});

/** The redundancy section, or null when it is absent or not in the expected shape. */
export function readRedundancy(section: unknown): Redundancy | null {
  const parsed = redundancySchema.safeParse(section);
  return parsed.success ? parsed.data : null;
}
