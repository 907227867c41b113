import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fontFiles } from '../../../src/report/fonts/font-files.js';
import { FONT_NAMES, registerPrimaryFonts } from '../../../src/report/pdf/fonts.js';

/**
 * fonts.ts gives pdfkit the `post` table of the DejaVu faces from its fixed header alone (pdfkit
 * reads isFixedPitch and the italic angle); the fields must be those fontkit decodes from the whole
 * table. word-shaping.test.ts checks that the PDF bytes do not change.
 */

type Post = Record<string, unknown>;

function post(pdf: PDFKit.PDFDocument, name: string): Post {
  pdf.font(name);
  const fontkitFont = Reflect.get(Reflect.get(pdf, '_font') as object, 'font') as { post: Post };
  return fontkitFont.post;
}

describe('the post table read from its header', () => {
  it('has the header fields fontkit decodes, for both faces', () => {
    const registered = new PDFDocument();
    registerPrimaryFonts(registered);
    const plain = new PDFDocument();
    plain.registerFont(FONT_NAMES.regular, readFileSync(fontFiles().regular));
    plain.registerFont(FONT_NAMES.bold, readFileSync(fontFiles().bold));
    for (const name of [FONT_NAMES.regular, FONT_NAMES.bold]) {
      const header = post(registered, name);
      const decoded = post(plain, name);
      // The whole table also holds the glyph names, which the header-only one leaves out.
      expect(Object.keys(decoded)).toEqual(expect.arrayContaining(['glyphNameIndex', 'names']));
      expect(header).not.toHaveProperty('names');
      for (const field of Object.keys(header))
        expect([name, field, header[field]]).toEqual([name, field, decoded[field]]);
      expect(Object.keys(header).sort()).toEqual(
        Object.keys(decoded)
          .filter((field) => !['numberOfGlyphs', 'glyphNameIndex', 'names'].includes(field))
          .sort(),
      );
    }
  });
});
