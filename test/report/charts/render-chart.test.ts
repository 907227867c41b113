import { describe, expect, it } from 'vitest';
import { formatTick, SERIES_COLOURS, type ChartSpec } from '../../../src/report/charts/index.js';
import { expandLigatures, renderChartSvg, renumberClipPaths } from '../../helpers-fast/skia-chart-reference.js';

const monthly: ChartSpec = {
  kind: 'bar',
  categories: ['Jan 2026', 'Feb 2026', 'Mar 2026'],
  series: [
    { label: 'Active people', values: [81, 95, 110] },
    { label: 'Contributors', values: [30, null, 47] },
  ],
  categoryAxisTitle: 'Month (UTC)',
  valueAxisTitle: 'People (distinct)',
};

/**
 * The text content of every `<text>` element, joined with spaces. Skia writes one `<text>` per
 * word (and an empty one for the space), so labels are checked on the joined string.
 */
function svgText(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((match) => match[1] ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** How often `needle` occurs in `haystack`. */
function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('renderChartSvg', () => {
  it('keeps chart text as SVG <text> in the DejaVu Sans family, not as paths', () => {
    const svg = renderChartSvg(monthly);
    expect(svg.startsWith('<?xml')).toBe(true);
    const text = svgText(svg);
    for (const label of [
      'Jan 2026',
      'Feb 2026',
      'Mar 2026',
      'Month (UTC)',
      'People (distinct)',
      'Active people',
      'Contributors',
    ]) {
      expect(count(text, label), label).toBe(1);
    }
    const families = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map((match) => match[1]));
    expect([...families]).toEqual(['DejaVu Sans']);
  });

  it('draws series in Okabe–Ito order and sizes the SVG as asked', () => {
    const svg = renderChartSvg({ ...monthly, width: 400, height: 200 });
    expect(svg).toMatch(/<svg[^>]* width="400" height="200"/);
    const fills = svg.toUpperCase();
    expect(fills).toContain(`FILL="${SERIES_COLOURS[0]}"`);
    expect(fills).toContain(`FILL="${SERIES_COLOURS[1]}"`);
    expect(fills).not.toContain(`FILL="${SERIES_COLOURS[2]}"`);
  });

  it('omits the legend for a single series', () => {
    const svg = renderChartSvg({ ...monthly, series: [{ label: 'Threads answered', values: [1, 2, 3] }] });
    expect(svgText(svg)).not.toContain('Threads answered');
  });

  it('gives the same SVG for the same spec', () => {
    expect(renderChartSvg(monthly)).toBe(renderChartSvg(monthly));
  });

  // The Skia SVG is the reference the PDF drawing is tested against (pdf-chart-canvas.test.ts): curves only.
  it('writes point markers as curves, never as arcs, circles or ellipses', () => {
    for (const kind of ['line', 'step', 'bar'] as const) {
      const spec: ChartSpec =
        kind === 'step'
          ? {
              ...monthly,
              kind,
              xValues: [
                [0, 1, 2],
                [0, 1, 2],
              ],
              xMax: 3,
            }
          : { ...monthly, kind };
      const svg = renderChartSvg(spec);
      expect(svg, kind).not.toMatch(/<(circle|ellipse)\b/);
      const paths = [...svg.matchAll(/ d="([^"]*)"/g)].map((match) => match[1] ?? '');
      expect(paths.length, kind).toBeGreaterThan(0);
      for (const path of paths) expect(path, kind).not.toMatch(/[Aa]/);
      // The line chart's round point markers are there, as curves.
      if (kind === 'line') expect(paths.some((path) => /[QqCc]/.test(path))).toBe(true);
    }
  });

  // The reference (skia-chart-reference.ts) has Skia trace full circles as four cubics (not 32 quadratics): fewer curves to place.
  it('draws each round point marker as four cubic curves on the circle of its radius', () => {
    const svg = renderChartSvg({ ...monthly, kind: 'line' });
    const markers = [...svg.matchAll(/ d="(M[^"]*C[^"]*)"/g)].map((match) => match[1] ?? '');
    // Five values (one of the six is a gap), each marker filled and then stroked: 10 paths, no quadratics.
    expect(markers).toHaveLength(10);
    expect(svg).not.toMatch(/ d="[^"]*Q/);
    for (const path of markers) {
      const numbers = [...path.matchAll(/-?[\d.]+/g)].map((match) => Number(match[0]));
      // M x0 y0, then four C segments of three points each.
      expect(path.match(/C/g), path).toHaveLength(4);
      expect(numbers, path).toHaveLength(2 + 4 * 6);
      const point = (index: number): [number, number] => [numbers[2 * index] ?? NaN, numbers[2 * index + 1] ?? NaN];
      // Start (angle 0) and the end of the second segment (angle 180°) are opposite ends of a diameter.
      const [startX, startY] = point(0);
      const [oppositeX, oppositeY] = point(6);
      const centre: [number, number] = [(startX + oppositeX) / 2, (startY + oppositeY) / 2];
      const radius = Math.hypot(startX - oppositeX, startY - oppositeY) / 2;
      expect(radius).toBeCloseTo(2.5, 3);
      for (let segment = 0; segment < 4; segment++) {
        const [p0, p1, p2, p3] = [
          point(3 * segment),
          point(3 * segment + 1),
          point(3 * segment + 2),
          point(3 * segment + 3),
        ];
        for (let step = 0; step <= 8; step++) {
          const t = step / 8;
          const u = 1 - t;
          const at = (axis: 0 | 1): number =>
            u * u * u * p0[axis] + 3 * u * u * t * p1[axis] + 3 * u * t * t * p2[axis] + t * t * t * p3[axis];
          // The best four-cubic circle strays 0.027 % of the radius; Skia prints about 5 decimals.
          expect(Math.abs(Math.hypot(at(0) - centre[0], at(1) - centre[1]) - radius), path).toBeLessThan(0.002);
        }
      }
    }
  });

  it('renders line, stacked and horizontal bars, with category labels on the right axis', () => {
    for (const kind of ['line', 'stackedBar', 'horizontalBar'] as const) {
      const text = svgText(renderChartSvg({ ...monthly, kind }));
      for (const label of ['Jan 2026', 'Mar 2026', 'People (distinct)'])
        expect(text, `${kind} ${label}`).toContain(label);
    }
    // Stacked: the value axis must reach at least 110 + 47 = 157, so a 160 tick appears.
    expect(svgText(renderChartSvg({ ...monthly, kind: 'stackedBar' }))).toMatch(/\b160\b/);
    expect(svgText(renderChartSvg({ ...monthly, kind: 'bar' }))).not.toMatch(/\b160\b/);
  });

  it('prints percent ticks from fractions', () => {
    const text = svgText(
      renderChartSvg({
        kind: 'bar',
        categories: ['a', 'b'],
        series: [{ label: 'rate', values: [0.5, 1] }],
        categoryAxisTitle: 'Space',
        valueAxisTitle: 'Answered (%)',
        valueFormat: 'percent',
      }),
    );
    expect(text.split(' ')).toContain('100%');
    expect(text.split(' ')).toContain('50%');
  });
});

