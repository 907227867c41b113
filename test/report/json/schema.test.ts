import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeMetrics } from '../../../src/report/json/write.js';
import { MIXED_PILOT, YAMMER_PILOT, documentFor } from './documents.js';
import { jsonSchemaValidator } from '../../helpers-fast/json-schema-validator.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaNode = { [key: string]: Json };

const schemaText = readFileSync(new URL('../../../schema/metrics.schema.json', import.meta.url), 'utf8');
const schema = JSON.parse(schemaText) as SchemaNode;

/** The committed schema, compiled once per worker (helpers-fast/json-schema-validator.ts). */
function validator() {
  return jsonSchemaValidator(schema);
}

/** Written metrics.json per arguments of `documentFor`: several tests read the same document. */
const texts = new Map<string, Promise<string>>();

/** The document as a reader sees it: parsed back from the written JSON (a fresh copy per call). */
async function writtenDocument(...args: Parameters<typeof documentFor>): Promise<{ [key: string]: Json }> {
  const key = JSON.stringify(args);
  let text = texts.get(key);
  if (!text) {
    text = documentFor(...args).then(serializeMetrics);
    texts.set(key, text);
  }
  return JSON.parse(await text) as { [key: string]: Json };
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolve(node: SchemaNode): SchemaNode {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return node;
  const target = (schema['$defs'] as { [key: string]: SchemaNode })[ref.replace('#/$defs/', '')];
  if (!target) throw new Error(`unresolved ${ref}`);
  return target;
}

/** Every object schema that lists properties, with where it is. */
function objectSchemas(node: Json, where: string, found: [string, SchemaNode][] = []): [string, SchemaNode][] {
  if (Array.isArray(node)) node.forEach((n, i) => objectSchemas(n, `${where}/${i}`, found));
  else if (isObject(node)) {
    if (isObject(node['properties'])) found.push([where, node]);
    for (const [key, value] of Object.entries(node)) objectSchemas(value, `${where}/${key}`, found);
  }
  return found;
}

/** Walks a document beside the schema and checks keys appear in the schema's property order. */
function assertKeyOrder(value: Json, node: SchemaNode, path: string): void {
  const s = resolve(node);
  if (Array.isArray(value) && isObject(s['items']))
    value.forEach((v, i) => assertKeyOrder(v, s['items'] as SchemaNode, `${path}[${i}]`));
  if (!isObject(value) || !isObject(s['properties'])) return;
  const properties = s['properties'] as { [key: string]: SchemaNode };
  expect(Object.keys(value), path).toEqual(Object.keys(properties).filter((k) => k in value));
  for (const [key, v] of Object.entries(value)) {
    const child = properties[key];
    if (child) assertKeyOrder(v, child, `${path}.${key}`);
  }
}

/**
 * Keys a reader may not find: a title left out for a private space, the ideas raised before the
 * period (only when the data starts earlier), and the fields one kind of idea evidence has.
 */
const OPTIONAL: { [where: string]: string[] } = {
  '#/$defs/unansweredThread': ['title'],
  '#/$defs/redundantItem': ['title'],
  '#/$defs/ideas': ['earlier'],
  '#/$defs/ideas/properties/items/items': ['title'],
  '#/$defs/ideas/properties/oldestOpen/items': ['title'],
  '#/$defs/ideas/properties/items/items/properties/evidence/items': [
    'impliedBy',
    'line',
    'link',
    'note',
    'persons',
    'rule',
    'tag',
    'value',
  ],
};

describe('schema/metrics.schema.json', () => {
  it('accepts documents built from inline datasets', async () => {
    const validate = validator();
    for (const doc of [
      await writtenDocument(YAMMER_PILOT, '2026-01-01', '2026-03-01', 'Europe/Berlin'),
      await writtenDocument(MIXED_PILOT, '2026-03-01', '2026-04-01'),
      await writtenDocument({ activities: [] }, '2026-03-01', '2026-04-01'),
    ]) {
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('is closed: every defined object requires all its keys (but those left out on purpose) and allows no others', () => {
    const objects = objectSchemas(schema, '#');
    expect(objects.length).toBeGreaterThan(40);
    for (const [where, node] of objects) {
      expect(node['additionalProperties'], where).toBe(false);
      const optional = OPTIONAL[where] ?? [];
      expect(node['required'], where).toEqual(
        Object.keys(node['properties'] as object).filter((k) => !optional.includes(k)),
      );
    }
  });

  it('refuses a document with a key it does not define or without a key it requires', async () => {
    const validate = validator();
    const doc = await writtenDocument(YAMMER_PILOT, '2026-01-01', '2026-03-01');
    const extra = structuredClone(doc);
    const totals = (extra['engagement'] as { [key: string]: Json })['totals'] as { [key: string]: Json };
    totals['lurkers'] = 3;
    expect(validate(extra)).toBe(false);
    const missing = structuredClone(doc);
    delete (missing['conversations'] as { [key: string]: Json })['repliesPerThread'];
    expect(validate(missing)).toBe(false);
  });

  it('requires provenance with hex sha256 hashes and byte counts', async () => {
    const validate = validator();
    const doc = await writtenDocument(YAMMER_PILOT, '2026-01-01', '2026-03-01');
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const upper = structuredClone(doc);
    const input = ((upper['provenance'] as { [key: string]: Json })['inputs'] as { [key: string]: Json }[])[0]!;
    input['sha256'] = String(input['sha256']).toUpperCase();
    expect(validate(upper)).toBe(false);
    const fractional = structuredClone(doc);
    ((fractional['provenance'] as { [key: string]: Json })['inputs'] as { [key: string]: Json }[])[0]!['bytes'] = 2.5;
    expect(validate(fractional)).toBe(false);
    const without = structuredClone(doc);
    delete without['provenance'];
    expect(validate(without)).toBe(false);
  });

  it('lists properties in the order metrics.json writes them', async () => {
    assertKeyOrder(await writtenDocument(YAMMER_PILOT, '2026-01-01', '2026-03-01'), schema, '$');
  });
});
