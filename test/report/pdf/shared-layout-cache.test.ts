import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { registerPrimaryFonts } from '../../../src/report/pdf/fonts.js';
import { drawText, type TextStyle } from '../../../src/report/pdf/rich-text.js';
import { finishPdf } from '../../helpers-fast/pdf-bytes.js';

/**
 * Shaped words are shared by every document of the process (fonts.ts, shareLayoutCache): a second
 * report shapes no word the first one shaped, and writes the same bytes as if it had.
 */

const regular: TextStyle = { weight: 'regular', size: 10, color: '#000000' };
const bold: TextStyle = { weight: 'bold', size: 12, color: '#000000' };
// Words no other test draws, so the first document here is the first to shape them.
const TEXT = 'Quizzical zephyrs vex jumbled fjords; kerning AVAWAY Tâche 1,234.5 ¾';

function newPdf(layoutCache = true): PDFKit.PDFDocument {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 50,
    fontLayoutCache: layoutCache,
    info: { CreationDate: new Date(0), ModDate: new Date(0) },
  });
  registerPrimaryFonts(pdf);
  return pdf;
}

/**
 * Counts the words the document's current font shapes (pdfkit's `_font.layoutRun`, which fonts.ts
 * sends to word-shaping.ts or to fontkit's layout): a word found in the shared cache is not shaped.
 */
function countShaping(pdf: PDFKit.PDFDocument): { calls: number } {
  const counter = { calls: 0 };
  const embedded = Reflect.get(pdf, '_font') as { layoutRun: (...args: unknown[]) => unknown };
  const layoutRun = embedded.layoutRun.bind(embedded);
  embedded.layoutRun = (...args: unknown[]) => {
    counter.calls++;
    return layoutRun(...args);
  };
  return counter;
}

function draw(pdf: PDFKit.PDFDocument): void {
  drawText(pdf, TEXT, { x: 50, y: 50, width: 200 }, regular);
  drawText(pdf, TEXT, { x: 50, y: 200, width: 300 }, bold);
}

describe('shaped words shared across documents', () => {
  it('shapes each word once per process and writes the same bytes as a document with its own cache', async () => {
    const first = newPdf();
    const firstCount = countShaping(first);
    draw(first);
    const firstBytes = await finishPdf(first);
    // The regular face shaped the words of TEXT (the counter watches the face current after registration).
    expect(firstCount.calls).toBeGreaterThan(5);

    const second = newPdf();
    const secondCount = countShaping(second);
    draw(second);
    const secondBytes = await finishPdf(second);
    expect(secondCount.calls).toBe(0);

    // pdfkit's own per-document cache only: every word shaped again in this document.
    const own = newPdf(false);
    const ownCount = countShaping(own);
    draw(own);
    const ownBytes = await finishPdf(own);
    expect(ownCount.calls).toBeGreaterThan(5);

    expect(secondBytes.equals(firstBytes)).toBe(true);
    expect(ownBytes.equals(firstBytes)).toBe(true);
  });
});
