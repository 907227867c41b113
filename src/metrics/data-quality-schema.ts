/** One input's data-quality line of metrics.json `sources` (spec §7) as a zod schema. */
import { z } from 'zod';
import { instant } from '../time/instant-schema.js';

export const sourceSchema = z
  .strictObject({
    kind: z.enum(['yammer', 'slack', 'teams', 'mediawiki', 'csv']),
    path: z.string(),
    files: z.number().int().min(0),
    records: z
      .strictObject({
        read: z.number().int().min(0),
        used: z.number().int().min(0),
        skipped: z.number().int().min(0),
        skippedByReason: z
          .record(z.string(), z.number().int().min(0))
          .describe(
            'Skipped records per reason (malformed, missingField, bot, deleted, private, duplicate, outsidePeriod, ...).',
          ),
      })
      .describe('read = used + skipped, always.'),
    firstAt: instant.nullable().describe('Earliest activity used from this input.'),
    lastAt: instant.nullable().describe('Latest activity used from this input.'),
    warnings: z.array(z.string()).describe('First problem locations as file:line.'),
    problemCount: z.number().int().min(0).describe('All problems, also those not kept in warnings.'),
    notes: z.array(z.string()).describe('What the source cannot record.'),
  })
  .describe('Data quality of one input (spec §7).');
