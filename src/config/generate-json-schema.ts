/**
 * The JSON Schema of pilot-report.config.json, generated from the zod schema so that the two never
 * drift apart (a test compares it with the committed `schema/config.schema.json`).
 */
import { z } from 'zod';
import { configSchema } from './schema.js';

/** Where the schema is committed, relative to the repository root (and shipped in the package). */
export const CONFIG_SCHEMA_FILE = 'schema/config.schema.json';

/** The JSON Schema (draft 2020-12) of the config file, as a JSON value. */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { target: 'draft-2020-12', io: 'input' });
  return { ...generated, title: 'pilot-report configuration' };
}

/** The schema file's text: two-space JSON with a final newline. */
export function renderConfigJsonSchema(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
