/**
 * The written config (`pilot-report.config.json`, `PILOT_REPORT_*` variables, command-line flags):
 * one strict zod schema, every field described, every field optional. Defaults are not part of the
 * schema on purpose: each layer is validated on its own and then merged, and a default filled in by
 * one layer would override a value from a lower one. Defaults live in `defaults.ts` and are shown
 * here in the descriptions (and as `default` in the generated JSON Schema).
 */
import { z } from 'zod';
import { MAX_MEMORY_LIMIT_BYTES, MIN_MEMORY_LIMIT_BYTES, sizeInBytes } from '../model/size.js';
import { DEFAULT_METRICS_CONFIG } from './metrics-defaults.js';
import { referenceSchema } from './benchmark-reference.js';

/** Comparison operators a target may use. */
export const TARGET_OPS = ['>=', '>', '<=', '<', '==', '!='] as const;
export type TargetOp = (typeof TARGET_OPS)[number];

/** Defaults that the schema descriptions print; `defaults.ts` builds the resolved config from them. */
export const SCHEMA_DEFAULTS = {
  out: './pilot-report-out/',
  timeZone: 'UTC',
  minutesSavedPerAnsweredQuestion: 15,
  memoryLimit: '768MB',
  readThreads: 2,
} as const;

const path = (what: string): z.ZodString => z.string().min(1).describe(what);
const stringList = (what: string): z.ZodArray<z.ZodString> => z.array(z.string().min(1)).describe(what);

const ideasSchema = z
  .strictObject({
    tags: stringList('Hashtags (or Yammer topics) that make a thread starter an idea.')
      .meta({ default: DEFAULT_METRICS_CONFIG.ideaTags })
      .optional(),
    decisionTags: stringList('Tags that mark an idea as decided.')
      .meta({ default: DEFAULT_METRICS_CONFIG.decisionTags })
      .optional(),
    actionTags: stringList('Tags that mark an idea as actioned.')
      .meta({ default: DEFAULT_METRICS_CONFIG.actionTags })
      .optional(),
    spaces: stringList('Spaces (groups, channels) where every thread is an idea.').meta({ default: [] }).optional(),
    endorseThreshold: z
      .number()
      .int()
      .min(1)
      .describe('Distinct people other than the author who must reply or react for an idea to count as endorsed.')
      .meta({ default: DEFAULT_METRICS_CONFIG.endorseThreshold })
      .optional(),
    stallDays: z
      .number()
      .int()
      .min(1)
      .describe('Days without activity after which an idea that is not actioned counts as stalled.')
      .meta({ default: DEFAULT_METRICS_CONFIG.stallDays })
      .optional(),
  })
  .describe('How ideas are recognized and followed from idea to action (metrics spec §5).');

const csvMappingSchema = z
  .strictObject({
    timestamp: z.string().min(1).describe('Column holding the time of the message (required).'),
    timestampFormat: z
      .string()
      .min(1)
      .describe('How the timestamp column is written, e.g. `iso`, `epoch`, `epoch-ms` or `DD/MM/YYYY HH:mm`.')
      .optional(),
    author: z.string().min(1).describe('Column holding the author name or id (required).'),
    authorEmail: z.string().min(1).describe('Column holding the author e-mail.').optional(),
    space: z.string().min(1).describe('Column holding the group or channel.').optional(),
    text: z.string().min(1).describe('Column holding the message text.').optional(),
    threadId: z.string().min(1).describe('Column holding the thread id.').optional(),
    parentId: z.string().min(1).describe('Column holding the id of the message replied to.').optional(),
    messageId: z.string().min(1).describe('Column holding the message id.').optional(),
    reactionTo: z
      .string()
      .min(1)
      .describe(
        'Column holding the id of the message a row reacts to: such a row is a reaction, not a message. Without it the source records no reactions.',
      )
      .optional(),
    spaceName: z
      .string()
      .min(1)
      .describe('Name of the space when there is no `space` column (default: the file name).')
      .optional(),
    private: z.string().min(1).describe('Column that is true for private messages.').optional(),
  })
  .describe('Column names of a generic CSV export (`csv:` inputs).');

/**
 * Longest report texts: a cover title is one or two lines; a 30,000-character title made the PDF
 * layout run for seconds on one page and printed nothing a reader could use.
 */
export const REPORT_TEXT_LIMITS = { title: 200, organization: 200, ask: 2000 } as const;

