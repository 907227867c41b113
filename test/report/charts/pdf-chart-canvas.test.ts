import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { drawChart, type ChartSpec } from '../../../src/report/charts/index.js';
import { renderChartSvg } from '../../helpers-fast/skia-chart-reference.js';
import { parseColour, parseFont } from '../../../src/report/pdf/canvas-styles.js';
import { PdfChartContext } from '../../../src/report/pdf/chart-canvas.js';
import { registerPrimaryFonts } from '../../../src/report/pdf/fonts.js';

/**
 * The charts are drawn straight into the PDF (chart-canvas.ts). The Skia SVG canvas they were drawn
 * on before is the independent reference: Skia measures and shapes text with HarfBuzz and places
 * each word itself, so the same words at the same places (to a hundredth of a point) show that
 * Chart.js laid the chart out the same and that the text baselines and alignments are Skia's.
 */

const monthly: ChartSpec = {
  kind: 'bar',
  categories: ['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026'],
  series: [
    { label: 'Active people', values: [81, 95, 110, 104, 120, 131] },
    { label: 'Contributors', values: [30, null, 47, 52, 49, 61] },
  ],
  categoryAxisTitle: 'Month (UTC)',
  valueAxisTitle: 'People (distinct)',
  width: 257.5,
  height: 180,
};

const SPECS: Array<[string, ChartSpec]> = [
  ['bar', monthly],
  ['line', { ...monthly, kind: 'line' }],
  ['stacked bar', { ...monthly, kind: 'stackedBar' }],
  [
    'horizontal bar with value labels',
    {
      ...monthly,
      kind: 'horizontalBar',
      series: [{ label: 'Ideas', values: [14, 11, 9, 5, 4, 0] }],
      valueLabels: true,
      valueFormat: 'count',
    },
  ],
  [
    'vertical bar with percent value labels',
    {
      ...monthly,
      series: [{ label: 'Share', values: [0.12, 0.43, 0.9, 0.5, 0.25, 0.05] }],
      valueLabels: true,
      valueFormat: 'percent',
      valueMax: 1,
    },
  ],
  [
    'step',
    {
      ...monthly,
      kind: 'step',
      categories: [],
      series: [{ label: 'Still waiting', values: [1, 0.8, 0.5, 0.2] }],
      xValues: [[0, 2, 5, 9]],
      xMax: 10,
      valueFormat: 'percent',
    },
  ],
];

interface Word {
  text: string;
  x: number;
  y: number;
}

/** Each word Skia wrote, at the absolute position of its first glyph's baseline. */
function skiaWords(svg: string): Word[] {
  const words: Word[] = [];
  for (const match of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const attributes = match[1] ?? '';
    const text = match[2] ?? '';
    if (text.trim() === '') continue;
    // One x per glyph (one glyph per letter here: no ligature in these charts' words).
    const xs = (/ x="([^"]*)"/.exec(attributes)?.[1] ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const y = Number(/ y="\s*(-?[\d.]+)/.exec(attributes)?.[1]);
    const transform = / transform="([a-z]+)\(([^)]*)\)"/.exec(attributes);
    const numbers = (transform?.[2] ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] =
      transform?.[1] === 'matrix'
        ? numbers
        : transform?.[1] === 'translate'
          ? [1, 0, 0, 1, numbers[0] ?? 0, numbers[1] ?? 0]
          : [];
    // Skia writes a word, or several with their spaces, per <text>: split at spaces.
    for (const word of text.matchAll(/\S+/g)) {
      const x = xs[word.index] ?? NaN;
      words.push({ text: word[0], x: a * x + c * y + e, y: b * x + d * y + f });
    }
  }
  return words;
}

function newPdf(): PDFKit.PDFDocument {
  // Uncompressed, so a test can read the content stream.
  const pdf = new PDFDocument({ size: 'A4', margin: 0, compress: false, info: { CreationDate: new Date(0) } });
  registerPrimaryFonts(pdf);
  return pdf;
}

