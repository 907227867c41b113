/**
 * Splitting text into runs by font coverage. pdfkit draws a string in one font and does not fall
 * back per character, so `王伟 (Wang Wei)` must be drawn as two runs in two fonts.
 */

/** A stretch of text drawn in one font: the primary font, or the fallback (CJK) font. */
export interface TextRun {
  text: string;
  fallback: boolean;
}

// Characters that take the font of the run they sit in: spaces, combining marks, joiners and
// variation selectors (a base letter and its accent must not be split between two fonts).
const NEUTRAL = /^[\s\p{M}\u200B-\u200D\u2060\uFE00-\uFE0F]$/u;

/**
 * Splits `text` into maximal runs. A character goes to the primary font when `primaryCovers`
 * says that font has a glyph for it, otherwise to the fallback font when `fallbackCovers` does;
 * a character neither font has stays in the primary font (it shows as a missing-glyph box, which
 * is honest, rather than vanishing).
 */
export function splitRuns(
  text: string,
  primaryCovers: (codePoint: number) => boolean,
  fallbackCovers: (codePoint: number) => boolean,
): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | undefined;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const fallback =
      current && NEUTRAL.test(char) ? current.fallback : !primaryCovers(codePoint) && fallbackCovers(codePoint);
    if (current && current.fallback === fallback) {
      current.text += char;
    } else {
      current = { text: char, fallback };
      runs.push(current);
    }
  }
  return runs;
}
