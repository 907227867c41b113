import { ensureSpace } from './layout.js';
import { drawText, measureText, type TextStyle } from './rich-text.js';
import { COLOURS, CONTENT_WIDTH, PAGE, SPACE, TYPE } from './theme.js';

/** One headline figure: the value as printed, what it is, and one plain sentence about it. */
export interface KpiTile {
  value: string;
  label: string;
  sentence: string;
}

const GAP = 10;
const PADDING = 10;
const VALUE: TextStyle = { weight: 'bold', size: TYPE.kpiValue, color: COLOURS.accent };
const LABEL: TextStyle = { weight: 'bold', size: TYPE.table, color: COLOURS.text };
const SENTENCE: TextStyle = { weight: 'regular', size: TYPE.small, color: COLOURS.muted };

/** Draws tiles in rows of `perRow`; every tile in a row gets the height of the tallest one. */
export function kpiTiles(pdf: PDFKit.PDFDocument, tiles: readonly KpiTile[], perRow = 3): void {
  const width = (CONTENT_WIDTH - GAP * (perRow - 1)) / perRow;
  for (let start = 0; start < tiles.length; start += perRow) {
    const row = tiles.slice(start, start + perRow);
    const height = Math.max(...row.map((tile) => tileHeight(pdf, tile, width)));
    ensureSpace(pdf, height);
    const top = pdf.y;
    row.forEach((tile, index) => drawTile(pdf, tile, PAGE.margins.left + index * (width + GAP), top, width, height));
    pdf.y = top + height + GAP;
  }
  pdf.y += SPACE.afterBlock - GAP;
}

function tileParts(pdf: PDFKit.PDFDocument, tile: KpiTile, inner: number): [number, number, number] {
  return [
    measureText(pdf, tile.value, inner, VALUE, 0),
    measureText(pdf, tile.label, inner, LABEL),
    measureText(pdf, tile.sentence, inner, SENTENCE),
  ];
}

function tileHeight(pdf: PDFKit.PDFDocument, tile: KpiTile, width: number): number {
  const [value, label, sentence] = tileParts(pdf, tile, width - 2 * PADDING);
  return PADDING + value + 2 + label + 3 + sentence + PADDING;
}

function drawTile(pdf: PDFKit.PDFDocument, tile: KpiTile, x: number, y: number, width: number, height: number): void {
  pdf.save().roundedRect(x, y, width, height, 4).fill(COLOURS.tileFill).restore();
  // A thin accent bar ties the tiles to the chart colours without decoration for its own sake.
  pdf.save().rect(x, y, 3, height).fill(COLOURS.accent).restore();
  const inner = width - 2 * PADDING;
  const [value, label] = tileParts(pdf, tile, inner);
  let cursor = y + PADDING;
  drawText(pdf, tile.value, { x: x + PADDING, y: cursor, width: inner, lineGap: 0 }, VALUE);
  cursor += value + 2;
  drawText(pdf, tile.label, { x: x + PADDING, y: cursor, width: inner }, LABEL);
  cursor += label + 3;
  drawText(pdf, tile.sentence, { x: x + PADDING, y: cursor, width: inner }, SENTENCE);
}
