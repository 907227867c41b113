import type { ChartCanvas } from '../charts/index.js';
import { type Paint, parseColour, parseFont } from './canvas-styles.js';
import { fontName, typoMetrics } from './fonts.js';

/**
 * A canvas for Chart.js that draws straight into the PDF page: the part of CanvasRenderingContext2D
 * Chart.js calls (paths, rectangles, arcs, fill, stroke, clip, transforms, text), over pdfkit's
 * vector operators. The charts used to be drawn on a Skia SVG canvas and the SVG parsed back by
 * svg-to-pdfkit, which measured every curve and bounded every clipped group's text: about 40 % of
 * the PDF's time for the sample pilot (bench/README.md, 2026-12-04). Text is set in the PDF's own
 * DejaVu faces and measured by pdfkit, which gives the same advance widths as Skia did.
 *
 * Chart coordinates are points, origin at the chart's top-left. Paths are kept in JavaScript and
 * written when painted, because a canvas path outlives fill() (Chart.js fills and then strokes the
 * same path) while a PDF path is consumed by its painting operator; the canvas transform is applied
 * to each point as it is added, as a canvas does, so the PDF's own matrix stays the chart origin
 * except around text.
 */

type Matrix = readonly [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

type Segment =
  | { op: 'move' | 'line'; x: number; y: number }
  | { op: 'cubic'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { op: 'rect'; x: number; y: number; w: number; h: number }
  | { op: 'close' };

/** Stroke settings last written to the PDF's graphics state (undefined: not known). */
interface Written {
  lineWidth?: number;
  lineCap?: string;
  lineJoin?: string;
  miterLimit?: number;
  dash?: string;
}

interface State {
  matrix: Matrix;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineCap: 'butt' | 'round' | 'square';
  lineJoin: 'miter' | 'round' | 'bevel';
  miterLimit: number;
  dash: number[];
  dashOffset: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  globalAlpha: number;
  written: Written;
}

/** pdfkit's dash() takes an array of lengths too, which its type declarations omit. */
type DashArray = (this: PDFKit.PDFDocument, lengths: number[], options: { phase: number }) => PDFKit.PDFDocument;

/** The handle length of a cubic Bézier quarter circle, per unit of radius: 4/3 · (√2 − 1). */
const QUARTER_CIRCLE_HANDLE = (4 / 3) * (Math.SQRT2 - 1);

/** Rounds to Skia's 1/64 pixel, so text baselines land where the Skia canvas put them. */
function to64th(value: number): number {
  return Math.round(value * 64) / 64;
}

/** A 2D context for Chart.js drawing into `pdf` with the chart's top-left at the PDF's current origin. */
export class PdfChartContext {
  readonly canvas: ChartCanvas;
  private state: State;
  private readonly stack: State[] = [];
  private path: Segment[] = [];
  private current: { x: number; y: number } | null = null;
  private start: { x: number; y: number } | null = null;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    width: number,
    height: number,
  ) {
    this.canvas = { width, height, getContext: () => this };
    this.state = {
      matrix: IDENTITY,
      fillStyle: '#000000',
      strokeStyle: '#000000',
      lineWidth: 1,
      lineCap: 'butt',
      lineJoin: 'miter',
      miterLimit: 10,
      dash: [],
      dashOffset: 0,
      font: '10px sans-serif',
      textAlign: 'start',
      textBaseline: 'alphabetic',
      globalAlpha: 1,
      written: {},
    };
  }

  // Style properties, as a canvas has them.
  get fillStyle(): string {
    return this.state.fillStyle;
  }
  set fillStyle(value: unknown) {
    if (typeof value === 'string') this.state.fillStyle = value;
  }
  get strokeStyle(): string {
    return this.state.strokeStyle;
  }
  set strokeStyle(value: unknown) {
    if (typeof value === 'string') this.state.strokeStyle = value;
  }
  get lineWidth(): number {
    return this.state.lineWidth;
  }
  set lineWidth(value: number) {
    if (Number.isFinite(value) && value > 0) this.state.lineWidth = value;
  }
  get lineCap(): string {
    return this.state.lineCap;
  }
  set lineCap(value: string) {
    if (value === 'butt' || value === 'round' || value === 'square') this.state.lineCap = value;
  }
  get lineJoin(): string {
    return this.state.lineJoin;
  }
  set lineJoin(value: string) {
    if (value === 'miter' || value === 'round' || value === 'bevel') this.state.lineJoin = value;
  }
  get miterLimit(): number {
    return this.state.miterLimit;
  }
  set miterLimit(value: number) {
    if (Number.isFinite(value) && value > 0) this.state.miterLimit = value;
  }
  get lineDashOffset(): number {
    return this.state.dashOffset;
  }
  set lineDashOffset(value: number) {
    if (Number.isFinite(value)) this.state.dashOffset = value;
  }
  get font(): string {
    return this.state.font;
  }
  set font(value: string) {
    this.state.font = value;
  }
  get textAlign(): string {
    return this.state.textAlign;
  }
  set textAlign(value: string) {
    this.state.textAlign = value;
  }
  get textBaseline(): string {
    return this.state.textBaseline;
  }
  set textBaseline(value: string) {
    this.state.textBaseline = value;
  }
  get globalAlpha(): number {
    return this.state.globalAlpha;
  }
  set globalAlpha(value: number) {
    if (Number.isFinite(value) && value >= 0 && value <= 1) this.state.globalAlpha = value;
  }

  setLineDash(segments: readonly number[]): void {
    if (!segments.every((length) => Number.isFinite(length) && length >= 0)) return;
    this.state.dash = segments.length % 2 === 1 ? [...segments, ...segments] : [...segments];
  }
  getLineDash(): number[] {
    return [...this.state.dash];
  }

  // State: the canvas state in JavaScript, the clip (and written stroke settings) in the PDF's.
  save(): void {
    this.stack.push({ ...this.state, dash: [...this.state.dash], written: { ...this.state.written } });
    this.pdf.save();
  }
  restore(): void {
    const saved = this.stack.pop();
    if (!saved) return;
    this.state = saved;
    this.pdf.restore();
  }

  // Transforms.
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.state.matrix = [a, b, c, d, e, f];
  }
  resetTransform(): void {
    this.state.matrix = IDENTITY;
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    const [ma, mb, mc, md, me, mf] = this.state.matrix;
    this.state.matrix = [
      ma * a + mc * b,
      mb * a + md * b,
      ma * c + mc * d,
      mb * c + md * d,
      ma * e + mc * f + me,
      mb * e + md * f + mf,
    ];
  }
  translate(x: number, y: number): void {
    this.transform(1, 0, 0, 1, x, y);
  }
  rotate(angle: number): void {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    this.transform(cos, sin, -sin, cos, 0, 0);
  }
  scale(x: number, y: number): void {
    this.transform(x, 0, 0, y, 0, 0);
  }

  private point(x: number, y: number): { x: number; y: number } {
    const [a, b, c, d, e, f] = this.state.matrix;
    return { x: a * x + c * y + e, y: b * x + d * y + f };
  }

  // Paths.
  beginPath(): void {
    this.path = [];
    this.current = null;
    this.start = null;
  }
  moveTo(x: number, y: number): void {
    const p = this.point(x, y);
    this.path.push({ op: 'move', ...p });
    this.current = p;
    this.start = p;
  }
  lineTo(x: number, y: number): void {
    if (!this.current) {
      this.moveTo(x, y);
      return;
    }
    const p = this.point(x, y);
    this.path.push({ op: 'line', ...p });
    this.current = p;
  }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    if (!this.current) this.moveTo(x1, y1);
    const c1 = this.point(x1, y1);
    const c2 = this.point(x2, y2);
    const p = this.point(x, y);
    this.path.push({ op: 'cubic', x1: c1.x, y1: c1.y, x2: c2.x, y2: c2.y, x: p.x, y: p.y });
    this.current = p;
  }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
    if (!this.current) this.moveTo(cx, cy);
    // The current point is in page space; the control points are raised to a cubic there.
    const from = this.current ?? this.point(cx, cy);
    const control = this.point(cx, cy);
    const p = this.point(x, y);
    this.path.push({
      op: 'cubic',
      x1: from.x + (2 / 3) * (control.x - from.x),
      y1: from.y + (2 / 3) * (control.y - from.y),
      x2: p.x + (2 / 3) * (control.x - p.x),
      y2: p.y + (2 / 3) * (control.y - p.y),
      x: p.x,
      y: p.y,
    });
    this.current = p;
  }
  closePath(): void {
    if (!this.current) return;
    this.path.push({ op: 'close' });
    this.current = this.start;
  }
  rect(x: number, y: number, w: number, h: number): void {
    const [a, b, c, d] = this.state.matrix;
    if (b === 0 && c === 0) {
      const p = this.point(x, y);
      this.path.push({ op: 'rect', x: p.x, y: p.y, w: w * a, h: h * d });
    } else {
      this.moveTo(x, y);
      this.lineTo(x + w, y);
      this.lineTo(x + w, y + h);
      this.lineTo(x, y + h);
      this.path.push({ op: 'close' });
    }
    // A canvas starts a new subpath at the rectangle's corner.
    const p = this.point(x, y);
    this.current = p;
    this.start = p;
  }

  /**
   * An arc as cubic Béziers: a full circle (Chart.js's round point markers) as four quarters from
   * angle 0, as PDF renderers draw circles (within 0.03 % of the radius); other arcs in pieces of
   * at most a quarter turn. Joined to the current point by a line, as a canvas does.
   */
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number, counterclockwise = false): void {
    if (radius < 0 || !Number.isFinite(radius)) return;
    let sweep = endAngle - startAngle;
    if (!counterclockwise && sweep >= 2 * Math.PI) sweep = 2 * Math.PI;
    else if (counterclockwise && -sweep >= 2 * Math.PI) sweep = -2 * Math.PI;
    else {
      // Canvas semantics: the sweep goes the asked way round, within one turn.
      const turn = 2 * Math.PI;
      sweep = ((sweep % turn) + turn) % turn;
      if (counterclockwise && sweep !== 0) sweep -= turn;
    }
    const at = (angle: number): [number, number] => [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
    const [sx, sy] = at(startAngle);
    if (this.current) this.lineTo(sx, sy);
    else this.moveTo(sx, sy);
    if (radius === 0 || sweep === 0) return;
    const pieces = Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9);
    const step = sweep / pieces;
    const handle = (4 / 3) * Math.tan(step / 4) * radius;
    const quarter = Math.abs(Math.abs(step) - Math.PI / 2) < 1e-12;
    for (let index = 0; index < pieces; index++) {
      const from = startAngle + index * step;
      const to = from + step;
      // A quarter turn uses the exact circle handle (the same numbers as four cubics of a circle).
      const k = quarter ? Math.sign(step) * radius * QUARTER_CIRCLE_HANDLE : handle;
      const [x0, y0] = at(from);
      const [x3, y3] = at(to);
      this.bezierCurveTo(
        x0 - k * Math.sin(from),
        y0 + k * Math.cos(from),
        x3 + k * Math.sin(to),
        y3 - k * Math.cos(to),
        x3,
        y3,
      );
    }
  }

  /** Writes the current path into the PDF (to be consumed by one painting operator). */
  private writePath(path: readonly Segment[]): void {
    const pdf = this.pdf;
    for (const segment of path) {
      switch (segment.op) {
        case 'move':
          pdf.moveTo(segment.x, segment.y);
          break;
        case 'line':
          pdf.lineTo(segment.x, segment.y);
          break;
        case 'cubic':
          pdf.bezierCurveTo(segment.x1, segment.y1, segment.x2, segment.y2, segment.x, segment.y);
          break;
        case 'rect':
          pdf.rect(segment.x, segment.y, segment.w, segment.h);
          break;
        case 'close':
          pdf.closePath();
          break;
      }
    }
  }

  /** The colour of `style` with the global alpha applied; null when nothing would show. */
  private paint(style: string): Paint | null {
    const paint = parseColour(style);
    const alpha = paint.alpha * this.state.globalAlpha;
    if (alpha <= 0) return null;
    return { color: paint.color, alpha };
  }

  /** Runs `draw` with `alpha` as the PDF's fill and stroke opacity, in its own graphics state when below 1. */
  private withAlpha(alpha: number, draw: () => void): void {
    if (alpha >= 1) {
      draw();
      return;
    }
    const written = { ...this.state.written };
    this.pdf.save();
    this.pdf.opacity(alpha);
    draw();
    this.pdf.restore();
    // The restore put back the PDF's stroke settings of before; so does the record of them.
    this.state.written = written;
  }

  fill(): void {
    const paint = this.paint(this.state.fillStyle);
    if (!paint || this.path.length === 0) return;
    this.withAlpha(paint.alpha, () => {
      this.pdf.fillColor(paint.color);
      this.writePath(this.path);
      this.pdf.fill('nonzero');
    });
  }

  private writeStrokeSettings(): void {
    const pdf = this.pdf;
    const [a, b, c, d] = this.state.matrix;
    // Line widths and dashes scale with the transform at stroke time, as on a canvas.
    const scale = Math.sqrt(Math.abs(a * d - b * c)) || 1;
    const written = this.state.written;
    const width = this.state.lineWidth * scale;
    if (written.lineWidth !== width) pdf.lineWidth((written.lineWidth = width));
    if (written.lineCap !== this.state.lineCap) pdf.lineCap((written.lineCap = this.state.lineCap));
    if (written.lineJoin !== this.state.lineJoin) pdf.lineJoin((written.lineJoin = this.state.lineJoin));
    if (written.miterLimit !== this.state.miterLimit) pdf.miterLimit((written.miterLimit = this.state.miterLimit));
    const dash = this.state.dash.map((length) => length * scale);
    const key =
      dash.length === 0 || dash.every((length) => length === 0) ? '' : `${dash.join(' ')}@${this.state.dashOffset}`;
    if (written.dash !== key) {
      written.dash = key;
      // pdfkit refuses zero lengths; a canvas allows them (a dot for round caps): a hair instead.
      if (key === '') pdf.undash();
      else
        (pdf.dash as unknown as DashArray).call(
          pdf,
          dash.map((length) => Math.max(length, 1e-3)),
          { phase: this.state.dashOffset * scale },
        );
    }
  }

  stroke(): void {
    const paint = this.paint(this.state.strokeStyle);
    if (!paint || this.path.length === 0) return;
    this.withAlpha(paint.alpha, () => {
      this.writeStrokeSettings();
      this.pdf.strokeColor(paint.color);
      this.writePath(this.path);
      this.pdf.stroke();
    });
  }

  clip(): void {
    this.writePath(this.path);
    this.pdf.clip('nonzero');
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    const saved = { path: this.path, current: this.current, start: this.start };
    this.beginPath();
    this.rect(x, y, w, h);
    this.fill();
    ({ path: this.path, current: this.current, start: this.start } = saved);
  }

  strokeRect(x: number, y: number, w: number, h: number): void {
    const saved = { path: this.path, current: this.current, start: this.start };
    this.beginPath();
    this.rect(x, y, w, h);
    this.stroke();
    ({ path: this.path, current: this.current, start: this.start } = saved);
  }

  /**
   * Chart.js clears the canvas before it draws and when it is destroyed; a PDF page cannot be
   * cleared, and the area starts blank, so this does nothing.
   */
  clearRect(): void {}

  /** Selects the chart text's face and size in the PDF; returns the size. */
  private useFont(): number {
    const { weight, size } = parseFont(this.state.font);
    this.pdf.font(fontName(weight, false)).fontSize(size);
    return size;
  }

  measureText(text: string): { width: number } {
    this.useFont();
    return { width: this.pdf.widthOfString(text) };
  }

  /** The baseline's offset below `y` for the current textBaseline, as Skia placed it. */
  private baselineOffset(size: number): number {
    const metrics = typoMetrics(this.pdf);
    const top = to64th((metrics.ascender / 1000) * size);
    const bottom = to64th((metrics.descender / 1000) * size);
    switch (this.state.textBaseline) {
      case 'top':
      case 'hanging':
        return top;
      case 'middle':
        return (top + bottom) / 2;
      case 'bottom':
      case 'ideographic':
        return bottom;
      default:
        return 0;
    }
  }

  fillText(text: string, x: number, y: number, maxWidth?: number): void {
    const paint = this.paint(this.state.fillStyle);
    if (!paint || text.length === 0) return;
    const pdf = this.pdf;
    const size = this.useFont();
    const width = pdf.widthOfString(text);
    const squeeze = maxWidth !== undefined && maxWidth > 0 && width > maxWidth ? maxWidth / width : 1;
    const drawn = width * squeeze;
    const align = this.state.textAlign;
    const left = align === 'center' ? x - drawn / 2 : align === 'right' || align === 'end' ? x - drawn : x;
    const baseline = y + this.baselineOffset(size);
    const [a, b, c, d, e, f] = this.state.matrix;
    const { x: docX, y: docY } = pdf;
    pdf.save();
    if (paint.alpha < 1) pdf.opacity(paint.alpha);
    pdf.transform(a, b, c, d, e, f);
    if (squeeze !== 1) pdf.transform(squeeze, 0, 0, 1, left * (1 - squeeze), 0);
    pdf.fillColor(paint.color);
    pdf.text(text, left, baseline, { lineBreak: false, baseline: 'alphabetic' });
    pdf.restore();
    pdf.x = docX;
    pdf.y = docY;
  }

  /** Chart.js strokes text only when a text stroke width is set, which our charts never do. */
  strokeText(): void {}
}
