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

/** The colours a theme sets (`templates/<name>/theme.json`, key `colours`). */
export interface ThemeColours {
  text: string;
  muted: string;
  accent: string;
  rule: string;
  tileFill: string;
  tableHeaderFill: string;
  zebra: string;
  /** A target met, a change for the better. */
  good: string;
  /** A target missed. */
  bad: string;
}

/** The built-in colours: Okabe–Ito accents on neutral greys. */
export const DEFAULT_COLOURS: Readonly<ThemeColours> = {
  text: INK.text,
  muted: INK.muted,
  accent: SERIES_COLOURS[0],
  rule: '#cfd5dc',
  tileFill: '#f3f6f9',
  tableHeaderFill: '#e8edf2',
  zebra: '#f8fafb',
  good: '#009E73',
  bad: '#D55E00',
};

/**
 * The colours of the report being drawn. Mutable on purpose: a render sets them once from its
 * template before drawing (drawing is synchronous, so two renders never interleave) and every
 * helper reads them at draw time, which spares threading a theme through each call.
 */
export const COLOURS: ThemeColours = { ...DEFAULT_COLOURS };

/** Chart series colours of the report being drawn (see `COLOURS` for why this is mutable). */
export const CHART_PALETTE: string[] = [...SERIES_COLOURS];

/** Sets the colours and chart palette every helper draws with until the next call. */
export function applyTheme(colours: Readonly<ThemeColours>, palette: readonly string[]): void {
  Object.assign(COLOURS, colours);
  CHART_PALETTE.splice(0, CHART_PALETTE.length, ...(palette.length > 0 ? palette : SERIES_COLOURS));
}