/**
 * Each word the PDF drawing writes, at its baseline position in chart coordinates: pdf.text is
 * watched, the transform read from pdfkit's matrix (`_ctm`) relative to the one before the chart,
 * and words placed along the string by pdfkit's own widths.
 */
function pdfWords(spec: ChartSpec): Word[] {
  const pdf = newPdf();
  const words: Word[] = [];
  const matrix = (): number[] => [...(Reflect.get(pdf, '_ctm') as number[])];
  // The page's own matrix (pdfkit flips y on a new page): chart coordinates are relative to it.
  const [sa = 1, sb = 0, sc = 0, sd = 1, se = 0, sf = 0] = matrix();
  const det = sa * sd - sb * sc;
  const toChart = (px: number, py: number): [number, number] => [
    (sd * (px - se) - sc * (py - sf)) / det,
    (-sb * (px - se) + sa * (py - sf)) / det,
  ];
  const text = pdf.text.bind(pdf);
  const watched = (value: string, x?: number, y?: number, options?: PDFKit.Mixins.TextOptions): PDFKit.PDFDocument => {
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = matrix();
    let offset = 0;
    for (const word of value.split(' ')) {
      if (word !== '') {
        const wx = (x ?? 0) + offset;
        const [cx, cy] = toChart(a * wx + c * (y ?? 0) + e, b * wx + d * (y ?? 0) + f);
        words.push({ text: word, x: cx, y: cy });
      }
      offset += pdf.widthOfString(`${word} `);
    }
    return text(value, x, y, options);
  };
  pdf.text = watched as typeof pdf.text;
  const width = Math.trunc(spec.width ?? 0);
  const height = Math.trunc(spec.height ?? 0);
  drawChart(new PdfChartContext(pdf, width, height).canvas, { ...spec, width, height });
  pdf.end();
  return words;
}

