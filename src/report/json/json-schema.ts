/**
 * schema/metrics.schema.json, generated from the zod schema of the document (document-schema.ts)
 * so that the two never drift apart (a test compares it with the committed file; run
 * `node --import tsx scripts/generate-metrics-schema.ts` after changing a section's schema).
 */
import { z } from 'zod';
import { businessCaseSchema } from '../../metrics/business-case-schema.js';
import { conversationsSchema, unansweredThreadSchema } from '../../metrics/conversations-schema.js';
import { sourceSchema } from '../../metrics/data-quality-schema.js';
import {
  engagementSchema,
  monthSchema,
  participationSchema,
  totalsSchema,
  weekSchema,
} from '../../metrics/engagement-schema.js';
import { comparisonsSchema, movementSchema } from '../../metrics/evidence/index.js';
import { ideasSectionSchema } from '../../metrics/ideas/schema.js';
import { identitiesSchema } from '../../metrics/identities-schema.js';
import { moderationSchema } from '../../metrics/moderation-schema.js';
import { networkSchema } from '../../metrics/network/schema.js';
import { recognitionSchema } from '../../metrics/recognition/schema.js';
import {
  crossPostSchema,
  redundancyClusterSchema,
  redundancySchema,
  redundantItemSchema,
} from '../../metrics/redundancy/schema.js';
import { targetSchema } from '../../metrics/targets-schema.js';
import { intervalSchema } from '../../metrics/uncertainty/interval.js';
import { survivalSchema } from '../../metrics/uncertainty/survival.js';
import {
  baselineSchema,
  metricsDocumentSchema,
  periodSchema,
  provenanceInputSchema,
  provenanceSchema,
  toolSchema,
} from './document-schema.js';

/** Where the schema is committed, relative to the repository root (and shipped in the package). */
export const METRICS_SCHEMA_FILE = 'schema/metrics.schema.json';

/** The `$defs` of the file: each of these schemas is written once and referenced by name where it is used. */
const DEFINITIONS: readonly [string, z.ZodType][] = [
  ['tool', toolSchema],
  ['provenance', provenanceSchema],
  ['provenanceInput', provenanceInputSchema],
  ['period', periodSchema],
  ['source', sourceSchema],
  ['identities', identitiesSchema],
  ['engagement', engagementSchema],
  ['totals', totalsSchema],
  ['month', monthSchema],
  ['week', weekSchema],
  ['participation', participationSchema],
  ['conversations', conversationsSchema],
  ['unansweredThread', unansweredThreadSchema],
  ['interval', intervalSchema],
  ['survival', survivalSchema],
  ['ideas', ideasSectionSchema],
  ['moderation', moderationSchema],
  ['recognition', recognitionSchema],
  ['network', networkSchema],
  ['redundancy', redundancySchema],
  ['redundancyCluster', redundancyClusterSchema],
  ['crossPost', crossPostSchema],
  ['redundantItem', redundantItemSchema],
  ['businessCase', businessCaseSchema],
  ['comparisons', comparisonsSchema],
  ['movement', movementSchema],
  ['baseline', baselineSchema],
  ['target', targetSchema],
];

type JsonObject = { [key: string]: unknown };

/** The JSON Schema (draft 2020-12) of metrics.json, as a JSON value. */
export function metricsJsonSchema(): JsonObject {
  // zod writes a schema whose metadata has an `id` once under `$defs` and refers to it elsewhere.
  for (const [id, schema] of DEFINITIONS) {
    const meta = z.globalRegistry.get(schema);
    if (meta?.id === id) continue;
    z.globalRegistry.add(schema, { ...meta, id });
  }
  const { $schema, description, $defs, ...rest } = z.toJSONSchema(metricsDocumentSchema, {
    target: 'draft-2020-12',
    io: 'output',
    override: exhaustiveRecords,
  }) as JsonObject;
  const defs = $defs as JsonObject;
  const unnamed = Object.keys(defs).filter((id) => !DEFINITIONS.some(([name]) => name === id));
  if (unnamed.length > 0) throw new Error(`metrics.json schema: $defs ${unnamed.join(', ')} not in DEFINITIONS`);
  // The definitions in the order above (zod lists them in the order it meets them).
  const ordered = Object.fromEntries(DEFINITIONS.map(([id]) => [id, defs[id]]));
  return { $schema, title: 'pilot-report metrics.json', description, ...rest, $defs: ordered };
}

/**
 * A record keyed by an enum (`z.record(z.enum(...), v)`) has every key (zod's type says so; the
 * metrics write them all): written as an object listing each, all required, no other.
 */
function exhaustiveRecords(ctx: { zodSchema: unknown; jsonSchema: JsonObject }): void {
  const def = (ctx.zodSchema as z.ZodType)._zod.def as { type: string; keyType?: z.ZodType };
  if (def.type !== 'record' || !def.keyType) return;
  const keys = (def.keyType._zod.def as { type: string; entries?: Record<string, string> }).entries;
  if ((def.keyType._zod.def as { type: string }).type !== 'enum' || !keys) return;
  const { propertyNames: _, additionalProperties: value, ...rest } = ctx.jsonSchema;
  const names = Object.values(keys);
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  Object.assign(ctx.jsonSchema, {
    ...rest,
    properties: Object.fromEntries(names.map((k) => [k, value])),
    required: names,
    additionalProperties: false,
  });
}

/** The schema file's text: two-space JSON with a final newline. */
export function renderMetricsJsonSchema(): string {
  return `${JSON.stringify(metricsJsonSchema(), null, 2)}\n`;
}
