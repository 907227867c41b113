/** Charts: plain specs in, SVG strings out. The only module that imports Chart.js. */
export { renderChartSvg, formatTick, renumberClipPaths, expandLigatures } from './render-chart.js';
export type { ChartKind, ChartSeries, ChartSpec, ValueFormat } from './chart-spec.js';
export { DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH } from './chart-spec.js';
export { SERIES_COLOURS, INK, seriesColour } from './palette.js';
