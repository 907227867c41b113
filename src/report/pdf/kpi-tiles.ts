import { ensureSpace } from './layout.js';
import { drawText, measureText, type TextStyle } from './rich-text.js';
import { COLOURS, CONTENT_WIDTH, PAGE, SPACE, TYPE } from './theme.js';

/** How a tile's figure stands against its configured target. */
export interface TileStatus {
  /** e.g. `Target ≥ 70%: met`. */
  text: string;
  met: boolean;
}

/** One headline figure: the value as printed, what it is, and one plain sentence about it. */
export interface KpiTile {
  value: string;
  label: string;
  sentence: string;
  /** Change against the previous period or the baseline, e.g. `+12 (+9%) vs baseline`. */
  change?: string | undefined;
  status?: TileStatus | undefined;
}

const GAP = 10;
const PADDING = 10;
const VALUE: TextStyle = { weight: 'bold', size: TYPE.kpiValue, color: COLOURS.accent };
const LABEL: TextStyle = { weight: 'bold', size: TYPE.table, color: COLOURS.text };
const SENTENCE: TextStyle = { weight: 'regular', size: TYPE.small, color: COLOURS.muted };

// Colours are read at draw time: the theme may change them between renders.
const styles = (): Record<'value' | 'label' | 'sentence' | 'change', TextStyle> => ({
  value: { ...VALUE, color: COLOURS.accent },
  label: { ...LABEL, color: COLOURS.text },
  sentence: { ...SENTENCE, color: COLOURS.muted },
  change: { ...SENTENCE, weight: 'bold', color: COLOURS.text },
});

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

/** The tile's lines in drawing order, each with its style. */
function tileLines(tile: KpiTile): Array<[string, TextStyle, number]> {
  const s = styles();
  const lines: Array<[string, TextStyle, number]> = [
    [tile.value, s.value, 2],
    [tile.label, s.label, 3],
  ];
  if (tile.change) lines.push([tile.change, s.change, 2]);
  if (tile.status)
    lines.push([
      `${tile.status.met ? '✓' : '✗'} ${tile.status.text}`,
      { ...s.change, color: tile.status.met ? COLOURS.good : COLOURS.bad },
      2,
    ]);
  lines.push([tile.sentence, s.sentence, 0]);
  return lines;
}

function tileHeight(pdf: PDFKit.PDFDocument, tile: KpiTile, width: number): number {
  const inner = width - 2 * PADDING;
  const lines = tileLines(tile);
  return (
    PADDING * 2 +
    lines.reduce(
      (sum, [text, style, gap], index) =>
        sum + measureText(pdf, text, inner, style, index === 0 ? 0 : SPACE.lineGap) + gap,
      0,
    )
  );
}

function drawTile(pdf: PDFKit.PDFDocument, tile: KpiTile, x: number, y: number, width: number, height: number): void {
  pdf.save().roundedRect(x, y, width, height, 4).fill(COLOURS.tileFill).restore();
  // A thin accent bar ties the tiles to the chart colours without decoration for its own sake.
  pdf.save().rect(x, y, 3, height).fill(COLOURS.accent).restore();
  const inner = width - 2 * PADDING;
  let cursor = y + PADDING;
  tileLines(tile).forEach(([text, style, gap], index) => {
    cursor +=
      drawText(
        pdf,
        text,
        { x: x + PADDING, y: cursor, width: inner, lineGap: index === 0 ? 0 : SPACE.lineGap },
        style,
      ) + gap;
  });
}
