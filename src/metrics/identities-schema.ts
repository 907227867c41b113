/** The `identities` section of metrics.json (identity reconciliation) as a zod schema. */
import { z } from 'zod';

export const identitiesSchema = z
  .strictObject({
    sources: z.array(
      z.strictObject({
        source: z.string(),
        path: z.string(),
        identitiesSeen: z.number().int().min(0),
        persons: z.number().int().min(0),
        botsExcluded: z.number().int().min(0),
        unmatched: z.number().int().min(0).describe('Identities nothing merged: no e-mail and no alias.'),
      }),
    ),
    persons: z.number().int().min(0),
    mergedAcrossSources: z.number().int().min(0),
    aliasMerges: z.number().int().min(0),
    namedPersons: z
      .number()
      .int()
      .min(0)
      .describe(
        'Persons whose real name may appear in the outputs: every person without --anonymize; with it, the persons who opted in through --recognize.',
      ),
  })
  .describe(
    'Identity reconciliation: how raw identities in each source became persons (lower-cased e-mail, else source:userId; people-file aliases merge; bots are not persons).',
  );
