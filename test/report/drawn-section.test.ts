import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/errors.js';
import { intervalSchema } from '../../src/metrics/uncertainty/interval.js';
import { metricsDocumentSchema } from '../../src/report/json/document-schema.js';
import { drawnSection, PARSED_ONCE } from '../../src/report/drawn-section.js';
import type { MetricsDocument } from '../../src/report/json/document.js';
import { renderMarkdownSummary } from '../../src/report/markdown/summary.js';
import { renderReport } from '../../src/report/pdf/index.js';
import { richDocument, richRenderOptions } from './pdf/rich-document.js';

/** A document whose `key` holds something its schema does not describe (a bug upstream of the report). */
function broken(key: string, value: unknown): MetricsDocument {
  return { ...richDocument(), [key]: value } as MetricsDocument;
}

describe('a section the report cannot draw is an internal error, never a silent omission', () => {
  it('reads a section through its schema: absent or null is none, malformed throws naming where', () => {
    expect(drawnSection(intervalSchema, undefined, 'x')).toBeNull();
    expect(drawnSection(intervalSchema, null, 'x')).toBeNull();
    expect(drawnSection(intervalSchema, { value: 0.5, low: 0.4, high: 0.6, n: 10 }, 'x')).toEqual({
      value: 0.5,
      low: 0.4,
      high: 0.6,
      n: 10,
    });
    const error = (() => {
      try {
        drawnSection(
          intervalSchema,
          { value: 0.5, low: 0.4, high: 0.6, n: 'ten' },
          'conversations.answeredRateInterval',
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InternalError);
    expect((error as InternalError).exitCode).toBe(3);
    expect((error as InternalError).message).toMatch(
      /^report: metrics\.json conversations\.answeredRateInterval\.n cannot be drawn: /,
    );
  });

  it('the Markdown summary throws on malformed comparisons, movement or a KPI interval, and draws without them', () => {
    expect(() => renderMarkdownSummary(broken('comparisons', { benchmarks: 'none' }), [], null)).toThrow(
      /metrics\.json comparisons\.\S* cannot be drawn/,
    );
    expect(() => renderMarkdownSummary(broken('movement', { cohorts: 3 }), [], null)).toThrow(
      /metrics\.json movement\.\S* cannot be drawn/,
    );
    const doc = richDocument();
    const interval = { value: 0.5, low: 'low', high: 0.6, n: 4 };
    const odd = {
      ...doc,
      conversations: { ...doc.conversations, answeredRateInterval: interval },
    } as unknown as MetricsDocument;
    expect(() => renderMarkdownSummary(odd, [], null)).toThrow(InternalError);
    const { comparisons: _c, movement: _m, ...without } = doc;
    expect(renderMarkdownSummary(without, [], null)).not.toContain('Compared to what');
  });

  it('the PDF throws on malformed comparisons and on malformed earlier ideas', async () => {
    await expect(renderReport(broken('comparisons', { benchmarks: 'none' }), richRenderOptions())).rejects.toThrow(
      /metrics\.json comparisons\.\S* cannot be drawn/,
    );
    const doc = richDocument();
    if (!doc.ideas) throw new Error('the rich document has ideas');
    const earlier = { since: doc.period.since, until: doc.period.until, raised: 'two', decided: 0, actioned: 0 };
    const odd = { ...doc, ideas: { ...doc.ideas, earlier } } as unknown as MetricsDocument;
    await expect(renderReport(odd, richRenderOptions())).rejects.toThrow(
      /^report: metrics\.json ideas\.earlier\.raised cannot be drawn/,
    );
  });
});

describe('sections read without the code zod generates (PARSED_ONCE)', () => {
  it('give the same values, keys in the same order, as the generated parser, section by section', () => {
    const doc = richDocument() as unknown as Record<string, unknown>;
    const drawn = Object.entries(metricsDocumentSchema.shape).filter(([key]) => doc[key] !== undefined);
    expect(drawn.length).toBeGreaterThanOrEqual(15);
    for (const [key, schema] of drawn) {
      const generated = JSON.stringify(schema.safeParse(doc[key]));
      expect(generated, key).toMatch(/^\{"success":true/);
      expect(JSON.stringify(schema.safeParse(doc[key], PARSED_ONCE)), key).toBe(generated);
    }
  });
});
