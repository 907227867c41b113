/**
 * The `redundancy` section of metrics.json as zod schemas; `schema/metrics.schema.json` is
 * generated from them with the rest of the document (report/json/json-schema.ts), and the
 * section's types are inferred from them (result.ts).
 */
import { z } from 'zod';

/** An instant as `Date#toISOString` writes it. */
const instant = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$/);
const count = z.number().int().min(0);
const person = z.strictObject({
  id: z.string(),
  name: z.string().nullable().describe('Display name; null when the export has none.'),
});

export const redundantItemSchema = z
  .strictObject({
    id: z.string().describe('Thread id (starter activity id) or wiki page id.'),
    kind: z.enum(['thread', 'wikiPage']),
    spaceId: z.string(),
    space: z.string().describe('Space name, or (private space).'),
    firstAt: instant.describe("When the thread started or the page's first revision in the dump."),
    lastAt: instant.describe("The page's last revision (for a thread: its start)."),
    people: z.array(person).describe("The starter, or the page's editors."),
    responses: count.describe("Replies to the thread, or the page's revisions after its first, before the period end."),
    responders: count.describe('Distinct other persons who replied (for a page: editors after the first).'),
    title: z
      .string()
      .max(100)
      .optional()
      .describe('First 100 characters of the title (else the text); absent for private spaces.'),
  })
  .describe('One thread or wiki page of a duplicate effort or a cross-post.');

const share = z.number().min(0).max(1);

export const redundancyClusterSchema = z
  .strictObject({
    items: z.array(redundantItemSchema).min(2).describe('In order of first instant.'),
    spaces: z.number().int().min(1),
    people: z
      .number()
      .int()
      .min(2)
      .describe("Distinct persons who started the items: one person's repeats are cross-posts."),
    firstAt: instant,
    lastAt: instant,
    gapDays: count,
    similarity: z.strictObject({ min: share, max: share }).describe("rareShare range of the cluster's pairs."),
    sharedTerms: z
      .array(z.string())
      .max(6)
      .describe('Rare terms the first two items share, rarest first; empty when an item is in a private space.'),
    responses: count.describe(
      'Replies and revisions all the items drew together: the cost of doing it more than once.',
    ),
    action: z.enum(['linkThreads', 'mergeThreads', 'writeFaq', 'pointToPage']),
  })
  .describe('A candidate duplicate effort: posts by two or more people raising the same thing.');

export const crossPostSchema = z
  .strictObject({
    person: person,
    items: z.array(redundantItemSchema).min(2).describe('In order of first instant.'),
    gapMinutes: count.describe('Minutes between the first and the last copy.'),
  })
  .describe("One person's copies of a post in other spaces: for moderators, never a duplicate effort.");

export const redundancySchema = z
  .strictObject({
    method: z.string().describe('How texts are compared, with the thresholds used, for the report to print.'),
    matcher: z
      .union([z.enum(['rare-terms', 'rare-terms+lsa']), z.templateLiteral(['rare-terms+embedding:', z.string()])])
      .describe(
        'rare-terms: IDF over the export itself; rare-terms+lsa: that, or a match by meaning in an LSA space learned from the export (character trigrams for spelling); rare-terms+embedding:<model file name>: that, or a match by the cosine of a local sentence-embedding model (config redundancy.embeddingModel) in place of LSA.',
      ),
    threshold: share.describe('The rareShare threshold of the rare-term rule.'),
    itemsCompared: count,
    templatesLeftOut: count,
    clustersFound: count.describe('Before maxClusters.'),
    clusters: z.array(redundancyClusterSchema).describe('The strongest first.'),
    crossPostsFound: count.describe('Before maxCrossPosts.'),
    crossPosts: z.array(crossPostSchema).describe('The latest first.'),
  })
  .describe(
    "Duplicate efforts (spec §6): posts by different people raising the same thing, and one person's cross-posts apart.",
  );
