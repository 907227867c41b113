/**
 * The `businessCase` section of metrics.json (an estimate) as a zod schema: its JSON Schema is generated from it
 * (report/json/json-schema.ts) and the section's types are inferred from it (below). Keys are
 * listed in code-point order, the order metrics.json writes this section in.
 */
import { z } from 'zod';

/** One scenario's figures; the three scenarios differ only in `factor`. */
const scenarioSchema = z.strictObject({
  breakEvenMonth: z
    .string()
    .nullable()
    .describe(
      "The first month by whose end the value so far covers the cost so far (answers' value spread evenly over the months, ideas' value in the month they were actioned or the ledger row is dated); null when that does not happen within the period.",
    ),
  cost: z
    .number()
    .nullable()
    .describe('Program cost over the period (moderator time and licences); the same in every scenario.'),
  factor: z.number().describe('The factor every benefit is multiplied by (see `SCENARIO_FACTORS`).'),
  hoursFromIdeas: z
    .number()
    .nullable()
    .describe(
      'Hours from actioned ideas the ledger gives no value: those ideas × hours per idea × factor; null without `hoursPerActionedIdea`.',
    ),
  hoursSaved: z
    .number()
    .describe('Hours saved by answered questions: answered × minutes saved / 60 × factor. Always computed.'),
  monthlyCost: z.number().nullable().describe('`cost / months`: moderation and licences per month.'),
  monthlyValue: z.number().nullable().describe('`value / months`.'),
  paybackMonths: z
    .number()
    .nullable()
    .describe(
      'Months from the period start to the end of `breakEvenMonth` (1 = the first month); null when not within the period.',
    ),
  projection: z
    .strictObject({
      activePeopleAtScale: z.number().describe('`orgSize × activeShare`.'),
      activeShare: z.number().describe('Share of `orgSize` assumed active at scale.'),
      activeShareSource: z.string().describe("Where `activeShare` comes from (config, or the pilot's own share)."),
      hoursPerActivePersonPerMonth: z
        .number()
        .describe('Hours saved from answers per active person per month in the pilot.'),
      hoursSavedPerYear: z.number().describe('Hours saved from answers per year at scale.'),
      orgSize: z.number(),
      scale: z
        .number()
        .describe(
          "`activePeopleAtScale / activePeople`: the pilot's benefit per active person is assumed to hold at scale.",
        ),
      valuePerActivePersonPerMonth: z
        .number()
        .nullable()
        .describe('Value per active person per month in the pilot; null when the value is null.'),
      valuePerYear: z
        .number()
        .nullable()
        .describe("Value per year at scale, in `currency`; null when the pilot's value is null."),
    })
    .nullable()
    .describe('Null without `orgSize` or without active people.'),
  roi: z.number().nullable().describe('`(value - cost) / cost`; null when either is null or the cost is 0.'),
  value: z.number().nullable().describe('Sum of the value parts that could be computed; null when none could.'),
  valueFromAnswers: z.number().nullable().describe('`hoursSaved × hourlyCost`; null without `hourlyCost`.'),
  valueFromIdeas: z
    .number()
    .nullable()
    .describe('Ledger values × factor, plus `hoursFromIdeas × hourlyCost`; null when neither is known.'),
  valueFromLedger: z
    .number()
    .nullable()
    .describe("Of `valueFromIdeas`: the ledger's part (ledger values × factor); null without ledger values."),
});

export const businessCaseSchema = z.strictObject({
  assumptions: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      source: z
        .string()
        .describe(
          'Where the value comes from: `default (…)`, `config: businessCase.…`, `metrics: …`, `tool: …`, `not set`.',
        ),
      unit: z.string().describe('`minutes`, `hours`, `hours/month`, the currency, `people`, `×`…'),
      value: z.union([z.string(), z.number()]).nullable().describe('Null when the user did not set it.'),
    }),
  ),
  concentration: z
    .strictObject({
      ideaId: z.string(),
      kind: z.enum(['ledgerEntry', 'idea']),
      line: z.number().nullable().describe("The ledger row's line (for `ledgerEntry`)."),
      share: z.number().describe('`value / base value`.'),
      value: z.number(),
    })
    .nullable()
    .describe(
      'The single ledger entry or idea that carries more than 40 % of the base value, or null. A sponsor should know when one self-reported figure makes most of the case.',
    ),
  currency: z.string().nullable().describe('ISO 4217 code of every money amount; null when not configured.'),
  estimate: z.literal(true).describe('Always true: every figure here rests on assumptions.'),
  scenarios: z.strictObject({
    base: scenarioSchema,
    high: scenarioSchema,
    low: scenarioSchema,
  }),
  warnings: z.array(z.string()).describe('Why figures are null or partial.'),
});

/**
 * The `businessCase` section of metrics.json, as computed by `computeBusinessCase`: the type is
 * the schema's, so the two cannot differ. Money is in `currency`; nothing is rounded.
 */
export type BusinessCase = z.infer<typeof businessCaseSchema>;

/** One scenario (low, base or high): every benefit times its `factor`, the same cost. */
export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * Scale-up of one scenario to the whole organization, per year:
 * `per active person per month × orgSize × activeShare × 12`.
 */
export type Projection = NonNullable<Scenario['projection']>;

/** One row of the assumptions table the report prints beside the result. */
export type Assumption = BusinessCase['assumptions'][number];

/**
 * The single ledger entry or idea that carries more than `CONCENTRATION_SHARE` of the base value:
 * a sponsor should know when one self-reported figure makes most of the case.
 */
export type Concentration = NonNullable<BusinessCase['concentration']>;
