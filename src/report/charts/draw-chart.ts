import { Chart, type ChartItem } from 'chart.js';
import { chartConfig, registerChartParts } from './chart-config.js';
import type { ChartSpec } from './chart-spec.js';

/**
 * What Chart.js needs of a canvas: its size and its 2D context. The PDF provides one that draws
 * straight into the page (src/report/pdf/chart-canvas.ts), so no browser or Skia canvas is needed.
 */
export interface ChartCanvas {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): unknown;
}

/**
 * Draws a chart with Chart.js onto `canvas`. Same spec, same drawing calls: no animation, no clock,
 * fixed locale. Chart.js detects no DOM and uses its basic platform, which only asks the canvas for
 * its context and size.
 */
export function drawChart(canvas: ChartCanvas, spec: ChartSpec): void {
  registerChartParts();
  // Chart.js types the item as a DOM canvas; its basic platform only calls getContext('2d') and
  // reads width and height, which ChartCanvas declares. With animation off the constructor draws once.
  const chart = new Chart(canvas as unknown as ChartItem, chartConfig(spec));
  chart.destroy();
}
