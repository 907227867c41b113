import { drawText, measureText, type TextStyle } from './rich-text.js';
import { COLOURS, CONTENT_BOTTOM, CONTENT_WIDTH, PAGE, SPACE, TYPE } from './theme.js';

/** Flow layout on top of pdfkit: blocks are placed at `pdf.y` and move it down. */

/** Body text style. */
// Colour getters: the theme sets COLOURS per render, after this module is loaded.
export const BODY: TextStyle = {
  weight: 'regular',
  size: TYPE.body,
  get color() {
    return COLOURS.text;
  },
};
/** Secondary text: notes, captions. */
export const NOTE: TextStyle = {
  weight: 'regular',
  size: TYPE.small,
  get color() {
    return COLOURS.muted;
  },
};

/** Starts a new page when fewer than `height` points are left on this one. */
export function ensureSpace(pdf: PDFKit.PDFDocument, height: number): void {
  if (pdf.y + height > CONTENT_BOTTOM) pdf.addPage();
  pdf.x = PAGE.margins.left;
}

/** A section heading with a rule under it; kept with `keepWith` points of what follows. */
export function heading(pdf: PDFKit.PDFDocument, text: string, keepWith = 80): void {
  const style: TextStyle = { weight: 'bold', size: TYPE.heading, color: COLOURS.text };
  const height = measureText(pdf, text, CONTENT_WIDTH, style);
  ensureSpace(pdf, height + 6 + SPACE.afterHeading + keepWith);
  const top = pdf.y;
  drawText(pdf, text, { x: PAGE.margins.left, y: top, width: CONTENT_WIDTH }, style);
  const ruleY = top + height + 3;
  pdf
    .save()
    .moveTo(PAGE.margins.left, ruleY)
    .lineTo(PAGE.margins.left + CONTENT_WIDTH, ruleY)
    .lineWidth(0.75)
    .strokeColor(COLOURS.rule)
    .stroke()
    .restore();
  pdf.y = ruleY + SPACE.afterHeading;
}

/** A smaller heading inside a section (a table or chart title). */
export function subheading(pdf: PDFKit.PDFDocument, text: string, keepWith = 40): void {
  const style: TextStyle = { weight: 'bold', size: TYPE.subheading, color: COLOURS.text };
  const height = measureText(pdf, text, CONTENT_WIDTH, style);
  ensureSpace(pdf, height + keepWith);
  drawText(pdf, text, { x: PAGE.margins.left, y: pdf.y, width: CONTENT_WIDTH }, style);
  pdf.y += 4;
}

/** A paragraph across the content width. */
export function paragraph(pdf: PDFKit.PDFDocument, text: string, style: TextStyle = BODY): void {
  const height = measureText(pdf, text, CONTENT_WIDTH, style);
  ensureSpace(pdf, height);
  drawText(pdf, text, { x: PAGE.margins.left, y: pdf.y, width: CONTENT_WIDTH }, style);
  pdf.y += SPACE.paragraphGap;
}

/** A bulleted list; each item wraps under its own text, not under the bullet. */
export function bulletList(pdf: PDFKit.PDFDocument, items: readonly string[], style: TextStyle = BODY): void {
  const indent = 12;
  for (const item of items) {
    const height = measureText(pdf, item, CONTENT_WIDTH - indent, style);
    ensureSpace(pdf, height);
    const top = pdf.y;
    drawText(pdf, '•', { x: PAGE.margins.left + 2, y: top, width: indent }, style);
    drawText(pdf, item, { x: PAGE.margins.left + indent, y: top, width: CONTENT_WIDTH - indent }, style);
    pdf.y = top + height + 2;
  }
  pdf.y += SPACE.paragraphGap;
}

/** Space after a block (table, chart, tiles) before the next one. */
export function endBlock(pdf: PDFKit.PDFDocument): void {
  pdf.y += SPACE.afterBlock;
}
