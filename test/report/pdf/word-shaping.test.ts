import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fontFiles } from '../../../src/report/fonts/font-files.js';
import { FONT_NAMES, registerPrimaryFonts } from '../../../src/report/pdf/fonts.js';
import { drawText, type TextStyle } from '../../../src/report/pdf/rich-text.js';
import { renderedText } from '../../helpers-fast/rendered-pdf.js';
import { finishPdf } from '../../helpers-fast/pdf-bytes.js';
import { richDocument, richRenderOptions } from './rich-document.js';
import { compareShaping, pdfkitWords } from './word-shaping-check.js';

/**
 * word-shaping.ts shapes plain words from DejaVu's tables instead of fontkit's full layout; the
 * PDF must not change. Every word is shaped both ways and the glyphs, positions and widths must
 * be equal to the last bit. test/e2e/sample-word-shaping.test.ts does the same for the words of
 * the sample pilot's report, of its exports and of the shared sample exports (slower: fontkit
 * shapes each of some 20,000 words there).
 */

// Scripts, marks, ligatures, kerning pairs, emoji and the characters at the edges of what
// word-shaping.ts accepts (soft hyphen, fraction slash, joiners, variation selectors).
const EDGES = [
  'office fjord fi ffl ffi ﬁ waffle Ĳssel ĳ ŉ ǅ',
  'i\u0301 j\u0301 i\u0308 naïve Tâche façade Ærøskøbing Łódź',
  'AVAWAY To. T, Yo. LT W. \u201cquoted\u201d \u2018single\u2019 \u2014 \u2013 \u2026 (x) [y] {z}',
  '½ 1\u20442 3\u20444 soft\u00adhyphen zero\u200bwidth a\u200db',
  '1,234.5 €12 £3 ¥4 \u22125 ≥ ≤ → ← ■ ▲ ─ ✓ ✔ • · ° % ‰ § ¶ © ® ™',
  '王伟 (Wang Wei) 東京 ソウル 서울 Ελλάδα Київ Nguyễn Thị \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627',
  'emoji 👍🏽 👨‍👩‍👧 ❤️ ❤︎ 🎉 🇫🇷 #️⃣',
  'tab\tseparated\twords  two  spaces ',
];

function words(texts: readonly string[]): string[] {
  return texts.flatMap((text) => pdfkitWords(text));
}

describe('plain words shaped without fontkit', () => {
  it('gives fontkit’s glyphs and positions for scripts, marks, ligatures and emoji, or leaves the word to fontkit', () => {
    const comparison = compareShaping(words(EDGES));
    expect(comparison.mismatches).toEqual([]);
    // Both paths are exercised: kerned Latin words directly, the rest through fontkit.
    expect(comparison.direct).toBeGreaterThan(40);
    expect(comparison.toFontkit).toBeGreaterThan(40);
  });

  it('shapes ligatures (fi, ff, ffl), Cyrillic, precomposed Vietnamese, ✓ and words ending a paragraph itself, as fontkit does', () => {
    const plain = [
      'office ',
      'first ',
      'waffle',
      'ffl ',
      'difference',
      'Олена ',
      'Коваленко',
      'Nguyễn ',
      'Thị ',
      '✓ ',
      'replies)\n',
      '2026\n',
    ];
    const comparison = compareShaping(plain);
    expect(comparison.mismatches).toEqual([]);
    // Both faces, every word on the direct path.
    expect(comparison).toMatchObject({ direct: 2 * plain.length, toFontkit: 0 });
    // A word mixing two scripts still goes to fontkit.
    expect(compareShaping(['KyivКиїв '])).toMatchObject({ direct: 0, toFontkit: 2, mismatches: [] });
  });

  it('gives fontkit’s result for every word of the rich report', async () => {
    const report = await renderedText(richDocument(), richRenderOptions());
    // pdfkit shapes words with their trailing space; the last word of a line has none.
    const comparison = compareShaping(
      report.pages.flatMap((page) => page.split(' ').flatMap((word) => [word, `${word} `])),
    );
    expect(comparison.mismatches).toEqual([]);
    // Most words take the direct path; those with fi/ff ligatures, other scripts or marks do not.
    expect(comparison.direct).toBeGreaterThan(comparison.toFontkit);
  });

  it('writes the same PDF bytes as a document whose fonts shape every word through fontkit', async () => {
    const style: TextStyle = { weight: 'regular', size: 9, color: '#202020' };
    const bold: TextStyle = { weight: 'bold', size: 11, color: '#000000' };
    const draw = (pdf: PDFKit.PDFDocument): void => {
      EDGES.forEach((text, index) => {
        drawText(pdf, text, { x: 50, y: 60 + index * 60, width: 220 }, index % 2 === 0 ? style : bold);
      });
    };
    const options = { size: 'A4', margin: 50, info: { CreationDate: new Date(0), ModDate: new Date(0) } } as const;
    // Font coverage is cached per process and the first look-up opens the CJK face early (see
    // fonts.ts), which changes the fonts' order in that document: warm the cache first.
    const warm = new PDFDocument(options);
    registerPrimaryFonts(warm);
    draw(warm);
    await finishPdf(warm);
    const direct = new PDFDocument(options);
    registerPrimaryFonts(direct);
    draw(direct);
    // The same fonts registered and opened in the same order, left as pdfkit makes them.
    const plain = new PDFDocument(options);
    const files = fontFiles();
    plain.registerFont(FONT_NAMES.regular, readFileSync(files.regular));
    plain.registerFont(FONT_NAMES.bold, readFileSync(files.bold));
    plain.font(FONT_NAMES.regular).font(FONT_NAMES.bold).font(FONT_NAMES.regular);
    draw(plain);
    expect((await finishPdf(direct)).equals(await finishPdf(plain))).toBe(true);
  });
});
