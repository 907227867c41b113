import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InternalError } from '../../../src/errors.js';
import type { MetricsDocument } from '../../../src/report/json/document.js';
import { serializeMetrics, writeMetrics } from '../../../src/report/json/write.js';
import { YAMMER_PILOT, documentFor } from './documents.js';
import { richDocument } from '../pdf/rich-document.js';

/** The same value with every object's keys inserted in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T;
}

describe('serializeMetrics', () => {
  it('writes keys in a fixed order whatever order the document was built in', async () => {
    const doc = await documentFor(YAMMER_PILOT, '2026-01-01', '2026-03-01');
    doc.sources[0]!.records.skippedByReason = { private: 1, bot: 2 };
    const text = serializeMetrics(doc);
    expect(serializeMetrics(reversedKeys(doc))).toBe(text);
    expect(
      text.startsWith(
        '{\n  "schemaVersion": 1,\n  "generatedAt": "2026-04-01T00:00:00.000Z",\n  "tool": {\n    "name": "pilot-report",',
      ),
    ).toBe(true);
    expect(text.endsWith('\n  ]\n}\n')).toBe(true);
    // Maps without a fixed order are sorted.
    expect(text).toContain('"skippedByReason": {\n          "bot": 2,\n          "private": 1\n        }');
  });

  it('writes every interval as value, low, high, n, wherever it sits', () => {
    const doc = richDocument();
    if (!doc.moderation) throw new Error('the rich document has a moderation section');
    // Built in another order, as a hand-made or older document might be.
    doc.moderation.moderatorFirstResponseShareInterval = { n: 4, high: 0.9, low: 0.1, value: 0.5 };
    const orders: string[] = [];
    const walk = (value: unknown, key: string): void => {
      if (typeof value !== 'object' || value === null) return;
      // `conversionInterval` is a map of stages to intervals; an interval is what carries a value.
      if (key.endsWith('Interval') && 'value' in value) orders.push(`${key}: ${Object.keys(value).join(' ')}`);
      for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    walk(JSON.parse(serializeMetrics(doc)), '');
    expect(orders).toContain('moderatorFirstResponseShareInterval: value low high n');
    expect(orders.filter((o) => !o.endsWith(': value low high n'))).toEqual([]);
  });

  it('refuses numbers JSON cannot carry instead of writing them as null', async () => {
    const doc: MetricsDocument = await documentFor(YAMMER_PILOT, '2026-01-01', '2026-03-01');
    doc.conversations.repliesPerThread = Number.NaN;
    expect(() => serializeMetrics(doc)).toThrow(InternalError);
    expect(() => serializeMetrics(doc)).toThrow(/conversations\.repliesPerThread: NaN/);
  });
});

describe('writeMetrics', () => {
  it('writes the stable text to a file', async () => {
    const doc = await documentFor(YAMMER_PILOT, '2026-01-01', '2026-03-01');
    const dir = await mkdtemp(join(tmpdir(), 'pilot-report-json-'));
    try {
      await writeMetrics(doc, join(dir, 'metrics.json'));
      expect(await readFile(join(dir, 'metrics.json'), 'utf8')).toBe(serializeMetrics(doc));
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
