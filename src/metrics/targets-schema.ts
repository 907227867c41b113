/** One entry of metrics.json `targets` (a configured KPI target and its outcome) as a zod schema. */
import { z } from 'zod';

export const targetSchema = z.strictObject({
  metric: z.string().describe('Dotted path into metrics.json.'),
  op: z.enum(['>=', '>', '<=', '<', '==', '!=']),
  expected: z.number(),
  actual: z.number().nullable().describe('null when the metric could not be computed.'),
  passed: z.boolean(),
  level: z.enum(['error', 'warn']),
  message: z.string(),
});
