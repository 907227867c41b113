/**
 * Writes schema/config.schema.json from the zod config schema.
 * Run: node --import tsx scripts/generate-config-schema.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_SCHEMA_FILE, renderConfigJsonSchema } from '../src/config/generate-json-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, CONFIG_SCHEMA_FILE);
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, renderConfigJsonSchema());
process.stderr.write(`wrote ${CONFIG_SCHEMA_FILE}\n`);
