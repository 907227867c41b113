import { drawText, fitOneLine, type TextStyle } from './rich-text.js';
import { COLOURS, CONTENT_WIDTH, PAGE, TYPE } from './theme.js';

/** What every page but the cover carries at the top and every page at the bottom. */
export interface PageFurniture {
  title: string;
  period: string;
  /** Left side of the footer, e.g. "Generated 2 Apr 2026 by pilot-report". */
  footer: string;
}

const SMALL: TextStyle = {
  weight: 'regular',
  size: TYPE.small,
  get color() {
    return COLOURS.muted;
  },
};
const HEADER_Y = 30;
const FOOTER_Y = PAGE.height - 38;

/**
 * Draws running headers (report title and period, not on the cover) and "Page N of M" footers on
 * all buffered pages. Must run after all content, when the page count is known.
 */
export function drawPageFurniture(pdf: PDFKit.PDFDocument, furniture: PageFurniture): void {
  const range = pdf.bufferedPageRange();
  const half = CONTENT_WIDTH / 2;
  const left = PAGE.margins.left;
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index);
    // Header and footer sit in the margins; with the margin in place pdfkit would add a page.
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    if (index > range.start) {
      const titleStyle: TextStyle = { ...SMALL, weight: 'bold' };
      drawText(
        pdf,
        fitOneLine(pdf, furniture.title, half - 6, titleStyle),
        { x: left, y: HEADER_Y, width: half - 6 },
        titleStyle,
      );
      drawText(pdf, furniture.period, { x: left + half + 6, y: HEADER_Y, width: half - 6, align: 'right' }, SMALL);
      rule(pdf, HEADER_Y + 14);
    }
    rule(pdf, FOOTER_Y - 6);
    drawText(pdf, furniture.footer, { x: left, y: FOOTER_Y, width: half + 60 }, SMALL);
    const pageLabel = `Page ${index - range.start + 1} of ${range.count}`;
    drawText(pdf, pageLabel, { x: left + half + 66, y: FOOTER_Y, width: half - 66, align: 'right' }, SMALL);
    pdf.page.margins.bottom = bottomMargin;
  }
}

function rule(pdf: PDFKit.PDFDocument, y: number): void {
  pdf
    .save()
    .moveTo(PAGE.margins.left, y)
    .lineTo(PAGE.margins.left + CONTENT_WIDTH, y)
    .lineWidth(0.5)
    .strokeColor(COLOURS.rule)
    .stroke()
    .restore();
}