describe('formatTick', () => {
  it('formats counts, decimals and percents with a fixed locale', () => {
    expect(formatTick(12345, 'count')).toBe('12,345');
    expect(formatTick(2.25, 'decimal')).toBe('2.3');
    expect(formatTick(0.255, 'percent')).toBe('26%');
  });
});

describe('renumberClipPaths', () => {
  it('numbers clip path ids per SVG in order of appearance', () => {
    const svg = '<clipPath id="cl_1f"/><g clip-path="url(#cl_1f)"/><clipPath id="cl_2a"/><g clip-path="url(#cl_2a)"/>';
    expect(renumberClipPaths(svg)).toBe(
      '<clipPath id="clip1"/><g clip-path="url(#clip1)"/><clipPath id="clip2"/><g clip-path="url(#clip2)"/>',
    );
  });
});

describe('expandLigatures', () => {
  it('writes ligature characters back as letters placed from the first x', () => {
    const svg = '<text fill="#000" x="-6.2, -1.5, 3.1, " y="2.2, ">ﬁrst</text><text x="1, 2, ">ok</text>';
    expect(expandLigatures(svg)).toBe('<text fill="#000" x="-6.2" y="2.2, ">first</text><text x="1, 2, ">ok</text>');
  });

  it('leaves no ligature in a rendered chart', () => {
    const svg = renderChartSvg({ ...monthly, valueAxisTitle: 'Hours to the first reply' });
    expect(svgText(svg)).toContain('Hours to the first reply');
  });
});
