import { readFileSync } from 'node:fs';
import { fontFiles } from '../fonts/font-files.js';
import { encodeTrueTypeSubset, type FontkitSubset } from './truetype-subset.js';
import { shapeWord, type FontkitFont } from './word-shaping.js';

/**
 * Font registration and glyph coverage. DejaVu Sans is the primary face (Latin, Cyrillic, Greek);
 * Noto Sans SC is the fallback for what DejaVu lacks (CJK). The fallback file is 10 MB, so it is
 * only read and embedded when a string actually needs it.
 */

/** Weight of a text style. */
export type FontWeight = 'regular' | 'bold';

/** Names under which the fonts are registered in every report document. */
export const FONT_NAMES = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  cjkRegular: 'NotoSansSC',
  cjkBold: 'NotoSansSC-Bold',
} as const;

const buffers = new Map<string, Buffer>();

function fontBuffer(path: string): Buffer {
  let buffer = buffers.get(path);
  if (!buffer) {
    buffer = readFileSync(path);
    buffers.set(path, buffer);
  }
  return buffer;
}

/**
 * Registers the four faces under `FONT_NAMES`. Registration is lazy in pdfkit (a face is parsed
 * and embedded on first use), but the Buffer must be read here; CJK buffers are read on demand
 * through `registerFallbackFonts`.
 */
export function registerPrimaryFonts(pdf: PDFKit.PDFDocument): void {
  const files = fontFiles();
  pdf.registerFont(FONT_NAMES.regular, fontBuffer(files.regular));
  pdf.registerFont(FONT_NAMES.bold, fontBuffer(files.bold));
  // Opened now, regular then bold, so they are the document's first fonts (F2 and F3 after pdfkit's
  // Helvetica) in every document. Otherwise which face came first depended on the process-wide
  // coverage cache below: a cold cache opens the regular face at the first glyph check, a warm one
  // does not, and a second render in the same process wrote other font names, so other bytes.
  pdf.font(FONT_NAMES.regular);
  shareLayoutCache(pdf, files.regular);
  shapeWordsDirectly(pdf, files.regular);
  cacheWidths(pdf, files.regular);
  postHeaderOnly(pdf, fontBuffer(files.regular));
  subsetFromBytes(pdf, fontBuffer(files.regular));
  pdf.font(FONT_NAMES.bold);
  shareLayoutCache(pdf, files.bold);
  shapeWordsDirectly(pdf, files.bold);
  cacheWidths(pdf, files.bold);
  postHeaderOnly(pdf, fontBuffer(files.bold));
  subsetFromBytes(pdf, fontBuffer(files.bold));
  pdf.font(FONT_NAMES.regular);
}

/**
 * Does in a throw-away document what the first report of a process does once per font file:
 * reads the primary faces, decodes their tables and shaping plans, and shapes `words` into the
 * process-wide caches (shareLayoutCache). The thread that draws the PDF (render-worker.ts) calls
 * it while the main thread is still reading, so the report itself starts warm. Changes no output:
 * what it leaves behind is shared by every document of the process already (tests render ~60).
 */
export function warmUpFonts(pdf: PDFKit.PDFDocument, words: string): void {
  registerPrimaryFonts(pdf);
  for (const face of [FONT_NAMES.regular, FONT_NAMES.bold]) {
    pdf.font(face);
    pdf.widthOfString(words);
  }
}

/**
 * Lets the current font shape plain words through `shapeWord` (the same glyphs and positions
 * without fontkit's full layout; see word-shaping.ts) and every other word through pdfkit's own
 * `layoutRun`. Only calls without user features are taken (the report passes none).
 */
