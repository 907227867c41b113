/**
 * The whole metrics.json document as one zod schema, composed of the sections' schemas (each next
 * to the code that computes it). schema/metrics.schema.json is generated from it
 * (report/json/json-schema.ts), and the document's TypeScript type is inferred from it
 * (`MetricsDocument`, document.ts), so type, schema and JSON Schema cannot drift apart.
 */
import { z } from 'zod';
import { instant } from '../../time/instant-schema.js';
import { periodSchema } from '../../time/period-schema.js';
import { businessCaseSchema } from '../../metrics/business-case-schema.js';
import { conversationsSchema } from '../../metrics/conversations-schema.js';
import { sourceSchema } from '../../metrics/data-quality-schema.js';
import { engagementSchema } from '../../metrics/engagement-schema.js';
import { comparisonsSchema, movementSchema } from '../../metrics/evidence/index.js';
import { ideasSectionSchema } from '../../metrics/ideas/schema.js';
import { identitiesSchema } from '../../metrics/identities-schema.js';
import { moderationSchema } from '../../metrics/moderation-schema.js';
import { networkSchema } from '../../metrics/network/schema.js';
import { recognitionSchema } from '../../metrics/recognition/schema.js';
import { redundancySchema } from '../../metrics/redundancy/schema.js';
import { targetSchema } from '../../metrics/targets-schema.js';

/** What a section computed by a later module says when it is null. */
const LATER = 'A section filled by a later module; null (with a warning) when not computed.';

export const toolSchema = z.strictObject({ name: z.literal('pilot-report'), version: z.string() });

export const provenanceInputSchema = z
  .strictObject({
    path: z
      .string()
      .min(1)
      .describe('As given on the command line or in the config (relative stays relative), with / separators.'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("sha256 (hex) of the file's bytes."),
    bytes: z.number().int().min(0).describe('Size of the file in bytes.'),
  })
  .describe('One input file as read by the run.');

export const provenanceSchema = z
  .strictObject({
    tool: toolSchema,
    configHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('sha256 (hex) of the canonical JSON (keys sorted) of the resolved configuration.'),
    inputs: z
      .array(provenanceInputSchema)
      .describe(
        'Every input file (a zip archive is one file; a folder contributes every file in its tree), then the side files (people, ideas ledger, opt-in list, baseline).',
      ),
  })
  .describe(
    'What produced this file from what: the same tool version, config hash and input hashes give the same metrics.json.',
  );

// The period is the calendar's (time/); exported here too with the document's other parts.
export { periodSchema };

export const baselineSchema = z
  .strictObject({
    path: z.string().describe('The baseline metrics.json as given.'),
    period: periodSchema.nullable().describe("The baseline run's period; null when its file holds none."),
    kpis: z.array(
      z.strictObject({
        metric: z.string().describe('Dotted path of the KPI in metrics.json.'),
        value: z.number().nullable().describe("This run's value."),
        baseline: z.number().nullable().describe("The baseline's value."),
        change: z.number().nullable().describe('value - baseline.'),
        percentChange: z
          .number()
          .nullable()
          .describe('The change in percent of the baseline (25 = +25 %); null when the baseline is 0 or null.'),
      }),
    ),
  })
  .describe('The comparison with --baseline (only with one): the baseline file, its period, and per KPI the change.');

/** metrics.json, key for key in the order the file writes them (report/json/write.ts). */
export const metricsDocumentSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    generatedAt: instant.describe('When the file was generated (SOURCE_DATE_EPOCH when set).'),
    tool: toolSchema,
    provenance: provenanceSchema,
    period: periodSchema,
    sources: z.array(sourceSchema),
    identities: identitiesSchema,
    engagement: engagementSchema,
    conversations: conversationsSchema,
    ideas: ideasSectionSchema.nullable().describe(LATER),
    moderation: moderationSchema.nullable().describe(LATER),
    recognition: recognitionSchema.nullable().describe(LATER),
    network: networkSchema.nullable().describe(LATER),
    redundancy: redundancySchema
      .nullable()
      .describe('Duplicate efforts and cross-posts; null (with a warning) when not computed.'),
    businessCase: businessCaseSchema.nullable().describe(LATER),
    comparisons: comparisonsSchema.describe(
      'Benchmarks, pilot vs rest and before vs after a moderator (docs/metrics.md, Comparisons).',
    ),
    movement: movementSchema.describe(
      'Cohort retention and the engagement-level migration matrix (docs/metrics.md, Movement).',
    ),
    baseline: baselineSchema.nullable().describe('The comparison with --baseline; null without one.'),
    targets: z
      .array(targetSchema)
      .describe('Configured KPI targets and their outcome; an error-level failure makes the run exit 1.'),
    warnings: z.array(z.string()).describe('Figures that could not be computed and why, and other run-level remarks.'),
  })
  .describe(
    'Metrics of an internal social media pilot (schemaVersion 1). Keys are camelCase; instants are ISO 8601 UTC strings; a figure that cannot be computed is null with a reason in warnings.',
  );
