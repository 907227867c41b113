import { createCanvas, GlobalFonts, SvgExportFlag } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import { CHART_FONT_FAMILY, fontFiles } from '../../src/report/fonts/font-files.js';
import { chartConfig, registerChartParts } from '../../src/report/charts/chart-config.js';
import { DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH, type ChartSpec } from '../../src/report/charts/chart-spec.js';

/**
 * The chart as SVG from Chart.js on a Skia canvas: the way the report drew its charts until
 * 2026-12-04, kept as the independent reference the PDF drawing (draw-chart.ts) is tested against
 * (the same text at the same places). Not imported by the CLI, so Skia is not loaded at start-up.
 */

let initialised = false;

/** Registers the Chart.js parts and the font Skia measures and names chart text with. */
function initialise(): void {
  if (initialised) return;
  registerChartParts();
  const files = fontFiles();
  GlobalFonts.registerFromPath(files.regular, CHART_FONT_FAMILY);
  GlobalFonts.registerFromPath(files.bold, CHART_FONT_FAMILY);
  initialised = true;
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
