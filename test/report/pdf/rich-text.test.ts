import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { registerPrimaryFonts } from '../../../src/report/pdf/fonts.js';
import { drawText, fitOneLine, measureText, type TextStyle } from '../../../src/report/pdf/rich-text.js';
import { readPdf } from '../../helpers/pdf-text.js';
import { finishPdf } from '../../helpers-fast/pdf-bytes.js';

const style: TextStyle = { weight: 'regular', size: 10, color: '#000000' };

function newPdf(): PDFKit.PDFDocument {
  const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: new Date(0) } });
  registerPrimaryFonts(pdf);
  return pdf;
}

describe('drawText', () => {
  it('draws Cyrillic, Chinese and accented Latin names on one line as text', async () => {
    const pdf = newPdf();
    const height = drawText(pdf, 'Олена Коваленко, 王伟 and Zoë Łukasz', { x: 50, y: 50, width: 400 }, style);
    expect(height).toBeGreaterThan(0);
    const { pages, items } = await readPdf(await finishPdf(pdf));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.replace(/ /g, '')).toBe('ОленаКоваленко,王伟andZoëŁukasz');
    // Three runs, two faces: DejaVu, Noto Sans SC, DejaVu.
    const fonts = items[0]?.filter((item) => item.str.trim() !== '').map((item) => item.fontName) ?? [];
    expect(new Set(fonts).size).toBe(2);
  });

  it('returns the measured height and leaves pdf.y below the text', () => {
    const pdf = newPdf();
    const measured = measureText(pdf, 'one\ntwo\nthree', 400, style);
    const drawn = drawText(pdf, 'one\ntwo\nthree', { x: 50, y: 100, width: 400 }, style);
    expect(drawn).toBe(measured);
    expect(pdf.y).toBe(100 + measured);
    // Three lines are three times one line (same font, no wrapping).
    expect(measured).toBeCloseTo(3 * measureText(pdf, 'one', 400, style), 5);
  });

  it('draws nothing for empty text', () => {
    expect(drawText(newPdf(), '', { x: 50, y: 50, width: 100 }, style)).toBe(0);
  });
});

describe('fitOneLine', () => {
  it('keeps short text and ends long text with an ellipsis that fits one line', () => {
    const pdf = newPdf();
    expect(fitOneLine(pdf, 'Short title', 200, style)).toBe('Short title');
    const long = 'A very long report title that cannot possibly fit into a narrow running header';
    const fitted = fitOneLine(pdf, long, 120, style);
    expect(fitted.endsWith('…')).toBe(true);
    expect(long.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(measureText(pdf, fitted, 120, style)).toBe(measureText(pdf, 'X', 120, style));
  });
});
