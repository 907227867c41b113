/** The report period as metrics.json writes it (`period`, `baseline.period`), as a zod schema. */
import { z } from 'zod';
import { instant } from './instant-schema.js';

export const periodSchema = z
  .strictObject({
    since: instant.describe('Inclusive start: local midnight of the first day in timeZone, as UTC.'),
    until: instant.describe('Exclusive end, as UTC.'),
    timeZone: z.string().min(1).describe('IANA zone months, weeks and days are cut in.'),
  })
  .describe('The report period [since, until).');
