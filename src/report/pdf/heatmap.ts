import { formatCount } from './format.js';
import { ensureSpace, NOTE } from './layout.js';
import { drawText, fitOneLine, type TextStyle } from './rich-text.js';
import { COLOURS, CONTENT_WIDTH, PAGE, SPACE, TYPE } from './theme.js';

/** A square matrix of counts: `values[row][column]`, null where a figure is withheld. */
export interface HeatmapSpec {
  labels: readonly string[];
  values: ReadonlyArray<ReadonlyArray<number | null>>;
}

const LABEL_WIDTH = 150;
const ROW_HEIGHT = 18;
const MAX_CELL = 42;

/**
 * Draws a heatmap as vector rectangles: one sequential hue (white to the accent colour), so it
 * reads in grey print and for colour-blind readers; every cell also prints its number. Columns
 * are numbered and the rows carry the names, so long names need no rotated text.
 */
export function heatmap(pdf: PDFKit.PDFDocument, spec: HeatmapSpec): void {
  const size = spec.labels.length;
  if (size === 0) return;
  const cell = Math.min(MAX_CELL, (CONTENT_WIDTH - LABEL_WIDTH) / size);
  ensureSpace(pdf, ROW_HEIGHT * (size + 1) + 4);
  const left = PAGE.margins.left;
  const top = pdf.y;
  const small: TextStyle = { ...NOTE, size: TYPE.small };
  const max = Math.max(1, ...spec.values.flat().filter((value): value is number => value !== null));
  spec.labels.forEach((_label, column) => {
    drawText(pdf, String(column + 1), { x: left + LABEL_WIDTH + column * cell, y: top + 4, width: cell, align: 'center' }, small);
  });
  spec.labels.forEach((label, row) => {
    const y = top + ROW_HEIGHT * (row + 1);
    const name = fitOneLine(pdf, `${row + 1}  ${label}`, LABEL_WIDTH - 6, { ...small, color: COLOURS.text });
    drawText(pdf, name, { x: left, y: y + 5, width: LABEL_WIDTH - 6 }, { ...small, color: COLOURS.text });
    spec.labels.forEach((_other, column) => drawCell(pdf, spec.values[row]?.[column] ?? null, max, left + LABEL_WIDTH + column * cell, y, cell));
  });
  pdf.x = left;
  pdf.y = top + ROW_HEIGHT * (size + 1) + SPACE.afterBlock;
}

function drawCell(pdf: PDFKit.PDFDocument, value: number | null, max: number, x: number, y: number, width: number): void {
  const strength = value === null ? 0 : value / max;
  const fill = value === null ? COLOURS.zebra : mix('#ffffff', COLOURS.accent, strength);
  pdf.save().rect(x + 0.5, y + 0.5, width - 1, ROW_HEIGHT - 1).fill(fill).restore();
  const text = value === null ? '·' : formatCount(value);
  const colour = strength > 0.55 ? '#ffffff' : COLOURS.text;
  drawText(pdf, text, { x, y: y + 5, width, align: 'center' }, { weight: 'regular', size: TYPE.small - 0.5, color: colour });
}

/** Linear mix of two `#rrggbb` colours; `t` in [0, 1]. */
export function mix(from: string, to: string, t: number): string {
  const channel = (hex: string, index: number): number => Number.parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16);
  const clamped = Math.min(1, Math.max(0, t));
  const parts = [0, 1, 2].map((index) => Math.round(channel(from, index) + (channel(to, index) - channel(from, index)) * clamped));
  return `#${parts.map((part) => part.toString(16).padStart(2, '0')).join('')}`;
}
