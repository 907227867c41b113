import { covers, currentFont, fontName, registerFallbackFonts, type FontWeight } from './fonts.js';
import { SPACE } from './theme.js';
import { splitRuns, type TextRun } from './text-runs.js';
import { drawWrappedLines, type LinePlacement, wrapLines, type Wrapped } from './wrapped-lines.js';

/** How a piece of text looks. */
export interface TextStyle {
  weight: FontWeight;
  size: number;
  color: string;
}

/** Where a piece of text goes: `y` is the top of the first line; lines wrap at `width`. */
export interface TextBox {
  x: number;
  y: number;
  width: number;
  align?: 'left' | 'center' | 'right';
  lineGap?: number;
}

// Control characters (other than newline) would draw as boxes; tabs and CR become spaces.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F]/gu;

/** Text as the PDF draws it: CRLF and control characters normalised. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, ' ');
}

/** Splits `text` into runs the primary (DejaVu) and fallback (Noto Sans SC) faces can draw. */
export function textRuns(pdf: PDFKit.PDFDocument, text: string): TextRun[] {
  return splitRuns(
    text,
    (codePoint) => covers(pdf, codePoint, false),
    (codePoint) => covers(pdf, codePoint, true),
  );
}

function useFont(pdf: PDFKit.PDFDocument, style: TextStyle, fallback: boolean): void {
  if (fallback) registerFallbackFonts(pdf);
  pdf.font(fontName(style.weight, fallback)).fontSize(style.size);
}

/** A measured height, and the face the measurement left selected (callers may rely on it). */
interface Measured {
  height: number;
  fallback: boolean;
  /** A text in one face: its one run's text and its lines as wrapped to measure it, to draw from. */
  single?: { text: string; wrapped: Wrapped };
}

/**
 * Heights already measured, per document. Tables measure every cell to size the row, then draw it
 * (measuring again), and fitOneLine measures the same prefixes; pdfkit's line wrapping through
 * fontkit's layout was a quarter of the sample pilot's PDF time (bench/README.md, "sample pilot").
 */
const measured = new WeakMap<PDFKit.PDFDocument, Map<string, Measured>>();

/** Height `text` takes when drawn with `drawText` at `width`. */
export function measureText(
  pdf: PDFKit.PDFDocument,
  text: string,
  width: number,
  style: TextStyle,
  lineGap: number = SPACE.lineGap,
): number {
  const clean = cleanText(text);
  if (clean.length === 0) return 0;
  return measureClean(pdf, clean, width, style, lineGap).height;
}

/** `measureText` of a text already cleaned (not empty), with what the measurement kept. */
function measureClean(
  pdf: PDFKit.PDFDocument,
  clean: string,
  width: number,
  style: TextStyle,
  lineGap: number,
): Measured {
  let cache = measured.get(pdf);
  if (!cache) measured.set(pdf, (cache = new Map()));
  const key = `${style.weight}\u0000${style.size}\u0000${width}\u0000${lineGap}\u0000${clean}`;
  const known = cache.get(key);
  if (known) {
    useFont(pdf, style, known.fallback);
    return known;
  }
  const runs = textRuns(pdf, clean);
  const only = runs.length === 1 ? runs[0] : undefined;
  let result: Measured;
  if (only) {
    useFont(pdf, style, only.fallback);
    const wrapped = wrapLines(pdf, only.text, width, lineGap);
    result = { height: wrapped.height, fallback: only.fallback, single: { text: only.text, wrapped } };
  } else {
    const height = estimateMixedHeight(pdf, runs, width, style, lineGap);
    result = { height, fallback: runs.at(-1)?.fallback ?? false };
  }
  cache.set(key, result);
  return result;
}

/**
 * pdfkit cannot measure text spread over several fonts, so mixed text is estimated: its total
 * width per paragraph over the line width, with 10 % slack for word wrapping, times the taller
 * line height of the fonts involved. It errs on the tall side so nothing overlaps.
 */