function shapeWordsDirectly(pdf: PDFKit.PDFDocument, file: string): void {
  const embedded: unknown = Reflect.get(pdf, '_font');
  const layoutRun: unknown = isObject(embedded) ? Reflect.get(embedded, 'layoutRun') : undefined;
  const fontkitFont: unknown = isObject(embedded) ? Reflect.get(embedded, 'font') : undefined;
  if (!isObject(embedded) || typeof layoutRun !== 'function' || !isFontkitFont(fontkitFont)) {
    throw new Error('pdfkit font internals changed: no layoutRun or fontkit font on doc._font');
  }
  Reflect.set(embedded, 'layoutRun', (text: string, features?: unknown): unknown => {
    if (features === undefined) {
      const run = shapeWord(fontkitFont, file, text);
      if (run) return run;
    }
    return Reflect.apply(layoutRun, embedded, [text, features]);
  });
}

/** Advance widths (1/1000 em) of strings per font file, shared by every document of the process. */
const widthCaches = new Map<string, Map<string, number>>();

/**
 * Lets the current font answer `widthOfString` from a cache of widths per string. pdfkit's line
 * wrapper asks for the width of every word of every text, in both the measuring and the drawing
 * pass, and each answer runs pdfkit's `layout` (the string split at spaces, each piece looked up in
 * the shaped words, the advances summed). The width is a function of the font file and the string
 * alone (the words' shaping is, see shareLayoutCache); the same arithmetic as pdfkit's
 * `widthOfString` is kept, so the number is the same to the bit.
 */
function cacheWidths(pdf: PDFKit.PDFDocument, file: string): void {
  const embedded: unknown = Reflect.get(pdf, '_font');
  const layout: unknown = isObject(embedded) ? Reflect.get(embedded, 'layout') : undefined;
  const widthOfString: unknown = isObject(embedded) ? Reflect.get(embedded, 'widthOfString') : undefined;
  if (!isObject(embedded) || typeof layout !== 'function' || typeof widthOfString !== 'function') {
    throw new Error('pdfkit font internals changed: no layout or widthOfString on doc._font');
  }
  let cache = widthCaches.get(file);
  if (!cache) widthCaches.set(file, (cache = new Map()));
  const widths = cache;
  Reflect.set(embedded, 'widthOfString', (text: string, size: number, features?: unknown): unknown => {
    if (features !== undefined) return Reflect.apply(widthOfString, embedded, [text, size, features]);
    let width = widths.get(text);
    if (width === undefined) {
      const run: unknown = Reflect.apply(layout, embedded, [text, undefined, true]);
      const advance: unknown = isObject(run) ? Reflect.get(run, 'advanceWidth') : undefined;
      if (typeof advance !== 'number') return Reflect.apply(widthOfString, embedded, [text, size, features]);
      widths.set(text, (width = advance));
    }
    // pdfkit's EmbeddedFont.widthOfString: width * (size / 1000).
    const scale = size / 1000;
    return width * scale;
  });
}

/**
 * Gives the current font's fontkit object its `post` table read from the fixed header alone.
 * pdfkit reads `post.isFixedPitch` and the italic angle when it embeds the font; fontkit would
 * decode the whole table for that, the names of DejaVu's ~6,000 glyphs included (28 ms CPU for
 * the first face, 8 ms for the second), which nothing in the report reads. fontkit keeps decoded tables in `_tables`, so one put
 * there first is the one it returns; the fields are those fontkit's own decoder gives.
 */
function postHeaderOnly(pdf: PDFKit.PDFDocument, file: Buffer): void {
  const { fontkitFont, records } = fontInternals(pdf);
  const tables: unknown = isObject(fontkitFont) ? Reflect.get(fontkitFont, '_tables') : undefined;
  const post: unknown = isObject(records) ? Reflect.get(records, 'post') : undefined;
  const offset: unknown = isObject(post) ? Reflect.get(post, 'offset') : undefined;
  const length: unknown = isObject(post) ? Reflect.get(post, 'length') : undefined;
  // Anything unexpected (no table, another layout of fontkit's internals): fontkit decodes it as before.
  if (!isObject(tables) || 'post' in tables || typeof offset !== 'number' || typeof length !== 'number') return;
  if (length < 32 || offset + 32 > file.length) return;
  Reflect.set(tables, 'post', {
    version: file.readInt32BE(offset) / 65536,
    italicAngle: file.readInt32BE(offset + 4) / 65536,
    underlinePosition: file.readInt16BE(offset + 8),
    underlineThickness: file.readInt16BE(offset + 10),
    isFixedPitch: file.readUInt32BE(offset + 12),
    minMemType42: file.readUInt32BE(offset + 16),
    maxMemType42: file.readUInt32BE(offset + 20),
    minMemType1: file.readUInt32BE(offset + 24),
    maxMemType1: file.readUInt32BE(offset + 28),
  });
}

