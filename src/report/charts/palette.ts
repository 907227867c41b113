/**
 * Okabe–Ito colour-blind-safe palette, in the order series take it. Yellow is last because it
 * has little contrast on white; black is kept for emphasis, not for series.
 */
export const SERIES_COLOURS = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#F0E442', // yellow
] as const;

/** Colour of series `index`, cycling when there are more series than colours. */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? SERIES_COLOURS[0];
}

/** Neutral greys shared by charts and the PDF so both read as one design. */
export const INK = {
  text: '#222222',
  muted: '#5f6b7a',
  grid: '#e3e6ea',
  axis: '#9aa3ad',
} as const;
