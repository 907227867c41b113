import { z } from 'zod';
import { crossPostSchema, redundancyClusterSchema, redundancySchema, redundantItemSchema } from './schema.js';

type JsonObject = { [key: string]: unknown };

/**
 * The `$defs` of schema/metrics.schema.json for the redundancy section, generated from the zod
 * schemas: `redundancy`, `redundancyCluster`, `crossPost` and `redundantItem`, each nested one as
 * a `$ref`. Until 17a generates the whole file, it is pasted in by hand and a test compares.
 */
export function redundancyJsonSchemaDefs(): JsonObject {
  const named: [string, z.ZodType][] = [
    ['redundantItem', redundantItemSchema],
    ['redundancyCluster', redundancyClusterSchema],
    ['crossPost', crossPostSchema],
    ['redundancy', redundancySchema],
  ];
  const defs: JsonObject = {};
  for (const [name, schema] of named) {
    const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as JsonObject;
    delete generated['$schema'];
    defs[name] = name === 'redundantItem' ? generated : withRefs(generated);
  }
  return defs;
}

/** Replaces the inlined item and cluster schemas by references to their definitions. */
function withRefs(node: JsonObject): JsonObject {
  const item = JSON.stringify(
    strip(z.toJSONSchema(redundantItemSchema, { target: 'draft-2020-12', io: 'output' }) as JsonObject),
  );
  const cluster = JSON.stringify(
    strip(z.toJSONSchema(redundancyClusterSchema, { target: 'draft-2020-12', io: 'output' }) as JsonObject),
  );
  const crossPost = JSON.stringify(
    strip(z.toJSONSchema(crossPostSchema, { target: 'draft-2020-12', io: 'output' }) as JsonObject),
  );
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== 'object' || value === null) return value;
    const text = JSON.stringify(value);
    if (text === item) return { $ref: '#/$defs/redundantItem' };
    if (text === cluster) return { $ref: '#/$defs/redundancyCluster' };
    if (text === crossPost) return { $ref: '#/$defs/crossPost' };
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  };
  // The definition itself stays whole: only what it nests becomes a reference.
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
}

function strip(node: JsonObject): JsonObject {
  const { $schema: _, ...rest } = node;
  return rest;
}