const reportSchema = z
  .strictObject({
    title: z
      .string()
      .min(1)
      .max(REPORT_TEXT_LIMITS.title)
      .describe('Report title on the cover page, at most 200 characters.')
      .optional(),
    organization: z
      .string()
      .min(1)
      .max(REPORT_TEXT_LIMITS.organization)
      .describe('Organization name on the cover page, at most 200 characters.')
      .optional(),
    logo: path('Logo image (PNG or JPEG) for the cover page.').optional(),
    ask: z
      .string()
      .min(1)
      .max(REPORT_TEXT_LIMITS.ask)
      .describe('What the report asks the sponsor to decide, in one or two sentences (at most 2000 characters).')
      .optional(),
  })
  .describe('Texts and branding of the PDF report.');

const weight = (what: string): z.ZodNumber => z.number().min(0).describe(what);

const recognitionSchema = z
  .strictObject({
    scoreWeights: z
      .strictObject({
        posts: weight('Points per post. Default: 2.').optional(),
        replies: weight('Points per reply. Default: 1.').optional(),
        firstResponses: weight("Points per first response given to someone else's thread. Default: 3.").optional(),
        reactionsReceived: weight('Points per reaction received. Default: 0.5.').optional(),
        wikiEdits: weight('Points per wiki edit. Default: 1.').optional(),
        ideasRaised: weight('Points per idea raised. Default: 3.').optional(),
        ideasActioned: weight('Points per idea of theirs that was actioned. Default: 5.').optional(),
      })
      .describe('Weights of the recognition score (sum of weight x count).')
      .optional(),
    thoughtLeaderMinPosts: z
      .number()
      .int()
      .min(1)
      .describe('Fewest posts in the period to be listed as a thought leader. Default: 3.')
      .optional(),
    listSize: z.number().int().min(1).describe('How many persons each recognition list holds. Default: 10.').optional(),
    personaBalanceRatio: z
      .number()
      .min(1)
      .describe(
        'Personas: received/given above this ratio makes a catalyst, below its inverse a responder or broadcaster. Default: 2.',
      )
      .optional(),
  })
  .describe('Recognition score, lists and personas.');

const uncertaintySchema = z
  .strictObject({
    minN: z
      .number()
      .int()
      .min(1)
      .describe(
        'Fewest observations (threads, ideas, previous contributors) a rate or median needs before the report prints it with its 95 % interval; below it the figure reads "too few to judge". Default: 10.',
      )
      .optional(),
    bootstrapSeed: z
      .number()
      .int()
      .min(0)
      .max(4294967295)
      .describe(
        'Seed of the bootstrap that gives medians their intervals: the same data and seed give the same interval. Default: 20260101.',
      )
      .optional(),
    bootstrapResamples: z
      .number()
      .int()
      .min(2000)
      .max(100000)
      .describe('Bootstrap resamples per median (at least 2000). Default: 2000.')
      .optional(),
  })
  .describe('95 % intervals on the headline rates (Wilson) and medians (seeded bootstrap).');

const networkSchema = z
  .strictObject({
    edgeWeights: z
      .strictObject({
        reply: weight('Weight of a reply interaction. Default: 1.').optional(),
        mention: weight('Weight of a mention. Default: 1.').optional(),
        reaction: weight('Weight of a reaction. Default: 0.5.').optional(),
      })
      .describe('Weight of one interaction of each kind in the network.')
      .optional(),
    topBrokers: z.number().int().min(1).describe('How many brokers the network lists. Default: 10.').optional(),
    maxPeopleForBrokers: z
      .number()
      .int()
      .min(3)
      .describe(
        'Above this many connected people, brokers (betweenness) are computed over the most connected ones only, to bound the time. Default: 2000.',
      )
      .optional(),
    maxBetweennessWork: z
      .number()
      .min(1)
      .describe(
        'Work budget of exact betweenness (people x (people + ties x 2), about 5 ns each); above it betweenness is estimated from a seeded sample of at least 100 people as sources, and a warning says so. Default: 200000000 (about a second).',
      )
      .optional(),
  })
  .describe('Interaction network between people.');

