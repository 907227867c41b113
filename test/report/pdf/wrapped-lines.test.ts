import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { registerPrimaryFonts } from '../../../src/report/pdf/fonts.js';
import { drawText, type TextStyle } from '../../../src/report/pdf/rich-text.js';
import { drawWrappedLines, wrapLines } from '../../../src/report/pdf/wrapped-lines.js';
import { FIXED_PDF_OPTIONS, finishPdf } from '../../helpers-fast/pdf-bytes.js';

/**
 * wrapped-lines.ts measures a text with pdfkit's own wrapper and draws it from those lines: the
 * height must be heightOfString's and the bytes those of pdfkit's text(); where text() would go on
 * to a new page the drawing is declined (the caller then draws with text()).
 */

const TEXTS = [
  'Short.',
  'A paragraph long enough to wrap over several lines of the box, with words of varied width: supercalifragilistic, a, I, 1,234.5 €.',
  'Two paragraphs.\nThe second starts on its own line and wraps as well when it is long enough to need it.',
  'Ends in a line break\n',
  'Averyveryverylongwordwithoutanyspacethatmustbebrokenbythewrapperinsidetheword Andthen more.',
];
const ALIGNS = ['left', 'right', 'center'] as const;
const STYLE: TextStyle = { weight: 'regular', size: 9, color: '#202020' };
const OPTIONS = FIXED_PDF_OPTIONS;

function newDocument(): PDFKit.PDFDocument {
  const pdf = new PDFDocument(OPTIONS);
  registerPrimaryFonts(pdf);
  return pdf.font('DejaVuSans').fontSize(9).fillColor('#202020');
}

describe('a text wrapped once and drawn from its lines', () => {
  it('measures what heightOfString measures, and keeps every character in its lines', () => {
    const pdf = newDocument();
    for (const text of TEXTS) {
      for (const width of [60, 180, 400]) {
        for (const lineGap of [0, 1.5, 3]) {
          const wrapped = wrapLines(pdf, text, width, lineGap);
          expect(wrapped.height).toBe(pdf.heightOfString(text, { width, lineGap }));
          expect(
            wrapped.lines
              .map((line) => line.text)
              .join('')
              .replace(/\n/g, ''),
          ).toBe(text.replace(/\n/g, ''));
        }
      }
    }
    // One line of 9 pt DejaVu with no gap: the font's line height.
    expect(wrapLines(pdf, 'Short.', 400, 0)).toMatchObject({
      height: pdf.currentLineHeight(true),
      lines: [{ text: 'Short.' }],
    });
  });

  it('writes the bytes pdfkit text() writes, in every alignment', async () => {
    const draw = (pdf: PDFKit.PDFDocument, fromLines: boolean): void => {
      let y = 60;
      TEXTS.forEach((text, index) => {
        const align = ALIGNS[index % ALIGNS.length] ?? 'left';
        const width = 120 + 40 * index;
        const place = { x: 50 + index, baseline: y, width, align, lineGap: 1.5 };
        if (fromLines) expect(drawWrappedLines(pdf, wrapLines(pdf, text, width, 1.5), text, place)).toBe(true);
        else pdf.text(text, place.x, y, { width, align, lineGap: 1.5, baseline: 'alphabetic', continued: false });
        y += 110;
      });
    };
    const ours = newDocument();
    draw(ours, true);
    const pdfkits = newDocument();
    draw(pdfkits, false);
    const [a, b] = [await finishPdf(ours), await finishPdf(pdfkits)];
    expect(a.equals(b)).toBe(true);
  });

  it('declines where text() would start a new page; drawText then lets text() go on to the next page', async () => {
    const pdf = newDocument();
    const text = TEXTS[1] ?? '';
    const wrapped = wrapLines(pdf, text, 120, 0);
    expect(wrapped.lines.length).toBeGreaterThan(3);
    const bottom = pdf.page.height - 50;
    const place = (baseline: number) => ({ x: 50, baseline, width: 120, align: 'left', lineGap: 0 }) as const;
    // Halfway through the text the page ends: pdfkit would add a page, so nothing is drawn here.
    expect(drawWrappedLines(pdf, wrapped, text, place(bottom - 2 * pdf.currentLineHeight(true)))).toBe(false);
    expect(pdf.bufferedPageRange().count).toBe(1);
    // Well inside the page: drawn, on this page.
    expect(drawWrappedLines(pdf, wrapped, text, place(100))).toBe(true);
    expect(pdf.bufferedPageRange().count).toBe(1);
    // drawText at the same place: declined, drawn by text(), which continues on a second page.
    drawText(pdf, text, { x: 50, y: bottom - 3 * pdf.currentLineHeight(true), width: 120, lineGap: 0 }, STYLE);
    expect(pdf.bufferedPageRange().count).toBe(2);
    await finishPdf(pdf);
  });
});
