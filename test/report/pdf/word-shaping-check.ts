import PDFDocument from 'pdfkit';
import { fontFiles } from '../../../src/report/fonts/font-files.js';
import { FONT_NAMES } from '../../../src/report/pdf/fonts.js';
import { shapeWord, type FontkitFont, type ShapedRun } from '../../../src/report/pdf/word-shaping.js';

/**
 * Compares word-shaping.ts with pdfkit's own shaping through fontkit (the prototype's `layoutRun`
 * of a document whose fonts fonts.ts did not touch), word by word, for both DejaVu faces.
 */

/** The words pdfkit shapes one by one: each up to and including a space or tab (EmbeddedFont.layout). */
export function pdfkitWords(text: string): string[] {
  const words: string[] = [];
  let last = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index === text.length ? last < index : text[index] === ' ' || text[index] === '\t') {
      words.push(text.slice(last, index + 1));
      last = index + 1;
    }
  }
  return words;
}

export interface ShapingComparison {
  /** Word shapings (words times faces) word-shaping.ts made itself, each compared. */
  direct: number;
  /** Word shapings it left to fontkit. */
  toFontkit: number;
  /** The words where the two differ, with both results. */
  mismatches: string[];
}

interface Face {
  file: string;
  font: FontkitFont;
  reference: (word: string) => ShapedRun;
}

function face(weight: 'regular' | 'bold'): Face {
  const file = weight === 'bold' ? fontFiles().bold : fontFiles().regular;
  const name = weight === 'bold' ? FONT_NAMES.bold : FONT_NAMES.regular;
  const pdf = new PDFDocument({ fontLayoutCache: false });
  pdf.registerFont(name, file);
  pdf.font(name);
  const embedded = Reflect.get(pdf, '_font') as { font: FontkitFont; layoutRun: (word: string) => ShapedRun };
  return { file, font: embedded.font, reference: (word) => embedded.layoutRun(word) };
}

/** What pdfkit reads of a shaped run, as plain data. */
function summary(run: ShapedRun): unknown {
  return {
    glyphs: run.glyphs.map((glyph) => [glyph.id, glyph.codePoints, glyph.advanceWidth]),
    positions: run.positions.map((position) => [
      position.xAdvance,
      position.yAdvance,
      position.xOffset,
      position.yOffset,
      position.advanceWidth,
    ]),
    advanceWidth: run.advanceWidth,
  };
}

/** Shapes every word both ways in both faces; the numbers must be equal exactly, not within a tolerance. */
export function compareShaping(words: Iterable<string>): ShapingComparison {
  const result: ShapingComparison = { direct: 0, toFontkit: 0, mismatches: [] };
  const unique = [...new Set(words)];
  for (const { file, font, reference } of [face('regular'), face('bold')]) {
    for (const word of unique) {
      const direct = shapeWord(font, file, word);
      if (!direct) {
        result.toFontkit++;
        continue;
      }
      result.direct++;
      const mine = JSON.stringify(summary(direct));
      const fontkit = JSON.stringify(summary(reference(word)));
      if (mine !== fontkit) result.mismatches.push(`${JSON.stringify(word)} in ${file}: ${mine} vs fontkit ${fontkit}`);
    }
  }
  return result;
}