const redundancySchema = z
  .strictObject({
    similarityThreshold: z
      .number()
      .min(0)
      .max(1)
      .describe(
        "Share of the shorter post's rare-word weight (IDF over the export) found in the other that two posts by different people need to be a duplicate-effort candidate. Default: 0.6.",
      )
      .optional(),
    minSharedWords: z
      .number()
      .int()
      .min(1)
      .describe('Rare words (in at most 1 % of the posts, and at most 50) such a pair must share as well. Default: 2.')
      .optional(),
    minDaysApart: z
      .number()
      .min(0)
      .describe(
        'Two posts in one space count only when at least this many days apart (posts in different spaces always count). Default: 30.',
      )
      .optional(),
    embeddingModel: z
      .strictObject({
        model: z
          .string()
          .min(1)
          .describe(
            'Path to the sentence-embedding model (.onnx), relative to this file, e.g. all-MiniLM-L6-v2 exported to ONNX.',
          ),
        tokenizer: z
          .string()
          .min(1)
          .describe("Path to the model's WordPiece tokenizer: its tokenizer.json or vocab.txt, relative to this file."),
        maxTokens: z
          .number()
          .int()
          .min(8)
          .max(8192)
          .describe(
            'Tokens the model reads of each post ([CLS] and [SEP] included); longer posts are cut. Default: 256.',
          )
          .optional(),
        threshold: z
          .number()
          .min(0)
          .max(1)
          .describe(
            "Cosine of two posts' embeddings that a pair by different people needs to match by meaning (in place of the LSA rule). Default: 0.7.",
          )
          .optional(),
      })
      .describe(
        'A local sentence-embedding model to match posts by meaning instead of LSA. Read from disk only: pilot-report never downloads a model.',
      )
      .optional(),
  })
  .describe('Duplicate-effort detection: posts by different people raising the same thing.');

/**
 * Upper bounds of the business-case assumptions: far above any real organization, low enough that
 * every product the business case forms stays a finite number (1e308 overflowed to Infinity).
 */
export const BUSINESS_CASE_LIMITS = {
  minutesSavedPerAnsweredQuestion: 1440,
  hourlyCost: 1e6,
  hoursPerActionedIdea: 1e6,
  moderatorHoursPerMonth: 1e5,
  licenceCostPerMonth: 1e9,
  orgSize: 1e7,
} as const;

const businessCaseSchema = z
  .strictObject({
    minutesSavedPerAnsweredQuestion: z
      .number()
      .min(0)
      .max(BUSINESS_CASE_LIMITS.minutesSavedPerAnsweredQuestion)
      .describe(
        'Minutes saved each time a question gets answered (the coefficient Viva Engage uses in its Answers analytics), at most 1440 (a day). Default: 15.',
      )
      .meta({ default: SCHEMA_DEFAULTS.minutesSavedPerAnsweredQuestion })
      .optional(),
    hourlyCost: z
      .number()
      .min(0)
      .max(BUSINESS_CASE_LIMITS.hourlyCost)
      .describe(
        'Loaded cost of one hour of an employee, in `currency`, at most 1,000,000. No default: without it no money value is computed.',
      )
      .optional(),
    hoursPerActionedIdea: z
      .number()
      .min(0)
      .max(BUSINESS_CASE_LIMITS.hoursPerActionedIdea)
      .describe('Hours of work an actioned idea saves or is worth, at most 1,000,000. No default.')
      .optional(),
    moderatorHoursPerMonth: z
      .number()
      .min(0)
      .max(BUSINESS_CASE_LIMITS.moderatorHoursPerMonth)
      .describe('Hours per month spent running the community (program cost), at most 100,000. No default.')
      .optional(),
    licenceCostPerMonth: z
      .number()
      .min(0)
      .max(BUSINESS_CASE_LIMITS.licenceCostPerMonth)
      .describe('Licence cost per month, in `currency` (program cost), at most 1,000,000,000. No default.')
      .optional(),
    orgSize: z
      .number()
      .int()
      .min(1)
      .max(BUSINESS_CASE_LIMITS.orgSize)
      .describe('Number of employees, for the scale-up projection, at most 10,000,000. No default.')
      .optional(),
    activeShare: z
      .number()
      .gt(0)
      .max(1)
      .describe(
        "Share of `orgSize` assumed to be active at scale, for the scale-up projection (0.3 = 30 %). Default: the pilot's own share, active people / persons seen in the exports.",
      )
      .optional(),
    currency: z
      .string()
      .min(1)
      .describe('ISO 4217 currency code of the money amounts, e.g. `EUR`. No default.')
      .optional(),
    $notes: z
      .record(z.string(), z.string())
      .describe(
        'What each input still unset means and where to find it (`pilot-report init` writes these); not read by the report.',
      )
      .optional(),
  })
  .describe('Assumptions of the business case; the report prints each one beside the result.');

const targetSchema = z
  .strictObject({
    metric: z
      .string()
      .min(1)
      .describe(
        'Dotted path into metrics.json, e.g. `conversations.answeredRate` or `engagement.monthly.-1.activePeople` (negative index counts from the end).',
      ),
    op: z.enum(TARGET_OPS).describe('Comparison: the target passes when `actual <op> value`.'),
    value: z.number().describe('The number the metric is compared with (rates are fractions: 0.7 = 70 %).'),
    level: z
      .enum(['error', 'warn'])
      .describe('`error`: a failed target makes the run exit with code 1; `warn`: it is only reported. Default: error.')
      .meta({ default: 'error' })
      .optional(),
    message: z.string().min(1).describe('Text shown when the target is evaluated.').optional(),
  })
  .describe('A KPI target checked after the metrics are computed.');

