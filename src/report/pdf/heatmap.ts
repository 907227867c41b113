import { formatCount } from './format.js';
import { ensureSpace, NOTE } from './layout.js';
import { drawText, fitOneLine, measureText, type TextStyle } from './rich-text.js';
import { COLOURS, CONTENT_WIDTH, PAGE, SPACE, TYPE } from './theme.js';

/** A square matrix of counts: `values[row][column]`, null where a figure is withheld. */
export interface HeatmapSpec {
  labels: readonly string[];
  values: ReadonlyArray<ReadonlyArray<number | null>>;
}

const LABEL_WIDTH = 150;
const ROW_HEIGHT = 18;
const MAX_CELL = 42;
/** Tallest column head: a department name longer than this, rotated, is cut with an ellipsis. */
const MAX_HEAD = 120;

/**
 * Draws a heatmap as vector rectangles: one sequential hue (white to the accent colour), so it
 * reads in grey print and for colour-blind readers; every cell also prints its number. Column
 * heads are the departments' full names, written upwards so that a long name fits a narrow column.
 */
export function heatmap(pdf: PDFKit.PDFDocument, spec: HeatmapSpec): void {
  const size = spec.labels.length;
  if (size === 0) return;
  const cell = Math.min(MAX_CELL, (CONTENT_WIDTH - LABEL_WIDTH) / size);
  const small: TextStyle = { ...NOTE, size: TYPE.small - 0.5 };
  const heads = spec.labels.map((label) => label.replace(/\s*\(.*\)$/, ''));
  const header = columnHeadHeight(pdf, heads, small);
  ensureSpace(pdf, header + ROW_HEIGHT * size + 4);
  const left = PAGE.margins.left;
  const top = pdf.y;
  const max = Math.max(1, ...spec.values.flat().filter((value): value is number => value !== null));
  heads.forEach((head, column) =>
    columnHead(
      pdf,
      head,
      { x: left + LABEL_WIDTH + column * cell + cell / 2, bottom: top + header - 4, length: header - 6 },
      small,
    ),
  );
  spec.labels.forEach((label, row) => {
    const y = top + header + ROW_HEIGHT * row;
    const name = fitOneLine(pdf, label, LABEL_WIDTH - 6, { ...small, size: TYPE.small, color: COLOURS.text });
    drawText(
      pdf,
      name,
      { x: left, y: y + 5, width: LABEL_WIDTH - 6 },
      { ...small, size: TYPE.small, color: COLOURS.text },
    );
    spec.labels.forEach((_other, column) =>
      drawCell(pdf, spec.values[row]?.[column] ?? null, max, left + LABEL_WIDTH + column * cell, y, cell),
    );
  });
  pdf.x = left;
  pdf.y = top + header + ROW_HEIGHT * size + SPACE.afterBlock;
}

/** Height of the rotated column heads: the longest name's width, within [ROW_HEIGHT, MAX_HEAD]. */
function columnHeadHeight(pdf: PDFKit.PDFDocument, heads: readonly string[], style: TextStyle): number {
  const widest = Math.max(0, ...heads.map((head) => textWidth(pdf, head, style)));
  return Math.min(MAX_HEAD, Math.max(ROW_HEIGHT, Math.ceil(widest) + 10));
}

/** One line's width, measured as the longest line `measureText` keeps on one line. */
function textWidth(pdf: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  const oneLine = measureText(pdf, 'X', MAX_HEAD * 4, style);
  let width = 8;
  while (width < MAX_HEAD && measureText(pdf, text, width, style) > oneLine) width += 4;
  return width;
}

/** A department's full name written upwards from the bottom of the header, centred on its column. */
function columnHead(
  pdf: PDFKit.PDFDocument,
  head: string,
  at: { x: number; bottom: number; length: number },
  style: TextStyle,
): void {
  const text = fitOneLine(pdf, head, at.length, style);
  const x = at.x - style.size / 2;
  pdf.save();
  pdf.rotate(-90, { origin: [x, at.bottom] });
  drawText(pdf, text, { x, y: at.bottom, width: at.length }, style);
  pdf.restore();
}

function drawCell(
  pdf: PDFKit.PDFDocument,
  value: number | null,
  max: number,
  x: number,
  y: number,
  width: number,
): void {
  const strength = value === null ? 0 : value / max;
  const fill = value === null ? COLOURS.zebra : mix('#ffffff', COLOURS.accent, strength);
  pdf
    .save()
    .rect(x + 0.5, y + 0.5, width - 1, ROW_HEIGHT - 1)
    .fill(fill)
    .restore();
  const text = value === null ? '·' : formatCount(value);
  const colour = strength > 0.55 ? '#ffffff' : COLOURS.text;
  drawText(
    pdf,
    text,
    { x, y: y + 5, width, align: 'center' },
    { weight: 'regular', size: TYPE.small - 0.5, color: colour },
  );
}

/** Linear mix of two `#rrggbb` colours; `t` in [0, 1]. */
export function mix(from: string, to: string, t: number): string {
  const channel = (hex: string, index: number): number => Number.parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16);
  const clamped = Math.min(1, Math.max(0, t));
  const parts = [0, 1, 2].map((index) =>
    Math.round(channel(from, index) + (channel(to, index) - channel(from, index)) * clamped),
  );
  return `#${parts.map((part) => part.toString(16).padStart(2, '0')).join('')}`;
}
