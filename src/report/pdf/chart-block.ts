import SVGtoPDF from 'svg-to-pdfkit';
import { DEFAULT_CHART_HEIGHT, renderChartSvg, type ChartSpec } from '../charts/index.js';
import { fontName } from './fonts.js';
import { ensureSpace, NOTE } from './layout.js';
import { drawText, measureText, type TextStyle } from './rich-text.js';
import { CHART_PALETTE, COLOURS, CONTENT_WIDTH, PAGE, SPACE, TYPE } from './theme.js';

/** A chart with its title above and an optional source or reading note below. */
export interface ChartBlock {
  title: string;
  chart: ChartSpec;
  note?: string | undefined;
}

const GUTTER = 18;

function titleStyle(): TextStyle {
  return { weight: 'bold', size: TYPE.subheading, color: COLOURS.text };
}

function blockHeight(pdf: PDFKit.PDFDocument, block: ChartBlock, width: number): number {
  const height = block.chart.height ?? DEFAULT_CHART_HEIGHT;
  const noteHeight = block.note ? measureText(pdf, block.note, width, NOTE) + 4 : 0;
  return measureText(pdf, block.title, width, titleStyle()) + 6 + height + noteHeight;
}

/**
 * Draws a chart block at `pdf.y`. The chart is rendered at its width in points, so its 8.5-unit
 * text prints at 8.5 pt, and placed as vectors; its text stays selectable text in DejaVu.
 */
export function chartBlock(pdf: PDFKit.PDFDocument, block: ChartBlock): void {
  ensureSpace(pdf, blockHeight(pdf, block, CONTENT_WIDTH));
  const bottom = drawBlock(pdf, block, PAGE.margins.left, pdf.y, CONTENT_WIDTH);
  pdf.x = PAGE.margins.left;
  pdf.y = bottom + SPACE.afterBlock;
}

/** Two chart blocks side by side, each half the content width; the next block starts below both. */
export function chartPair(pdf: PDFKit.PDFDocument, left: ChartBlock, right: ChartBlock): void {
  const width = (CONTENT_WIDTH - GUTTER) / 2;
  ensureSpace(pdf, Math.max(blockHeight(pdf, left, width), blockHeight(pdf, right, width)));
  const top = pdf.y;
  const first = drawBlock(pdf, left, PAGE.margins.left, top, width);
  const second = drawBlock(pdf, right, PAGE.margins.left + width + GUTTER, top, width);
  pdf.x = PAGE.margins.left;
  pdf.y = Math.max(first, second) + SPACE.afterBlock;
}

/** Draws one block with its top-left at (x, y); returns the y below it. */
function drawBlock(pdf: PDFKit.PDFDocument, block: ChartBlock, x: number, y: number, width: number): number {
  const height = block.chart.height ?? DEFAULT_CHART_HEIGHT;
  const top = y + drawText(pdf, block.title, { x, y, width }, titleStyle()) + 6;
  const svg = renderChartSvg({ palette: CHART_PALETTE, ...block.chart, width, height });
  SVGtoPDF(pdf, svg, x, top, {
    width,
    height,
    preserveAspectRatio: 'xMidYMid meet',
    // Precision only sets how finely svg-to-pdfkit splits arcs and how many steps it measures along
    // each curve (for markers and text on paths, which charts have not). Skia writes curves, never
    // arcs (checked in test/report/charts), so the drawing is the same; at the default 3, measuring
    // the ~8,000 curves of the point markers was a fifth of the PDF's time (since drawn as four
    // cubics each, see drawCirclesAsCubics, they are about 1,000).
    precision: 1,
    // Chart text is only ever set in CHART_FONT_FAMILY (DejaVu Sans), which the PDF embeds.
    fontCallback: (_family, bold) => fontName(bold ? 'bold' : 'regular', false),
  });
  let bottom = top + height;
  if (block.note) bottom += 4 + drawText(pdf, block.note, { x, y: bottom + 4, width }, NOTE);
  return bottom;
}
