import { ensureSpace } from './layout.js';
import { drawText, measureText, type TextStyle } from './rich-text.js';
import { COLOURS, CONTENT_BOTTOM, CONTENT_WIDTH, PAGE, SPACE, TYPE } from './theme.js';

/** One column: header text, share of the content width (shares are normalised), alignment. */
export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A table: cells are already formatted strings; `rows[i][j]` is under `columns[j]`. */
export interface TableSpec {
  columns: readonly TableColumn[];
  rows: ReadonlyArray<readonly string[]>;
}

// Colour getters: the theme sets COLOURS per render, after this module is loaded.
const HEADER: TextStyle = {
  weight: 'bold',
  size: TYPE.table,
  get color() {
    return COLOURS.text;
  },
};
const CELL: TextStyle = {
  weight: 'regular',
  size: TYPE.table,
  get color() {
    return COLOURS.text;
  },
};
const PAD = SPACE.cellPadding;
/** Tables up to this height (in pt, rows only) are never split across pages. */
const KEEP_TOGETHER = 220;

/**
 * Draws a table across the content width. Rows never split; when a row does not fit, the table
 * goes on on a new page and the header row is drawn again there.
 */
export function table(pdf: PDFKit.PDFDocument, spec: TableSpec): void {
  const widths = columnWidths(spec.columns);
  const headerHeight = rowHeight(
    pdf,
    spec.columns.map((column) => column.header),
    widths,
    HEADER,
  );
  const heights = spec.rows.map((row) => rowHeight(pdf, row, widths, CELL));
  const total = heights.reduce((sum, height) => sum + height, 0);
  // A short table moves to the next page whole; a long one starts with at least one row here.
  ensureSpace(pdf, headerHeight + (total <= KEEP_TOGETHER ? total : (heights[0] ?? 0)));
  drawRow(
    pdf,
    spec.columns.map((column) => column.header),
    spec.columns,
    widths,
    HEADER,
    COLOURS.tableHeaderFill,
  );
  spec.rows.forEach((row, index) => {
    const height = heights[index] ?? 0;
    if (pdf.y + height > CONTENT_BOTTOM) {
      pdf.addPage();
      drawRow(
        pdf,
        spec.columns.map((column) => column.header),
        spec.columns,
        widths,
        HEADER,
        COLOURS.tableHeaderFill,
      );
    }
    drawRow(pdf, row, spec.columns, widths, CELL, index % 2 === 1 ? COLOURS.zebra : null);
  });
  const bottom = pdf.y;
  pdf
    .save()
    .moveTo(PAGE.margins.left, bottom)
    .lineTo(PAGE.margins.left + CONTENT_WIDTH, bottom)
    .lineWidth(0.5)
    .strokeColor(COLOURS.rule)
    .stroke()
    .restore();
  pdf.y = bottom + SPACE.afterBlock;
}

function columnWidths(columns: readonly TableColumn[]): number[] {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  return columns.map((column) => (total > 0 ? (column.width / total) * CONTENT_WIDTH : CONTENT_WIDTH / columns.length));
}

function rowHeight(
  pdf: PDFKit.PDFDocument,
  cells: readonly string[],
  widths: readonly number[],
  style: TextStyle,
): number {
  const heights = widths.map((width, index) => measureText(pdf, cells[index] ?? '', width - 2 * PAD, style));
  return Math.max(style.size, ...heights) + 2 * PAD;
}

function drawRow(
  pdf: PDFKit.PDFDocument,
  cells: readonly string[],
  columns: readonly TableColumn[],
  widths: readonly number[],
  style: TextStyle,
  fill: string | null,
): void {
  const top = pdf.y;
  const height = rowHeight(pdf, cells, widths, style);
  if (fill) pdf.save().rect(PAGE.margins.left, top, CONTENT_WIDTH, height).fill(fill).restore();
  let x = PAGE.margins.left;
  widths.forEach((width, index) => {
    const align = columns[index]?.align ?? 'left';
    drawText(pdf, cells[index] ?? '', { x: x + PAD, y: top + PAD, width: width - 2 * PAD, align }, style);
    x += width;
  });
  pdf.x = PAGE.margins.left;
  pdf.y = top + height;
}