describe('charts drawn straight into the PDF', () => {
  for (const [name, spec] of SPECS) {
    it(`writes the same words at the same places as the Skia reference: ${name}`, () => {
      const svgSpec = { ...spec, width: Math.trunc(spec.width ?? 0), height: Math.trunc(spec.height ?? 0) };
      const expected = skiaWords(renderChartSvg(svgSpec));
      const actual = pdfWords(spec);
      expect(actual.map((word) => word.text)).toEqual(expected.map((word) => word.text));
      expect(expected.length).toBeGreaterThan(8);
      actual.forEach((word, index) => {
        const reference = expected[index];
        expect(Math.abs(word.x - (reference?.x ?? NaN)), `${word.text} x`).toBeLessThan(0.01);
        expect(Math.abs(word.y - (reference?.y ?? NaN)), `${word.text} y`).toBeLessThan(0.01);
      });
    });
  }

  it('keeps the chart vector: markers as four cubic curves, clipping as a clip path, no soft masks', async () => {
    const pdf = newPdf();
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => pdf.on('end', resolve));
    const context = new PdfChartContext(pdf, 257, 180);
    const curves: number[][] = [];
    const bezier = pdf.bezierCurveTo.bind(pdf);
    pdf.bezierCurveTo = (...args: Parameters<typeof pdf.bezierCurveTo>) => {
      curves.push(args);
      return bezier(...args);
    };
    drawChart(context.canvas, { ...monthly, kind: 'line', width: 257, height: 180 });
    pdf.end();
    await ended;
    const file = Buffer.concat(chunks).toString('latin1');
    // Chart.js clips the axes and the plot area: plain clipping paths (svg-to-pdfkit made soft masks).
    expect(file).toMatch(/\bW n\b/);
    expect(file).not.toContain('/SMask');
    expect(file).not.toContain('/Subtype /Image');
    // 11 values (one gap), each marker filled then stroked, four cubics a marker.
    expect(curves).toHaveLength(11 * 2 * 4);
    for (let marker = 0; marker < curves.length / 4; marker++) {
      const quarters = curves.slice(marker * 4, marker * 4 + 4);
      const ends = quarters.map((curve) => [curve[4] ?? NaN, curve[5] ?? NaN]);
      // The ends of the quarters: bottom, left, top, right of a 2.5 pt circle.
      const centre = [((ends[1]?.[0] ?? 0) + (ends[3]?.[0] ?? 0)) / 2, ((ends[0]?.[1] ?? 0) + (ends[2]?.[1] ?? 0)) / 2];
      for (const [x, y] of ends)
        expect(Math.hypot((x ?? 0) - (centre[0] ?? 0), (y ?? 0) - (centre[1] ?? 0))).toBeCloseTo(2.5, 6);
    }
  });

  it('draws arcs on their circle, the asked way round', () => {
    const pdf = newPdf();
    const context = new PdfChartContext(pdf, 100, 100);
    const points: Array<[number, number]> = [];
    pdf.moveTo = ((x: number, y: number) => {
      points.push([x, y]);
      return pdf;
    }) as typeof pdf.moveTo;
    pdf.bezierCurveTo = ((_x1: number, _y1: number, _x2: number, _y2: number, x: number, y: number) => {
      points.push([x, y]);
      return pdf;
    }) as typeof pdf.bezierCurveTo;
    pdf.fill = (() => pdf) as typeof pdf.fill;
    context.beginPath();
    // Three quarters counterclockwise from 0 (on screen, y down): ends at angle -3π/2 = straight down.
    context.arc(50, 50, 10, 0, (-3 * Math.PI) / 2, true);
    context.fill();
    expect(points).toHaveLength(1 + 3);
    for (const [x, y] of points) expect(Math.hypot(x - 50, y - 50)).toBeCloseTo(10, 9);
    const last = points.at(-1) ?? [NaN, NaN];
    expect(last[0]).toBeCloseTo(50, 9);
    expect(last[1]).toBeCloseTo(60, 9);
    // The first quarter counterclockwise goes through the top (y = 40), not the bottom.
    expect(points[1]?.[1]).toBeCloseTo(40, 9);
  });

  it('writes translucent paint in its own graphics state, and the stroke settings again after it', async () => {
    const pdf = newPdf();
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => pdf.on('end', resolve));
    const context = new PdfChartContext(pdf, 100, 100);
    context.lineWidth = 3;
    for (const colour of ['rgba(0, 114, 178, 0.5)', '#0072B2']) {
      context.strokeStyle = colour;
      context.beginPath();
      context.moveTo(10, 10);
      context.lineTo(90, 10);
      context.stroke();
    }
    pdf.end();
    await ended;
    const file = Buffer.concat(chunks).toString('latin1');
    // The first line width was set inside q ... Q with the opacity, so the second stroke sets it again.
    expect(file.match(/\b3 w\b/g)).toHaveLength(2);
    expect(file).toMatch(/q\n\/Gs\d+ gs\n3 w[\s\S]*?S\nQ\n3 w\n/);
  });

  it('reads the colour and font forms Chart.js writes', () => {
    expect(parseColour('#0072B2')).toEqual({ color: [0, 114, 178], alpha: 1 });
    expect(parseColour('#abc')).toEqual({ color: [170, 187, 204], alpha: 1 });
    expect(parseColour('rgba(0,0,0,0.1)')).toEqual({ color: [0, 0, 0], alpha: 0.1 });
    expect(parseColour('rgb(255, 99, 132)')).toEqual({ color: [255, 99, 132], alpha: 1 });
    expect(parseColour('transparent').alpha).toBe(0);
    expect(parseFont('normal bold 8.5px DejaVu Sans')).toEqual({ weight: 'bold', size: 8.5 });
    expect(parseFont('8.5px "DejaVu Sans"')).toEqual({ weight: 'regular', size: 8.5 });
    expect(parseFont('600 12px DejaVu Sans')).toEqual({ weight: 'bold', size: 12 });
  });
});