/**
 * Lets the current font's subset be written from the file's bytes (truetype-subset.ts, the same
 * bytes as fontkit's encoder without decoding every glyph); fontkit's encoder when that declines.
 */
function subsetFromBytes(pdf: PDFKit.PDFDocument, file: Buffer): void {
  const { embedded, records: tables } = fontInternals(pdf);
  const subset: unknown = isObject(embedded) ? Reflect.get(embedded, 'subset') : undefined;
  const encode: unknown = isObject(subset) ? Reflect.get(subset, 'encode') : undefined;
  // Anything unexpected (another subset class, fontkit's internals moved): fontkit encodes as before.
  if (!isFontkitSubset(subset) || !isObject(tables) || typeof encode !== 'function') return;
  const records = tables as Readonly<Record<string, { offset: number; length: number } | undefined>>;
  Reflect.set(
    subset,
    'encode',
    (): unknown => encodeTrueTypeSubset(file, records, subset) ?? Reflect.apply(encode, subset, []),
  );
}

/** The current font's pdfkit object, its fontkit font and the font file's table records (pdfkit and fontkit internals, unchecked). */
function fontInternals(pdf: PDFKit.PDFDocument): { embedded: unknown; fontkitFont: unknown; records: unknown } {
  const embedded: unknown = Reflect.get(pdf, '_font');
  const fontkitFont: unknown = isObject(embedded) ? Reflect.get(embedded, 'font') : undefined;
  const directory: unknown = isObject(fontkitFont) ? Reflect.get(fontkitFont, 'directory') : undefined;
  const records: unknown = isObject(directory) ? Reflect.get(directory, 'tables') : undefined;
  return { embedded, fontkitFont, records };
}

function isFontkitSubset(value: unknown): value is FontkitSubset {
  return (
    isObject(value) &&
    Array.isArray(Reflect.get(value, 'glyphs')) &&
    typeof Reflect.get(value, 'includeGlyph') === 'function' &&
    Reflect.get(value, 'cff') === undefined
  );
}

function isFontkitFont(value: unknown): value is FontkitFont {
  return (
    isObject(value) &&
    typeof Reflect.get(value, 'unitsPerEm') === 'number' &&
    typeof Reflect.get(value, 'glyphForCodePoint') === 'function'
  );
}

/** Shaped words per font file, shared by every document of the process (see shareLayoutCache). */
const layoutCaches = new Map<string, object>();

/**
 * Gives the current font the process-wide cache of shaped words of its file. pdfkit shapes each
 * new word through fontkit (GSUB, GPOS) and caches the result per document; the shaping is a
 * function of the font file and the word alone, and pdfkit does not change a cached result, so
 * a process that renders several reports (the tests, about 60 renders) shapes each word once.
 */
function shareLayoutCache(pdf: PDFKit.PDFDocument, file: string): void {
  const embedded: unknown = Reflect.get(pdf, '_font');
  // pdfkit leaves the cache out when the document turns it off (fontLayoutCache: false).
  if (!isObject(embedded) || !isObject(Reflect.get(embedded, 'layoutCache'))) return;
  let cache = layoutCaches.get(file);
  if (!cache) {
    cache = Object.create(null) as object;
    layoutCaches.set(file, cache);
  }
  Reflect.set(embedded, 'layoutCache', cache);
}

const fallbackRegistered = new WeakSet<PDFKit.PDFDocument>();

/** Registers the CJK faces in `pdf` the first time a string needs them. */
export function registerFallbackFonts(pdf: PDFKit.PDFDocument): void {
  if (fallbackRegistered.has(pdf)) return;
  const files = fontFiles();
  pdf.registerFont(FONT_NAMES.cjkRegular, fontBuffer(files.cjkRegular));
  pdf.registerFont(FONT_NAMES.cjkBold, fontBuffer(files.cjkBold));
  fallbackRegistered.add(pdf);
}

