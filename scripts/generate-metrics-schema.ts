/**
 * Writes schema/metrics.schema.json from the zod schemas of the metrics.json sections.
 * Run: node --import tsx scripts/generate-metrics-schema.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { METRICS_SCHEMA_FILE, renderMetricsJsonSchema } from '../src/report/json/json-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, METRICS_SCHEMA_FILE);
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, renderMetricsJsonSchema());
process.stderr.write(`wrote ${METRICS_SCHEMA_FILE}\n`);
