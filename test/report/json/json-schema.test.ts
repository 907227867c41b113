import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { metricsDocumentSchema } from '../../../src/report/json/document-schema.js';
import {
  METRICS_SCHEMA_FILE,
  metricsJsonSchema,
  renderMetricsJsonSchema,
} from '../../../src/report/json/json-schema.js';
import { serializeMetrics } from '../../../src/report/json/write.js';
import { capabilitiesOf } from '../../../src/sources/capabilities.js';
import { runMetrics } from '../../../src/metrics/run-metrics.js';
import { DEFAULT_METRICS_CONFIG } from '../../../src/metrics/types.js';
import { assembleDocument } from '../../../src/report/json/build.js';
import { periodFromBounds } from '../../../src/time/period.js';
import { inlineDataset, type InlineData } from '../../helpers/dataset.js';
import { defaultSettings } from '../../metrics/context.js';
import { MIXED_PILOT, SAMPLE_PROVENANCE, YAMMER_PILOT } from './documents.js';
import { jsonSchemaValidator } from '../../helpers-fast/json-schema-validator.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const root = new URL('../../../', import.meta.url);

/** Written metrics.json per inline pilot and period: two tests read the MIXED_PILOT one. */
const texts = new Map<string, Promise<string>>();

/** metrics.json with every section of the registry computed, as a reader sees it (parsed back from the text, a fresh copy per call). */
async function written(data: InlineData, since: string, until: string, timeZone = 'UTC'): Promise<JsonObject> {
  const key = JSON.stringify([data, since, until, timeZone]);
  let text = texts.get(key);
  if (!text) {
    text = writtenText(data, since, until, timeZone);
    texts.set(key, text);
  }
  return JSON.parse(await text) as JsonObject;
}

async function writtenText(data: InlineData, since: string, until: string, timeZone: string): Promise<string> {
  const { dataset, account } = await inlineDataset(data);
  try {
    const period = periodFromBounds(since, until, timeZone);
    const kinds = [...new Set(data.activities.map((a) => a.source))].map((kind) => ({ kind }));
    const run = await runMetrics({
      query: dataset.query,
      accounts: [account],
      ctx: { period, asOf: period.until, config: DEFAULT_METRICS_CONFIG, capabilities: capabilitiesOf(kinds) },
      settings: defaultSettings({
        businessCase: { minutesSavedPerAnsweredQuestion: 15, hourlyCost: 60, currency: 'EUR' },
      }),
    });
    const doc = assembleDocument(run, {
      version: '0.1.0',
      generatedAt: '2026-04-01T00:00:00.000Z',
      provenance: SAMPLE_PROVENANCE,
      period,
    });
    return serializeMetrics(doc);
  } finally {
    await dataset.close();
  }
}

/** The schema generated from zod, compiled once per worker (helpers-fast/json-schema-validator.ts). */
function validator() {
  return jsonSchemaValidator(metricsJsonSchema());
}

function section(doc: JsonObject, name: string): JsonObject {
  const value = doc[name];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${name} is not an object`);
  return value;
}

describe('metrics.json JSON Schema, generated from the zod schemas', () => {
  it(`is the committed ${METRICS_SCHEMA_FILE} (run: node --import tsx scripts/generate-metrics-schema.ts)`, async () => {
    const committed = await readFile(new URL(METRICS_SCHEMA_FILE, root), 'utf8');
    expect(committed).toBe(renderMetricsJsonSchema());
  });

  it('defines every section of the document, none left an open object', () => {
    const schema = metricsJsonSchema() as { properties: JsonObject; $defs: JsonObject };
    for (const name of ['ideas', 'moderation', 'recognition', 'network', 'businessCase', 'redundancy', 'baseline'])
      expect(schema.properties[name], name).toMatchObject({ anyOf: [{ $ref: `#/$defs/${name}` }, { type: 'null' }] });
    const open = JSON.stringify(schema).match(/"type":\["object","null"\]/g) ?? [];
    expect(open).toEqual([]);
  });

  it('accepts written documents both as zod and as JSON Schema, with every later section present', async () => {
    const validate = validator();
    for (const doc of [
      await written(YAMMER_PILOT, '2026-01-01', '2026-03-01', 'Europe/Berlin'),
      await written(MIXED_PILOT, '2026-03-01', '2026-04-01'),
    ]) {
      for (const name of ['ideas', 'moderation', 'recognition', 'network', 'businessCase'])
        expect(doc[name], name).not.toBeNull();
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      const parsed = metricsDocumentSchema.safeParse(doc);
      expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    }
  });

  it('refuses what the later sections do not define: an unknown key, a count as text, a stage that does not exist', async () => {
    const validate = validator();
    const doc = await written(MIXED_PILOT, '2026-03-01', '2026-04-01');
    const extra = structuredClone(doc);
    section(extra, 'network')['centrality'] = 1;
    expect(validate(extra)).toBe(false);
    const text = structuredClone(doc);
    section(section(text, 'ideas'), 'funnel')['raised'] = '3';
    expect(validate(text)).toBe(false);
    const stage = structuredClone(doc);
    section(section(stage, 'ideas'), 'funnel')['approved'] = 1;
    expect(validate(stage)).toBe(false);
    const scenarios = structuredClone(doc);
    delete section(section(scenarios, 'businessCase'), 'scenarios')['high'];
    expect(validate(scenarios)).toBe(false);
    for (const broken of [extra, text, stage, scenarios])
      expect(metricsDocumentSchema.safeParse(broken).success).toBe(false);
  });
});