function estimateMixedHeight(
  pdf: PDFKit.PDFDocument,
  runs: TextRun[],
  width: number,
  style: TextStyle,
  lineGap: number,
): number {
  let lineHeight = 0;
  let lines = 0;
  let paragraphWidth = 0;
  const closeParagraph = (): void => {
    lines += Math.max(1, Math.ceil((paragraphWidth * 1.1) / width));
    paragraphWidth = 0;
  };
  for (const run of runs) {
    useFont(pdf, style, run.fallback);
    lineHeight = Math.max(lineHeight, pdf.currentLineHeight(true));
    const parts = run.text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) closeParagraph();
      paragraphWidth += pdf.widthOfString(part);
    });
  }
  closeParagraph();
  return lines * (lineHeight + lineGap);
}

/**
 * Draws `text` in `box`, switching to the CJK face for characters DejaVu Sans lacks. All runs sit
 * on one alphabetic baseline (fonts with different ascenders would otherwise jump up and down).
 * Returns the height used, as `measureText` computes it.
 */
export function drawText(pdf: PDFKit.PDFDocument, text: string, box: TextBox, style: TextStyle): number {
  const clean = cleanText(text);
  if (clean.length === 0) return 0;
  const lineGap = box.lineGap ?? SPACE.lineGap;
  const measured = measureClean(pdf, clean, box.width, style, lineGap);
  const height = measured.height;
  // The baseline of the first line sits where pdfkit's default 'top' placement would put it.
  useFont(pdf, style, false);
  const baseline = box.y + (currentFont(pdf).ascender / 1000) * style.size;
  pdf.fillColor(style.color);
  // pdfkit checks page overflow from the y it is given, here the baseline, not the top; lowering
  // the bottom margin by the ascender for this call makes that check match the measured box.
  const bottomMargin = pdf.page.margins.bottom;
  pdf.page.margins.bottom = Math.max(0, bottomMargin - (baseline - box.y));
  const single = measured.single;
  // One face: drawn from the lines measured above, unless pdfkit would have gone on to a new page.
  if (single) useFont(pdf, style, measured.fallback);
  const place = { x: box.x, baseline, width: box.width, align: box.align ?? 'left', lineGap } as const;
  if (!single || !drawWrappedLines(pdf, single.wrapped, single.text, place)) {
    drawRuns(pdf, single ? [{ text: single.text, fallback: measured.fallback }] : textRuns(pdf, clean), place, style);
  }
  pdf.page.margins.bottom = bottomMargin;
  pdf.x = box.x;
  pdf.y = box.y + height;
  return height;
}

/** Draws runs one after the other through pdfkit's `text()`, each run continuing the previous one's line. */
function drawRuns(pdf: PDFKit.PDFDocument, runs: readonly TextRun[], place: LinePlacement, style: TextStyle): void {
  runs.forEach((run, index) => {
    useFont(pdf, style, run.fallback);
    const options: PDFKit.Mixins.TextOptions = {
      width: place.width,
      align: place.align,
      lineGap: place.lineGap,
      baseline: 'alphabetic',
      continued: index < runs.length - 1,
    };
    if (index === 0) pdf.text(run.text, place.x, place.baseline, options);
    else pdf.text(run.text, options);
  });
}

/**
 * `text` shortened with an ellipsis so that it fits on one line of `width` (running headers,
 * labels). Text that fits is returned unchanged.
 */
export function fitOneLine(pdf: PDFKit.PDFDocument, text: string, width: number, style: TextStyle): string {
  const clean = cleanText(text).replace(/\n/g, ' ');
  const oneLine = measureText(pdf, 'X', width, style);
  if (measureText(pdf, clean, width, style) <= oneLine) return clean;
  const chars = [...clean];
  let low = 0;
  let high = chars.length;
  // Longest prefix that still fits with the ellipsis: binary search over its length.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const candidate = `${chars.slice(0, middle).join('').trimEnd()}…`;
    if (measureText(pdf, candidate, width, style) <= oneLine) low = middle;
    else high = middle - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}…`;
}
