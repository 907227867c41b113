import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_FILE, configJsonSchema, renderConfigJsonSchema } from '../../src/config/generate-json-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every property of every object in a JSON Schema, with its dotted path. */
function properties(schema: unknown, at = ''): Array<{ path: string; schema: Record<string, unknown> }> {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: Array<{ path: string; schema: Record<string, unknown> }> = [];
  const props: unknown = Reflect.get(schema, 'properties');
  if (typeof props === 'object' && props !== null) {
    for (const [key, value] of Object.entries(props)) {
      if (typeof value !== 'object' || value === null) continue;
      const child = Object.fromEntries(Object.entries(value));
      found.push({ path: `${at}${key}`, schema: child });
      found.push(...properties(child, `${at}${key}.`));
    }
  }
  found.push(...properties(Reflect.get(schema, 'items'), `${at}*.`));
  return found;
}

describe('config JSON Schema', () => {
  it('is the committed schema/config.schema.json (run: node --import tsx scripts/generate-config-schema.ts)', async () => {
    const committed = await readFile(path.join(root, CONFIG_SCHEMA_FILE), 'utf8');
    expect(committed).toBe(renderConfigJsonSchema());
  });

  it('describes every field', () => {
    const all = properties(configJsonSchema());
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((p) => typeof p.schema.description !== 'string').map((p) => p.path)).toEqual([]);
  });

  it('accepts a full config and rejects unknown keys, as the zod schema does', () => {
    const validate = new Ajv2020({ strict: false }).compile(configJsonSchema());
    const good = {
      $schema: './node_modules/pilot-report/schema/config.schema.json',
      inputs: ['yammer:export.zip'],
      period: 'last-quarter',
      timeZone: 'Europe/Paris',
      ideas: { stallDays: 45 },
      csvMapping: { timestamp: 'date', author: 'user' },
      businessCase: { hourlyCost: 55, currency: 'EUR' },
      targets: [{ metric: 'conversations.answeredRate', op: '>=', value: 0.7, level: 'warn' }],
    };
    expect(validate(good)).toBe(true);
    expect(validate({ ideas: { stallDay: 45 } })).toBe(false);
    expect(validate({ csvMapping: { timestamp: 'date' } })).toBe(false);
  });
});
