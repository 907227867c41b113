import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fontFiles } from '../../../src/report/fonts/font-files.js';
import { encodeTrueTypeSubset, type FontkitSubset } from '../../../src/report/pdf/truetype-subset.js';

/**
 * truetype-subset.ts writes the embedded subset from the font file's bytes; it must give fontkit's
 * TTFSubset.encode to the byte (the PDF embeds it), composite glyphs (their components added and
 * renumbered) included.
 */

// Latin with accents (composite glyphs in DejaVu), ligature and symbol glyphs, Cyrillic, Greek.
const TEXTS = [
  'Hello World 0123456789 ,.;:!?()[]{}',
  'Ééèêëàâäçñ ÅØÆœ ĳ ǅ Łódź Ærøskøbing Tâche façade',
  '€ £ ¥ – — “quoted” ‘single’ … ✓ ■ ▲ → ≥ ≤ ½ ‰ © ® ™',
  'Київ Ελλάδα Щука',
];

interface FontkitFontLike {
  glyphForCodePoint(codePoint: number): { id: number };
  directory: { tables: Record<string, { offset: number; length: number }> };
}

/** A face opened by pdfkit as it embeds it (its fontkit font and subset, fontkit's encoder left in place). */
function subsetOf(
  bytes: Buffer,
  text: string,
): { font: FontkitFontLike; subset: FontkitSubset & { encode(): Uint8Array } } {
  const pdf = new PDFDocument();
  pdf.registerFont('face', bytes).font('face');
  const embedded: unknown = Reflect.get(pdf, '_font');
  const font = Reflect.get(embedded as object, 'font') as FontkitFontLike;
  const subset = Reflect.get(embedded as object, 'subset') as FontkitSubset & { encode(): Uint8Array };
  for (const char of text) subset.includeGlyph(font.glyphForCodePoint(char.codePointAt(0) ?? 0).id);
  return { font, subset };
}

describe('the TrueType subset written from the font file', () => {
  for (const face of ['regular', 'bold'] as const) {
    it(`gives fontkit's bytes for the ${face} face, composite glyphs included`, () => {
      const bytes = readFileSync(fontFiles()[face]);
      for (const text of [...TEXTS, TEXTS.join(' ')]) {
        const reference = subsetOf(bytes, text);
        const expected = Buffer.from(reference.subset.encode());
        const ours = subsetOf(bytes, text);
        const before = ours.subset.glyphs.length;
        const encoded = encodeTrueTypeSubset(bytes, ours.font.directory.tables, ours.subset);
        expect(encoded).not.toBeNull();
        expect(Buffer.from(encoded ?? new Uint8Array()).equals(expected)).toBe(true);
        // Same glyphs in the same order, components appended as fontkit appends them.
        expect(ours.subset.glyphs).toEqual(reference.subset.glyphs);
        if (text === TEXTS[1]) expect(ours.subset.glyphs.length).toBeGreaterThan(before);
      }
      // The font file itself is left as it was (the tables are copied, never patched in place).
      expect(readFileSync(fontFiles()[face]).equals(bytes)).toBe(true);
    });
  }

  it('declines a font without glyf or loca (fontkit encodes it then)', () => {
    const bytes = readFileSync(fontFiles().regular);
    const { font, subset } = subsetOf(bytes, 'abc');
    const { glyf: _glyf, ...withoutGlyf } = font.directory.tables;
    expect(encodeTrueTypeSubset(bytes, withoutGlyf, subset)).toBeNull();
    const { loca: _loca, ...withoutLoca } = font.directory.tables;
    expect(encodeTrueTypeSubset(bytes, withoutLoca, subset)).toBeNull();
  });

  it('declines a table that points past the end of the file', () => {
    const bytes = readFileSync(fontFiles().regular);
    const { font, subset } = subsetOf(bytes, 'abc');
    const hmtx = font.directory.tables['hmtx'];
    const tables = { ...font.directory.tables, hmtx: { offset: bytes.length - 2, length: hmtx?.length ?? 4 } };
    expect(encodeTrueTypeSubset(bytes, tables, subset)).toBeNull();
  });
});
