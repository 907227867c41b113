/**
 * A text wrapped into lines once, then drawn from those lines.
 *
 * The report measures every text before drawing it (a table sizes its rows, `ensureSpace` keeps a
 * block on one page), and pdfkit's `text()` then wraps it again to draw it: its line wrapper runs
 * the line breaker and asks for every word's width a second time. Here the measuring pass is
 * pdfkit's own `heightOfString` keeping the lines its wrapper emits, and drawing places those
 * lines as pdfkit's `text()` would (its `_fragment` per line, the same y steps). Where `text()`
 * would have moved on to a new page, `drawWrappedLines` declines and the caller draws with
 * `text()` as before, so the bytes are the same either way (test/report/pdf/wrapped-lines.test.ts).
 */

/** One line as pdfkit's line wrapper emits it, with what its drawing reads. */
export interface WrappedLine {
  text: string;
  /** Width of the line's words (the wrapper's `textWidth`), read by right and centre alignment. */
  textWidth: number;
  wordCount: number;
  /** The wrapper's line width (the box width). */
  lineWidth: number;
}

/** A wrapped text: its height as `heightOfString` gives it, and its lines. */
export interface Wrapped {
  height: number;
  lines: WrappedLine[];
}

type LineCallback = (line: string, options: Record<string, unknown>) => void;

/** pdfkit's text internals this module calls (not in its public types; checked at run time). */
interface TextInternals {
  _initOptions(options: object): Record<string, unknown>;
  _text(text: string, x: number, y: number, options: object, lineCallback: LineCallback): unknown;
  _fragment(text: string, x: number, y: number, options: object): unknown;
  _lineGap: unknown;
}

/**
 * pdfkit's `heightOfString(text, { width, lineGap })` in the current font and size, keeping the
 * lines. The same calls and arithmetic, so the height is the same to the bit.
 */
export function wrapLines(pdf: PDFKit.PDFDocument, text: string, width: number, lineGap: number): Wrapped {
  const internals = textInternals(pdf);
  const { x, y } = pdf;
  const options = internals._initOptions({ width, lineGap });
  options['height'] = Infinity;
  const gap = stepGap(options['lineGap'], internals);
  const lines: WrappedLine[] = [];
  internals._text(text, pdf.x, pdf.y, options, (line, lineOptions) => {
    lines.push({
      text: line,
      textWidth: Number(lineOptions['textWidth']),
      wordCount: Number(lineOptions['wordCount']),
      lineWidth: Number(lineOptions['lineWidth']),
    });
    pdf.y += pdf.currentLineHeight(true) + gap;
  });
  const height = pdf.y - y;
  pdf.x = x;
  pdf.y = y;
  return { height, lines };
}

/** How a wrapped text is drawn: what `text()` was given besides the text. */
export interface LinePlacement {
  x: number;
  /** The first line's baseline (the y given to `text()`). */
  baseline: number;
  width: number;
  align: 'left' | 'center' | 'right';
  lineGap: number;
}

/**
 * Draws `wrapped` as `pdf.text(text, x, baseline, { width, align, lineGap, baseline: 'alphabetic' })`
 * would in the current font, size and colour; returns false, drawing nothing, when that call would
 * have started a new page (or might have: the check errs towards declining).
 */
export function drawWrappedLines(
  pdf: PDFKit.PDFDocument,
  wrapped: Wrapped,
  text: string,
  place: LinePlacement,
): boolean {
  const internals = textInternals(pdf);
  const options = internals._initOptions({
    width: place.width,
    align: place.align,
    lineGap: place.lineGap,
    baseline: 'alphabetic',
    continued: false,
  });
  const gap = stepGap(options['lineGap'], internals);
  const lineHeight = pdf.currentLineHeight(true);
  if (!staysOnPage(pdf, wrapped.lines.length, text, place.baseline, lineHeight, gap)) return false;
  pdf.x = place.x;
  pdf.y = place.baseline;
  for (const line of wrapped.lines) {
    options['textWidth'] = line.textWidth;
    options['wordCount'] = line.wordCount;
    options['lineWidth'] = line.lineWidth;
    internals._fragment(line.text, pdf.x, pdf.y, options);
    pdf.y += pdf.currentLineHeight(true) + gap;
  }
  pdf.x = place.x;
  return true;
}

/** pdfkit's step between lines: `options.lineGap || doc._lineGap || 0`. */
function stepGap(lineGap: unknown, internals: TextInternals): number {
  const gap = lineGap || internals._lineGap || 0;
  return typeof gap === 'number' ? gap : 0;
}

/**
 * Whether pdfkit's line wrapper would draw every line on this page: it starts a new page when the
 * first line does not fit, and after each line emitted while wrapping when the next would not (the
 * last line too when the text ends in a line break). Kept a hundredth of a point on the safe side
 * of pdfkit's float rounding of these positions.
 */
function staysOnPage(
  pdf: PDFKit.PDFDocument,
  lineCount: number,
  text: string,
  baseline: number,
  lineHeight: number,
  gap: number,
): boolean {
  const pageMaxY: unknown = Reflect.get(pdf.page, 'maxY');
  if (typeof pageMaxY !== 'function') return false;
  const bottom: unknown = Reflect.apply(pageMaxY, pdf.page, []);
  if (typeof bottom !== 'number') return false;
  const maxY = bottom - 0.01;
  if (baseline > maxY || baseline + lineHeight > maxY) return false;
  const checked = /[\n\u000B\u000C\u0085\u2028\u2029]$/u.test(text) ? lineCount : lineCount - 1;
  let y = baseline;
  for (let index = 0; index < checked; index++) {
    y += lineHeight + gap;
    if (y + lineHeight > maxY) return false;
  }
  return true;
}

function textInternals(pdf: PDFKit.PDFDocument): TextInternals {
  for (const name of ['_initOptions', '_text', '_fragment']) {
    if (typeof Reflect.get(pdf, name) !== 'function') throw new Error(`pdfkit text internals changed: no ${name}`);
  }
  return pdf as unknown as TextInternals;
}
