import { DEFAULT_CHART_HEIGHT, drawChart, type ChartSpec } from '../charts/index.js';
import { PdfChartContext } from './chart-canvas.js';
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
 * Draws a chart block at `pdf.y`. The chart is drawn at its width in points, so its 8.5-unit
 * text prints at 8.5 pt, as vectors; its text is selectable text in DejaVu.
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
  drawChartAt(pdf, { palette: CHART_PALETTE, ...block.chart, width, height }, x, top);
  let bottom = top + height;
  if (block.note) bottom += 4 + drawText(pdf, block.note, { x, y: bottom + 4, width }, NOTE);
  return bottom;
}

/**
 * Draws the chart of `spec` with its top-left at (x, y), straight into the page (chart-canvas.ts).
 * Chart.js lays out on a canvas of whole units, as the Skia canvas it was drawn on before had, and
 * that canvas is centred in the box as svg-to-pdfkit placed the SVG (a fraction of a point).
 */
function drawChartAt(
  pdf: PDFKit.PDFDocument,
  spec: ChartSpec & { width: number; height: number },
  x: number,
  y: number,
): void {
  const canvasWidth = Math.trunc(spec.width);
  const canvasHeight = Math.trunc(spec.height);
  if (canvasWidth <= 0 || canvasHeight <= 0) return;
  const scale = Math.min(spec.width / canvasWidth, spec.height / canvasHeight);
  pdf.save();
  pdf.translate(x + (spec.width - canvasWidth * scale) / 2, y + (spec.height - canvasHeight * scale) / 2);
  if (scale !== 1) pdf.scale(scale);
  drawChart(new PdfChartContext(pdf, canvasWidth, canvasHeight).canvas, spec);
  pdf.restore();
}
