/**
 * The duplicate-efforts section of metrics.json (spec §6): clusters by different people and one
 * person's cross-posts. The types are the zod schemas' (schema.ts), so type and schema cannot differ.
 */
import type { z } from 'zod';
import type { crossPostSchema, redundancyClusterSchema, redundancySchema, redundantItemSchema } from './schema.js';

/** One thread or wiki page of a cluster or a cross-post; `title` is absent for private spaces. */
export type RedundantItem = z.infer<typeof redundantItemSchema>;

/** A candidate duplicate effort: posts by two or more people raising the same thing. */
export type RedundancyCluster = z.infer<typeof redundancyClusterSchema>;

/** One person's copies of a post in other spaces: useful to moderators, never a duplicate effort. */
export type CrossPost = z.infer<typeof crossPostSchema>;

/** The `redundancy` section of metrics.json (spec §6). */
export type Redundancy = z.infer<typeof redundancySchema>;

/**
 * Which matcher ran: `rare-terms` (IDF over the export itself), or `rare-terms+lsa` (that, or a
 * match by meaning in an LSA space learned from the export's own texts, with character trigrams
 * for spelling), or `rare-terms+embedding:<model file name>` (that, or a match by the cosine of
 * a local sentence-embedding model's vectors, when the config names one).
 */
export type RedundancyMatcher = Redundancy['matcher'];

/** What a reader can do about a duplicate effort (the PDF words it): link, merge, write an FAQ, or point to the wiki page. */
export type RedundancyAction = RedundancyCluster['action'];