/** Defaults of the comparisons (pilot vs rest, before vs after); `cli/comparison-options.ts` applies them. */
export const COMPARISON_DEFAULTS = { seed: 20_261, resamples: 2_000, minThreads: 10 } as const;

const comparisonSchema = z
  .strictObject({
    pilotSpaces: stringList('Spaces (names or ids) that make up the pilot; threads elsewhere are "the rest".')
      .meta({ default: [] })
      .optional(),
    pilotDepartments: stringList("Departments whose members' threads belong to the pilot.")
      .meta({ default: [] })
      .optional(),
    pilotPeople: stringList('People (e-mails or ids) whose threads belong to the pilot.')
      .meta({ default: [] })
      .optional(),
    seed: z
      .number()
      .int()
      .describe(
        'Seed of the permutation tests and bootstraps: the same seed gives the same p-values and intervals. Default: 20261.',
      )
      .meta({ default: COMPARISON_DEFAULTS.seed })
      .optional(),
    resamples: z
      .number()
      .int()
      .min(100)
      .max(100_000)
      .describe('Relabellings per permutation test and resamples per bootstrap, 100 to 100,000. Default: 2000.')
      .meta({ default: COMPARISON_DEFAULTS.resamples })
      .optional(),
    minThreads: z
      .number()
      .int()
      .min(1)
      .describe(
        'Fewest threads on each side for a difference to be stated; below it the report says "too few threads to tell". Default: 10.',
      )
      .meta({ default: COMPARISON_DEFAULTS.minThreads })
      .optional(),
  })
  .describe(
    "Pilot vs the rest of the organization, and before vs after a moderator's start (metrics spec: comparisons).",
  );

