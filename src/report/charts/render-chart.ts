import { createCanvas, GlobalFonts, SvgExportFlag } from '@napi-rs/canvas';
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
import { CHART_FONT_FAMILY, fontFiles } from '../fonts/font-files.js';
import { DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH, type ChartSpec, type ValueFormat } from './chart-spec.js';
import { INK, seriesColour } from './palette.js';
import { valueLabelsPlugin } from './value-labels.js';

/** Chart text size in SVG units (= pt in the PDF): small but readable in print. */
const FONT_SIZE = 8.5;
/** Chart.js takes fonts per element; one object keeps them all the same. */
const FONT = { family: CHART_FONT_FAMILY, size: FONT_SIZE };

let initialised = false;

/** Registers the Chart.js parts we use and the font Skia measures and names chart text with. */
function initialise(): void {
  if (initialised) return;
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
  const files = fontFiles();
  GlobalFonts.registerFromPath(files.regular, CHART_FONT_FAMILY);
  GlobalFonts.registerFromPath(files.bold, CHART_FONT_FAMILY);
  initialised = true;
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

/**
 * Draws a chart with Chart.js on a Skia SVG canvas and returns the SVG. Text stays `<text>` in the
 * font family `CHART_FONT_FAMILY` (not converted to paths), so it is selectable once placed in a PDF
 * that embeds DejaVu Sans. Same spec, same SVG: no animation, no clock, fixed locale.
 */
export function renderChartSvg(spec: ChartSpec): string {
  initialise();
  const width = spec.width ?? DEFAULT_CHART_WIDTH;
  const height = spec.height ?? DEFAULT_CHART_HEIGHT;
  // createCanvas with a flag is `new Canvas(w, h, flag)` typed as the SVG canvas it returns.
  const canvas = createCanvas(width, height, SvgExportFlag.NoPrettyXML);
  const context = canvas.getContext('2d');
  drawCirclesAsCubics(context);
  // With animation off, the constructor draws the chart once; drawing again would double it.
  const chart = new Chart(context, chartConfig(spec));
  try {
    return expandLigatures(renumberClipPaths(canvas.getContent().toString('utf8')));
  } finally {
    chart.destroy();
  }
}

/** The handle length of a cubic Bézier quarter circle, per unit of radius: 4/3 · (√2 − 1). */
const QUARTER_CIRCLE_HANDLE = (4 / 3) * (Math.SQRT2 - 1);

/**
 * Makes `arc` trace a full circle as four cubic Béziers, as PDF and SVG renderers draw circles.
 * Skia writes a full-circle arc (Chart.js's round point markers) as 32 quadratic curves, so the
 * line charts of a report carried thousands of curves that svg-to-pdfkit parsed, measured and
 * bounded one by one: the largest part of placing the charts in the PDF (bench/README.md). The
 * four cubics stay within 0.03 % of the radius of the true circle (under 0.001 pt for a 2.5 pt
 * marker). Partial arcs (Chart.js draws none in our chart kinds) go to Skia unchanged.
 */
export function drawCirclesAsCubics(context: SkiaContext): void {
  const arc = context.arc.bind(context);
  context.arc = (x, y, radius, startAngle, endAngle, counterclockwise) => {
    const full = Math.abs(endAngle - startAngle) >= 2 * Math.PI && startAngle === 0 && counterclockwise !== true;
    if (!full || radius <= 0) {
      arc(x, y, radius, startAngle, endAngle, counterclockwise);
      return;
    }
    const k = radius * QUARTER_CIRCLE_HANDLE;
    // Clockwise on screen (y down) from angle 0, where Skia's own arc starts too.
    context.moveTo(x + radius, y);
    context.bezierCurveTo(x + radius, y + k, x + k, y + radius, x, y + radius);
    context.bezierCurveTo(x - k, y + radius, x - radius, y + k, x - radius, y);
    context.bezierCurveTo(x - radius, y - k, x - k, y - radius, x, y - radius);
    context.bezierCurveTo(x + k, y - radius, x + radius, y - k, x + radius, y);
  };
}

/** The 2D context of a Skia canvas. */
type SkiaContext = ReturnType<ReturnType<typeof createCanvas>['getContext']>;

/**
 * Skia numbers clip paths with a process-wide counter (`cl_1d`, `cl_27`, ...), so the same chart
 * drawn twice gives different SVG. Renumbering them per SVG makes the output a function of the spec.
 */
export function renumberClipPaths(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\bcl_[0-9a-f]+\b/g, (id) => {
    let renamed = ids.get(id);
    if (!renamed) {
      renamed = `clip${ids.size + 1}`;
      ids.set(id, renamed);
    }
    return renamed;
  });
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/**
 * Skia shapes text with the font's ligatures and writes the ligature character (`ﬁ`) with one x
 * per glyph, so the PDF text would read "ﬁrst" and the per-glyph positions no longer match the
 * letters. Such text is written back as plain letters placed from its first x only: the PDF sets
 * it in the same font and size, so it lands where Skia drew it.
 */
export function expandLigatures(svg: string): string {
  return svg.replace(
    /<text([^>]*)>([^<]*[\uFB00-\uFB06][^<]*)<\/text>/g,
    (_whole, attributes: string, content: string) => {
      const plain = content.replace(/[\uFB00-\uFB06]/g, (char) => LIGATURES[char] ?? char);
      const firstX = attributes.replace(/ x="\s*(-?[\d.]+)[^"]*"/, ' x="$1"');
      return `<text${firstX}>${plain}</text>`;
    },
  );
}

function chartConfig(spec: ChartSpec): ChartConfiguration<'bar' | 'line'> {
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
