import SVGtoPDF from 'svg-to-pdfkit';
import { DEFAULT_CHART_HEIGHT, renderChartSvg, type ChartSpec } from '../charts/index.js';
import { fontName } from './fonts.js';
import { ensureSpace, NOTE } from './layout.js';
import { drawText, measureText } from './rich-text.js';
import { COLOURS, CONTENT_WIDTH, PAGE, SPACE, TYPE } from './theme.js';

/** A chart with its title above and an optional source or reading note below. */
export interface ChartBlock {
  title: string;
  chart: ChartSpec;
  note?: string;
}

/**
 * Draws a chart block at `pdf.y`. The chart is rendered at the content width in points, so its
 * 8.5-unit text prints at 8.5 pt, and placed as vectors; its text stays selectable text in DejaVu.
 */
export function chartBlock(pdf: PDFKit.PDFDocument, block: ChartBlock): void {
  const height = block.chart.height ?? DEFAULT_CHART_HEIGHT;
  const titleStyle = { weight: 'bold', size: TYPE.subheading, color: COLOURS.text } as const;
  const titleHeight = measureText(pdf, block.title, CONTENT_WIDTH, titleStyle);
  const noteHeight = block.note ? measureText(pdf, block.note, CONTENT_WIDTH, NOTE) + 4 : 0;
  ensureSpace(pdf, titleHeight + 6 + height + noteHeight);
  const left = PAGE.margins.left;
  drawText(pdf, block.title, { x: left, y: pdf.y, width: CONTENT_WIDTH }, titleStyle);
  const top = pdf.y + 6;
  const svg = renderChartSvg({ ...block.chart, width: CONTENT_WIDTH, height });
  SVGtoPDF(pdf, svg, left, top, {
    width: CONTENT_WIDTH,
    height,
    preserveAspectRatio: 'xMidYMid meet',
    // Chart text is only ever set in CHART_FONT_FAMILY (DejaVu Sans), which the PDF embeds.
    fontCallback: (_family, bold) => fontName(bold ? 'bold' : 'regular', false),
  });
  pdf.y = top + height;
  if (block.note) {
    pdf.y += 4;
    drawText(pdf, block.note, { x: left, y: pdf.y, width: CONTENT_WIDTH }, NOTE);
  }
  pdf.x = left;
  pdf.y += SPACE.afterBlock;
}
