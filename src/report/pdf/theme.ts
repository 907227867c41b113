import { INK, SERIES_COLOURS } from '../charts/palette.js';

/** Page geometry, type scale and colours of the PDF. One place, so every section looks the same. */

/** A4 in points, with a top margin that leaves room for the running header. */
export const PAGE = {
  size: 'A4',
  width: 595.28,
  height: 841.89,
  margins: { top: 68, bottom: 58, left: 54, right: 54 },
} as const;

/** Width available to content between the side margins. */
export const CONTENT_WIDTH = PAGE.width - PAGE.margins.left - PAGE.margins.right;

/** Lowest y content may reach (pdfkit starts a new page past it). */
export const CONTENT_BOTTOM = PAGE.height - PAGE.margins.bottom;

/** Font sizes in points, largest first. */
export const TYPE = {
  title: 24,
  subtitle: 11,
  heading: 15,
  subheading: 10.5,
  kpiValue: 20,
  body: 9.5,
  table: 8,
  small: 7.5,
} as const;

/** Vertical rhythm, in points. */
export const SPACE = {
  afterHeading: 8,
  afterBlock: 16,
  paragraphGap: 6,
  lineGap: 1.5,
  cellPadding: 4,
} as const;

export const COLOURS = {
  text: INK.text,
  muted: INK.muted,
  accent: SERIES_COLOURS[0],
  rule: '#cfd5dc',
  tileFill: '#f3f6f9',
  tableHeaderFill: '#e8edf2',
  zebra: '#f8fafb',
} as const;
