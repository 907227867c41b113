import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import { CHART_FONT_FAMILY } from '../fonts/font-files.js';
import type { ChartSpec, ValueFormat } from './chart-spec.js';
import { INK, seriesColour } from './palette.js';
import { valueLabelsPlugin } from './value-labels.js';

/**
 * The Chart.js configuration of a chart spec, shared by the drawing into the PDF (draw-chart.ts)
 * and the Skia SVG rendering kept as its reference (test/helpers-fast/skia-chart-reference.ts).
 */

/** Chart text size in SVG units (= pt in the PDF): small but readable in print. */
const FONT_SIZE = 8.5;
/** Chart.js takes fonts per element; one object keeps them all the same. */
const FONT = { family: CHART_FONT_FAMILY, size: FONT_SIZE };

let registered = false;

/** Registers the Chart.js parts we use (once per process). */
export function registerChartParts(): void {
  if (registered) return;
  Chart.register(
    BarController,
    BarElement,
    CategoryScale,
    LinearScale,
    Legend,
    LineController,
    LineElement,
    PointElement,
  );
  registered = true;
}

// A fixed locale: the default would follow the machine's, and outputs must not depend on it.
const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Prints a value-axis tick. */
export function formatTick(value: number, format: ValueFormat): string {
  // No space before %: Skia splits SVG text at spaces, and "50%" should stay one word.
  if (format === 'percent') return `${countFormat.format(value * 100)}%`;
  if (format === 'decimal') return decimalFormat.format(value);
  return countFormat.format(value);
}

export function chartConfig(spec: ChartSpec): ChartConfiguration<'bar' | 'line'> {
  const horizontal = spec.kind === 'horizontalBar';
  const valueAxis = valueScale(spec);
  const categoryAxis = categoryScale(spec);
  return {
    type: spec.kind === 'line' || spec.kind === 'step' ? 'line' : 'bar',
    data: { labels: [...spec.categories], datasets: datasets(spec) },
    plugins: spec.valueLabels
      ? [valueLabelsPlugin(FONT, INK.text, (value) => formatTick(value, spec.valueFormat ?? 'count'))]
      : [],
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      locale: 'en-US',
      indexAxis: horizontal ? 'y' : 'x',
      color: INK.text,
      // Room at the bar ends for value labels.
      layout: {
        padding: {
          top: spec.valueLabels && !horizontal ? 14 : 4,
          right: spec.valueLabels && horizontal ? 36 : 8,
          bottom: 0,
          left: 0,
        },
      },
      plugins: {
        legend: {
          display: spec.series.length > 1,
          position: 'top',
          align: 'end',
          labels: { boxWidth: 9, boxHeight: 9, color: INK.text, font: FONT },
        },
      },
      scales: horizontal
        ? { x: valueAxis, y: categoryAxis }
        : { x: spec.kind === 'step' ? linearXScale(spec) : categoryAxis, y: valueAxis },
    },
  };
}

/** The value axis: from zero, light horizontal grid lines only, no axis line (no chart junk). */
function valueScale(spec: ChartSpec) {
  const format = spec.valueFormat ?? 'count';
  return {
    beginAtZero: true,
    ...(spec.valueMax === undefined ? {} : { max: spec.valueMax }),
    stacked: spec.kind === 'stackedBar',
    grid: { color: INK.grid, drawTicks: false },
    border: { display: false },
    title: axisTitle(spec.valueAxisTitle),
    ticks: {
      color: INK.muted,
      font: FONT,
      padding: 6,
      precision: format === 'count' ? 0 : undefined,
      callback: (value: string | number) => formatTick(Number(value), format),
    },
  };
}

/** The category axis: a base line, no grid, labels never rotated (skipped instead when crowded). */
function categoryScale(spec: ChartSpec) {
  return {
    stacked: spec.kind === 'stackedBar',
    grid: { display: false },
    border: { color: INK.axis },
    title: axisTitle(spec.categoryAxisTitle),
    ticks: { color: INK.muted, font: FONT, autoSkip: true, maxRotation: 0 },
  };
}

/** A numeric x axis for step curves: from zero, a base line, no grid, plain tick numbers. */
function linearXScale(spec: ChartSpec) {
  return {
    type: 'linear' as const,
    min: 0,
    ...(spec.xMax === undefined ? {} : { max: spec.xMax }),
    grid: { display: false },
    border: { color: INK.axis },
    title: axisTitle(spec.categoryAxisTitle),
    ticks: {
      color: INK.muted,
      font: FONT,
      maxRotation: 0,
      callback: (value: string | number) => formatTick(Number(value), 'count'),
    },
  };
}

function axisTitle(text: string): { display: boolean; text: string; color: string; font: typeof FONT } {
  return { display: text.length > 0, text, color: INK.muted, font: FONT };
}

function datasets(spec: ChartSpec): Array<ChartDataset<'bar' | 'line', Array<number | null>>> {
  return spec.series.map((series, index) => {
    const palette = spec.palette ?? [];
    const colour = palette.length > 0 ? (palette[index % palette.length] ?? seriesColour(index)) : seriesColour(index);
    const base = { label: series.label, data: [...series.values], backgroundColor: colour, borderColor: colour };
    if (spec.kind === 'step') {
      // Points as {x, y} on the linear axis; Chart.js types line data as numbers, the parser takes objects.
      const xs = spec.xValues?.[index] ?? [];
      const points = series.values.map((y, i) => ({ x: xs[i] ?? 0, y }));
      return {
        ...base,
        data: points as unknown as Array<number | null>,
        type: 'line',
        borderWidth: 2,
        pointRadius: 0,
        stepped: 'after' as const,
        tension: 0,
        spanGaps: false,
        segment: {},
      };
    }
    if (spec.kind === 'line') {
      // A `segment` option makes Chart.js stroke lines directly instead of through a cached Path2D:
      // when another library (pdfjs) installs a global Path2D from a different canvas build, the
      // Skia context refuses it. Direct stroking draws the same path.
      return { ...base, type: 'line', borderWidth: 2, pointRadius: 2.5, tension: 0, spanGaps: false, segment: {} };
    }
    return { ...base, type: 'bar', borderWidth: 0, maxBarThickness: 28, categoryPercentage: 0.7, barPercentage: 0.9 };
  });
}