/** The zod schema of a written config layer (file, environment or flags). */
export const configSchema = z
  .strictObject({
    $schema: z.string().describe('JSON Schema of this file, for editors.').optional(),
    inputs: stringList(
      'Exports to analyze: files, folders or .zip archives, optionally forced with `kind:path`.',
    ).optional(),
    out: path('Output folder for metrics.json and report.pdf. Default: ./pilot-report-out/.')
      .meta({ default: SCHEMA_DEFAULTS.out })
      .optional(),
    json: path('Where metrics.json goes; `-` writes it to stdout.').optional(),
    pdf: path('Where the PDF report goes.').optional(),
    markdown: path('Where the Markdown KPI summary goes.').optional(),
    pptx: path('Where the editable slide deck (PowerPoint) goes.').optional(),
    communityPost: path('Where the thank-you post for the community (Markdown) goes.').optional(),
    period: z
      .string()
      .min(1)
      .describe(
        'Report period: `2026-10`, `2026-07..2026-09`, `2026-Q3`, `last-month`, `last-quarter` or `2026-07-01..2026-09-30`.',
      )
      .optional(),
    since: z
      .string()
      .min(1)
      .describe('Period start (inclusive): `YYYY-MM-DD` (midnight in `timeZone`) or an ISO 8601 instant.')
      .optional(),
    until: z
      .string()
      .min(1)
      .describe('Period end (exclusive): `YYYY-MM-DD` (midnight in `timeZone`) or an ISO 8601 instant.')
      .optional(),
    asOf: z
      .string()
      .min(1)
      .describe(
        'The "now" for relative periods and stalled ideas (`YYYY-MM-DD` or ISO 8601). Default: the current time.',
      )
      .optional(),
    timeZone: z
      .string()
      .min(1)
      .describe('IANA time zone months, weeks and days are cut in. Default: UTC.')
      .meta({ default: SCHEMA_DEFAULTS.timeZone })
      .optional(),
    includePrivate: z
      .boolean()
      .describe('Include direct and private conversations. Default: false.')
      .meta({ default: false })
      .optional(),
    anonymize: z
      .boolean()
      .describe('Replace every person name by a stable pseudonym in every output. Default: false.')
      .meta({ default: false })
      .optional(),
    anonymizeSalt: z
      .string()
      .min(8)
      .describe(
        'A secret mixed into the pseudonyms so that nobody can re-derive them by hashing a staff list. Keep it the same between runs for stable pseudonyms; set it through the PILOT_REPORT_ANONYMIZE_SALT environment variable rather than in a committed file.',
      )
      .optional(),
    people: path('CSV of identities, departments, roles (moderator, sponsor, staff, bot) and aliases.').optional(),
    ideasLedger: path('CSV of idea outcomes that happened outside the tools.').optional(),
    recognize: path('CSV of people who opted in to be named when the rest are anonymized.').optional(),
    baseline: path('A previous metrics.json to compare with.').optional(),
    template: z.string().min(1).describe('Report theme: a built-in name or a folder.').optional(),
    dataset: path(
      'Keep the normalized dataset here: a DuckDB file (`.duckdb` or `.db`), or a folder of Parquet files, one per table (a path ending in `/`, or a folder that exists).',
    ).optional(),
    memoryLimit: z
      .string()
      .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, 'a size such as 512MB or 2GB')
      .refine((text) => (sizeInBytes(text) ?? Infinity) >= MIN_MEMORY_LIMIT_BYTES, 'at least 64MB')
      .refine((text) => (sizeInBytes(text) ?? 0) <= MAX_MEMORY_LIMIT_BYTES, 'at most 1000TB')
      .describe(
        'Memory the analytics engine (DuckDB) may hold before it spills the dataset to a temporary file, e.g. `512MB` or `4GB`. Between 64MB and 1000TB. The whole run needs a few hundred MB more. Default: 768MB (a run over 2M messages then peaks at about 1.4 GB).',
      )
      .meta({ default: SCHEMA_DEFAULTS.memoryLimit })
      .optional(),
    readThreads: z
      .number()
      .int()
      .min(1)
      .max(16)
      .describe(
        'How many exports are read at once, each in a thread of its own, when the inputs hold several exports of 64 MB or more in all (smaller runs read in one thread). 1 reads one export after another. Default: 2.',
      )
      .meta({ default: SCHEMA_DEFAULTS.readThreads })
      .optional(),
    strict: z
      .boolean()
      .describe('Treat any row-level problem as an error (exit 2). Default: false.')
      .meta({ default: false })
      .optional(),
    botAccounts: stringList(
      'Accounts that are bots, not persons: e-mails, identity ids (`yammer:1488`, `teams:<id>`), Slack ids or handles, or wiki user names. Wiki accounts named like bots (`AuroraBot`, `sync-bot`) count as bots anyway; `!<wiki name>` says such an account is a person.',
    )
      .meta({ default: [] })
      .optional(),
    moderators: stringList('Moderators, by e-mail or identity id.').meta({ default: [] }).optional(),
    ideas: ideasSchema.optional(),
    unansweredListSize: z
      .number()
      .int()
      .min(0)
      .describe('How many of the oldest unanswered threads are listed. Default: 10.')
      .meta({ default: DEFAULT_METRICS_CONFIG.unansweredListSize })
      .optional(),
    minGroupSize: z
      .number()
      .int()
      .min(1)
      .describe('No figure is broken down for fewer distinct persons than this. Default: 5.')
      .meta({ default: DEFAULT_METRICS_CONFIG.minGroupSize })
      .optional(),
    questionPatterns: stringList(
      "Regular expressions (RE2 syntax, case-insensitive) matched against a thread starter's title and text: the thread is a question when any matches. Questions drive the answered rate, the unanswered list and the business case. Default: a question mark, or an interrogative opening in English, German, French or Spanish.",
    )
      .meta({ default: DEFAULT_METRICS_CONFIG.questionPatterns })
      .optional(),
    csvMapping: csvMappingSchema.optional(),
    report: reportSchema.optional(),
    recognition: recognitionSchema.optional(),
    uncertainty: uncertaintySchema.optional(),
    network: networkSchema.optional(),
    redundancy: redundancySchema.optional(),
    businessCase: businessCaseSchema.optional(),
    comparison: comparisonSchema.optional(),
    benchmarks: z
      .array(referenceSchema)
      .describe(
        "The organization's own reference figures (last year's pilot, another site), shown beside the built-in published ones; each needs its source.",
      )
      .optional(),
    targets: z
      .array(targetSchema)
      .describe('KPI targets; a failed `error` target makes the run exit with code 1.')
      .optional(),
  })
  .describe('pilot-report configuration (pilot-report.config.json).');

/** One written config layer, as it passed the schema. */
export type WrittenConfig = z.infer<typeof configSchema>;
/** A target as written; `level` defaults to `error`. */
export type WrittenTarget = z.infer<typeof targetSchema>;
/** Column names of a generic CSV export. */
export type CsvMapping = z.infer<typeof csvMappingSchema>;
/** Texts and branding of the report. */
export type ReportTexts = z.infer<typeof reportSchema>;
/** Business-case assumptions as written. */
export type BusinessCaseConfig = z.infer<typeof businessCaseSchema>;
