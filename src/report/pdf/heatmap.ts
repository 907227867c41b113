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
  // Column heads are the departments' names (two short lines at most), not numbers to look up.
  const header = ROW_HEIGHT * 2;
  ensureSpace(pdf, header + ROW_HEIGHT * size + 4);
  const left = PAGE.margins.left;
  const top = pdf.y;
  const small: TextStyle = { ...NOTE, size: TYPE.small - 0.5 };
  const max = Math.max(1, ...spec.values.flat().filter((value): value is number => value !== null));
  spec.labels.forEach((label, column) => {
    drawText(pdf, columnHead(pdf, label, cell - 2, small), { x: left + LABEL_WIDTH + column * cell + 1, y: top + 2, width: cell - 2, align: 'center' }, small);
  });
  spec.labels.forEach((label, row) => {
    const y = top + header + ROW_HEIGHT * row;
    const name = fitOneLine(pdf, label, LABEL_WIDTH - 6, { ...small, size: TYPE.small, color: COLOURS.text });
    drawText(pdf, name, { x: left, y: y + 5, width: LABEL_WIDTH - 6 }, { ...small, size: TYPE.small, color: COLOURS.text });
    spec.labels.forEach((_other, column) => drawCell(pdf, spec.values[row]?.[column] ?? null, max, left + LABEL_WIDTH + column * cell, y, cell));
  });
  pdf.x = left;
  pdf.y = top + header + ROW_HEIGHT * size + SPACE.afterBlock;
}

/** A department name for a narrow column: each word fitted to the width, two lines at most. */
function columnHead(pdf: PDFKit.PDFDocument, label: string, width: number, style: TextStyle): string {
  const name = label.replace(/\s*\(.*\)$/, '');
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  const lines = words.length <= 2 ? words : [words[0] ?? '', words.slice(1).join(' ')];
  return lines.map((line) => fitOneLine(pdf, line, width, style)).join('\n');
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
