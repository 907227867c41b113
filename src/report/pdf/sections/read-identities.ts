import { z } from 'zod';
import type { IdentityReconciliation, SourceIdentities } from '../../json/identities.js';

/** Reads an `identities` section (see `json/identities.ts`); null when absent or malformed. */

const source: z.ZodType<SourceIdentities> = z.object({
  source: z.string(), path: z.string(), identitiesSeen: z.number(), persons: z.number(),
  botsExcluded: z.number(), unmatched: z.number(),
});

const identitiesSchema: z.ZodType<IdentityReconciliation> = z.object({
  sources: z.array(source), persons: z.number(), mergedAcrossSources: z.number(), aliasMerges: z.number(),
  namedPersons: z.number(),
});

/** The identity reconciliation, or null. */
export function readIdentities(section: unknown): IdentityReconciliation | null {
  const parsed = identitiesSchema.safeParse(section);
  return parsed.success ? parsed.data : null;
}
