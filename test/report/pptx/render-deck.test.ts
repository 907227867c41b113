/**
 * The deck on in-memory documents: the same five slides when sections are missing (no crash, a
 * sentence instead of a chart), the template's colours and font in the XML, and the same bytes
 * for the same document whatever the clock.
 */
import { describe, expect, it } from 'vitest';
import { renderDeck } from '../../../src/report/pptx/index.js';
import { loadTemplate } from '../../../src/report/pdf/template.js';
import { richDocument, richRenderOptions } from '../pdf/rich-document.js';
import { sampleDocument } from '../pdf/sample-document.js';
import { textRuns, zipEntries } from '../../helpers/zip-entries.js';

async function parts(bytes: Buffer): Promise<Map<string, string>> {
  return new Map((await zipEntries(bytes)).map((e) => [e.name, e.data.toString('utf8')]));
}

const slides = (all: Map<string, string>): string[] =>
  [...all.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
const charts = (all: Map<string, string>): string[] =>
  [...all.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));

describe('renderDeck', () => {
  it('keeps five slides without ideas or a business case, saying so instead of charting nothing', async () => {
    const all = await parts(await renderDeck(sampleDocument(), { generatedAt: new Date('2026-04-02T00:00:00Z') }));
    expect(slides(all)).toHaveLength(5);
    expect(charts(all)).toHaveLength(1); // people month by month; no funnel, no business case
    expect(textRuns(all.get('ppt/slides/slide2.xml') ?? '')).toContain(
      'No idea has reached a decision or an action yet.',
    );
    expect(textRuns(all.get('ppt/slides/slide3.xml') ?? '')).toContain(
      'No business case: metrics.json holds none for this run.',
    );
    const text = [...all.values()].join('\n');
    expect(text).not.toMatch(/\b(undefined|NaN|null)\b/);
  });

  it('draws with the template colours, palette and font', async () => {
    const template = loadTemplate('print-mono');
    const custom = { ...template, theme: { ...template.theme, deckFont: 'Atkinson Hyperlegible' } };
    const all = await parts(await renderDeck(richDocument(), { ...richRenderOptions(), template: custom }));
    const slide = all.get('ppt/slides/slide1.xml') ?? '';
    expect(slide).toContain('typeface="Atkinson Hyperlegible"');
    expect(slide).not.toContain('DejaVu');
    expect(slide).toContain('<a:srgbClr val="F2F2F2"/>'); // tileFill of print-mono
    expect(all.get('ppt/charts/chart1.xml')).toContain('<a:srgbClr val="1A1A1A"/>'); // first palette colour
    expect(all.get('ppt/charts/chart1.xml')).toContain('<a:srgbClr val="8C8C8C"/>');
  });

  it('gives the same bytes for the same document and generatedAt, and other bytes for another instant', async () => {
    const saved = process.env['SOURCE_DATE_EPOCH'];
    delete process.env['SOURCE_DATE_EPOCH'];
    try {
      const first = await renderDeck(richDocument(), richRenderOptions());
      await new Promise((resolve) => setTimeout(resolve, 1100)); // pptxgenjs reads the clock: let it move
      const second = await renderDeck(richDocument(), richRenderOptions());
      expect(second.equals(first)).toBe(true);
      const later = await renderDeck(richDocument(), {
        ...richRenderOptions(),
        generatedAt: new Date('2026-05-01T00:00:00Z'),
      });
      expect(later.equals(first)).toBe(false);
      expect((await parts(first)).get('docProps/core.xml')).toContain('2026-04-02T08:00:00Z');
    } finally {
      if (saved !== undefined) process.env['SOURCE_DATE_EPOCH'] = saved;
    }
  });
});