/** The registered name of the face for `weight`, primary or fallback. */
export function fontName(weight: FontWeight, fallback: boolean): string {
  if (fallback) return weight === 'bold' ? FONT_NAMES.cjkBold : FONT_NAMES.cjkRegular;
  return weight === 'bold' ? FONT_NAMES.bold : FONT_NAMES.regular;
}

/** What the text helper needs from pdfkit's current font object (not in pdfkit's public types). */
interface FontInternals {
  /** Ascender in 1/1000 em. */
  ascender: number;
  hasGlyph(codePoint: number): boolean;
}

/**
 * Reads the current font's metrics and glyph lookup from pdfkit's font object (`doc._font`, whose
 * `font` is the fontkit font). Checked at run time, since these are pdfkit internals.
 */
export function currentFont(pdf: PDFKit.PDFDocument): FontInternals {
  const embedded: unknown = Reflect.get(pdf, '_font');
  const ascender: unknown = isObject(embedded) ? Reflect.get(embedded, 'ascender') : undefined;
  const fontkitFont: unknown = isObject(embedded) ? Reflect.get(embedded, 'font') : undefined;
  const lookup: unknown = isObject(fontkitFont) ? Reflect.get(fontkitFont, 'hasGlyphForCodePoint') : undefined;
  if (typeof ascender !== 'number' || typeof lookup !== 'function') {
    throw new Error('pdfkit font internals changed: no ascender or hasGlyphForCodePoint on doc._font');
  }
  return {
    ascender,
    hasGlyph: (codePoint) => Reflect.apply(lookup, fontkitFont, [codePoint]) === true,
  };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

// Coverage of the (fixed) font files, shared by every document of the process.
const coverage = { primary: new Map<number, boolean>(), fallback: new Map<number, boolean>() };

/** Whether the primary (or the fallback) face has a glyph for `codePoint`; cached per code point. */
export function covers(pdf: PDFKit.PDFDocument, codePoint: number, fallback: boolean): boolean {
  const cache = fallback ? coverage.fallback : coverage.primary;
  const known = cache.get(codePoint);
  if (known !== undefined) return known;
  if (fallback) registerFallbackFonts(pdf);
  pdf.font(fontName('regular', fallback));
  const result = currentFont(pdf).hasGlyph(codePoint);
  cache.set(codePoint, result);
  return result;
}

/** The current font's OS/2 typographic ascender and descender, in 1/1000 em (descender negative). */
export interface TypoMetrics {
  ascender: number;
  descender: number;
}

/**
 * Reads the typographic ascender and descender of the current font (fontkit's `OS/2` table through
 * pdfkit's `doc._font.font`): what a canvas's 'top', 'middle' and 'bottom' text baselines hang from.
 */
export function typoMetrics(pdf: PDFKit.PDFDocument): TypoMetrics {
  const embedded: unknown = Reflect.get(pdf, '_font');
  const fontkitFont: unknown = isObject(embedded) ? Reflect.get(embedded, 'font') : undefined;
  const os2: unknown = isObject(fontkitFont) ? Reflect.get(fontkitFont, 'OS/2') : undefined;
  const unitsPerEm: unknown = isObject(fontkitFont) ? Reflect.get(fontkitFont, 'unitsPerEm') : undefined;
  const ascender: unknown = isObject(os2) ? Reflect.get(os2, 'typoAscender') : undefined;
  const descender: unknown = isObject(os2) ? Reflect.get(os2, 'typoDescender') : undefined;
  if (typeof unitsPerEm !== 'number' || typeof ascender !== 'number' || typeof descender !== 'number') {
    throw new Error('pdfkit font internals changed: no OS/2 typoAscender/typoDescender on doc._font.font');
  }
  return { ascender: (ascender * 1000) / unitsPerEm, descender: (descender * 1000) / unitsPerEm };
}
