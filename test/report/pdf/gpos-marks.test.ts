import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fontFiles } from '../../../src/report/fonts/font-files.js';
import { readMarkAttachmentGlyphs } from '../../../src/report/pdf/gpos-pairs.js';

/**
 * readMarkAttachmentGlyphs reads the mark coverages of GPOS mark attachment lookups from the bytes;
 * word-shaping.ts blocks those glyphs. They must be the glyphs of the coverages fontkit decodes.
 */

interface Coverage {
  version: number;
  glyphs?: ArrayLike<number>;
  rangeRecords?: ReadonlyArray<{ start: number; end: number }>;
}
interface Subtable {
  lookupType?: number;
  extension?: Subtable;
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}
interface GposLike {
  lookupList: { length: number; get(index: number): { lookupType: number; subTables: ArrayLike<Subtable> } };
}

function glyphsOf(coverage: Coverage | undefined): number[] {
  if (!coverage) return [];
  if (coverage.version === 1) return Array.from(coverage.glyphs ?? []);
  return (coverage.rangeRecords ?? []).flatMap((range) =>
    Array.from({ length: range.end - range.start + 1 }, (_, offset) => range.start + offset),
  );
}

/** What fontkit decodes: the mark (mark1) coverages of a lookup of types 4-6, or null for another type. */
function fontkitMarkGlyphs(gpos: GposLike, index: number): number[] | null {
  const lookup = gpos.lookupList.get(index);
  const glyphs: number[] = [];
  for (const raw of Array.from(lookup.subTables)) {
    const type = lookup.lookupType === 9 ? (raw.lookupType ?? 0) : lookup.lookupType;
    const table = lookup.lookupType === 9 ? raw.extension : raw;
    if (type < 4 || type > 6 || !table) return null;
    glyphs.push(...glyphsOf(type === 6 ? table.mark1Coverage : table.markCoverage));
  }
  return lookup.lookupType === 9 || (lookup.lookupType >= 4 && lookup.lookupType <= 6) ? glyphs : null;
}

describe('mark attachment coverages read from the font bytes', () => {
  for (const face of ['regular', 'bold'] as const) {
    it(`gives fontkit's glyphs for every GPOS lookup of the ${face} face`, () => {
      const bytes = readFileSync(fontFiles()[face]);
      const pdf = new PDFDocument();
      pdf.registerFont('face', bytes).font('face');
      const font = Reflect.get(Reflect.get(pdf, '_font') as object, 'font') as {
        GPOS: GposLike;
        directory: { tables: Record<string, { offset: number }> };
      };
      const gposOffset = font.directory.tables['GPOS']?.offset ?? -1;
      let markLookups = 0;
      for (let index = 0; index < font.GPOS.lookupList.length; index++) {
        const expected = fontkitMarkGlyphs(font.GPOS, index);
        expect(readMarkAttachmentGlyphs(bytes, gposOffset, index)).toEqual(expected);
        if (expected) markLookups += 1;
      }
      // DejaVu has mark-to-base and mark-to-mark lookups: the reader was exercised.
      expect(markLookups).toBeGreaterThanOrEqual(2);
    });
  }

  it('declines a lookup index beyond the list and a table cut short', () => {
    const bytes = readFileSync(fontFiles().regular);
    const pdf = new PDFDocument();
    pdf.registerFont('face', bytes).font('face');
    const font = Reflect.get(Reflect.get(pdf, '_font') as object, 'font') as {
      directory: { tables: Record<string, { offset: number }> };
    };
    const gposOffset = font.directory.tables['GPOS']?.offset ?? -1;
    expect(readMarkAttachmentGlyphs(bytes, gposOffset, 10_000)).toBeNull();
    expect(readMarkAttachmentGlyphs(bytes.subarray(0, gposOffset + 12), gposOffset, 13)).toBeNull();
  });
});
