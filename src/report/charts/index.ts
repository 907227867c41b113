/**
 * Charts: plain specs in, Chart.js drawing onto a canvas out (the PDF gives one that draws into
 * the page). The Skia SVG rendering it is tested against lives in the tests
 * (test/helpers-fast/skia-chart-reference.ts), so the CLI does not load Skia.
 */
export { drawChart, type ChartCanvas } from './draw-chart.js';
export { formatTick } from './chart-config.js';
export type { ChartKind, ChartSeries, ChartSpec, ValueFormat } from './chart-spec.js';
export { DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH } from './chart-spec.js';
export { SERIES_COLOURS, INK, seriesColour } from './palette.js';
