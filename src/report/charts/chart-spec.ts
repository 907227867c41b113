/** Plain descriptions of charts; `renderChartSvg` turns them into SVG. No Chart.js types leak out. */

/**
 * `stackedBar` stacks the series; `horizontalBar` puts categories on the vertical axis; `step`
 * draws each series as a step curve over the numbers in `xValues` (a survival curve: flat until
 * the next time, then down), on a linear axis instead of categories.
 */
export type ChartKind = 'line' | 'bar' | 'stackedBar' | 'horizontalBar' | 'step';

/** How values and value-axis ticks are printed. */
export type ValueFormat = 'count' | 'percent' | 'decimal';

/** One named series; `values[i]` belongs to `categories[i]`, `null` is a gap (not zero). */
export interface ChartSeries {
  label: string;
  values: ReadonlyArray<number | null>;
}

/** A chart to draw. Axis titles carry the unit, e.g. "People (distinct)" or "Hours". */
export interface ChartSpec {
  kind: ChartKind;
  categories: readonly string[];
  series: readonly ChartSeries[];
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** Default `count`: integer ticks. `percent` expects fractions (0.25 prints as 25 %). */
  valueFormat?: ValueFormat;
  /** Size in SVG user units; the PDF places charts at 1 unit = 1 pt. Default 495 x 220. */
  width?: number;
  height?: number;
  /** Series colours in order; default the Okabe–Ito palette. Themes set their own. */
  palette?: readonly string[];
  /** Top of the value axis (e.g. 1 for a percent chart that should show the whole scale). */
  valueMax?: number;
  /** `step` only: the x position of `values[i]`, one list per series (`categories` are then unused). */
  xValues?: ReadonlyArray<readonly number[]>;
  /** `step` only: the right end of the x axis (e.g. one week of hours). */
  xMax?: number;
  /** Prints each bar's value at its end, so the reader needs no grid to read it. Bars only. */
  valueLabels?: boolean;
}

export const DEFAULT_CHART_WIDTH = 495;
export const DEFAULT_CHART_HEIGHT = 220;
