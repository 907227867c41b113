import { z } from 'zod';
import type { Assumption, BusinessCase, Projection, Scenario } from '../../../metrics/business-case.js';

/** Reads the document's `businessCase` section into the real result type (see `read-ideas.ts`). */

const maybe = z.number().nullable();

const projection: z.ZodType<Projection> = z.object({
  orgSize: z.number(), activeShare: z.number(), activeShareSource: z.string(), activePeopleAtScale: z.number(), scale: z.number(),
  hoursPerActivePersonPerMonth: z.number(), valuePerActivePersonPerMonth: maybe, hoursSavedPerYear: z.number(), valuePerYear: maybe,
});

const scenario: z.ZodType<Scenario> = z.object({
  factor: z.number(), hoursSaved: z.number(), hoursFromIdeas: maybe, valueFromAnswers: maybe,
  valueFromIdeas: maybe, valueFromLedger: maybe, value: maybe, cost: maybe, roi: maybe, monthlyValue: maybe, monthlyCost: maybe,
  breakEvenMonth: z.string().nullable(), paybackMonths: maybe, projection: projection.nullable(),
});

const assumption: z.ZodType<Assumption> = z.object({
  key: z.string(), label: z.string(), value: z.union([z.number(), z.string()]).nullable(), unit: z.string(), source: z.string(),
});

const businessCaseSchema: z.ZodType<BusinessCase> = z.object({
  estimate: z.literal(true),
  currency: z.string().nullable(),
  assumptions: z.array(assumption),
  scenarios: z.object({ low: scenario, base: scenario, high: scenario }),
  concentration: z.object({
    kind: z.enum(['ledgerEntry', 'idea']), ideaId: z.string(), line: z.number().nullable(), value: z.number(), share: z.number(),
  }).nullable(),
  warnings: z.array(z.string()),
});

/** The business case, or null when it is absent or not in the expected shape. */
export function readBusinessCase(section: unknown): BusinessCase | null {
  const parsed = businessCaseSchema.safeParse(section);
  return parsed.success ? parsed.data : null;
}

/** The value of assumption `key` when it is a number (e.g. `moderatorHoursPerMonth`). */
export function assumptionNumber(businessCase: BusinessCase, key: string): number | null {
  const found = businessCase.assumptions.find((entry) => entry.key === key);
  return typeof found?.value === 'number' ? found.value : null;
}
