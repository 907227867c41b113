/**
 * The embedded subset of a TrueType face, written straight from the font file's bytes.
 *
 * pdfkit embeds each face through fontkit's `TTFSubset.encode`, which decodes every used glyph's
 * outline only to learn whether it is composite, reads each advance through the glyph's metrics
 * (which decode the outline again for its box) and writes the tables through restructure's
 * structs, one field at a time: about a tenth of the sample pilot's PDF time (bench/README.md,
 * s14-d). This writes the same bytes from the file: the glyphs' data copied (a composite glyph's
 * component ids renumbered, as fontkit does), the advances and bearings read from `hmtx`, and
 * head, hhea, maxp, cvt, prep and fpgm copied with the fields fontkit changes set.
 * test/report/pdf/truetype-subset.test.ts compares it with fontkit's encoder byte for byte.
 */

/** The parts of fontkit's subset and font this module reads (fontkit has no types; checked at run time). */
export interface FontkitSubset {
  /** Glyph ids of the original font, in subset order (index = new id). */
  glyphs: number[];
  includeGlyph(glyph: number): number;
}

/** Where a table is in the font file. */
interface TableRecord {
  offset: number;
  length: number;
}

/** The tables fontkit writes, in its order (object key order of its `encode`). */
const TAGS = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

// Composite glyph flags (OpenType glyf).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * Encodes the subset as fontkit's TTFSubset would, or returns null when the font is outside what
 * this module models (no glyf/loca, a variable font, a table missing or out of range): the caller
 * then uses fontkit's encoder.
 */
export function encodeTrueTypeSubset(
  file: Uint8Array,
  tables: Readonly<Record<string, TableRecord | undefined>>,
  subset: FontkitSubset,
): Uint8Array | null {
  const head = tables['head'];
  const hhea = tables['hhea'];
  const maxp = tables['maxp'];
  const loca = tables['loca'];
  const glyf = tables['glyf'];
  const hmtx = tables['hmtx'];
  if (!head || !hhea || !maxp || !loca || !glyf || !hmtx || tables['fvar'] || tables['gvar']) return null;
  if (head.length < 54 || hhea.length < 36 || maxp.length < 32) return null;
  for (const record of Object.values(tables)) {
    if (record && record.offset + record.length > file.length) return null;
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const longOffsets = view.getInt16(head.offset + 50) === 1;
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const numberOfMetrics = view.getUint16(hhea.offset + 34);
  const glyphOffset = (id: number): number =>
    longOffsets ? view.getUint32(loca.offset + 4 * id) : view.getUint16(loca.offset + 2 * id) * 2;

  // The glyphs, with components included as they are met (fontkit's order).
  const glyphData: Uint8Array[] = [];
  const offsets: number[] = [];
  const advances: number[] = [];
  const bearings: number[] = [];
  let offset = 0;
  for (let index = 0; index < subset.glyphs.length; index++) {
    const id = subset.glyphs[index] ?? 0;
    if (id >= numGlyphs) return null;
    const start = glyphOffset(id);
    const end = glyphOffset(id + 1);
    if (end < start || glyf.offset + end > file.length) return null;
    let data = file.subarray(glyf.offset + start, glyf.offset + end);
    if (data.length >= 10 && view.getInt16(glyf.offset + start) < 0) {
      data = Uint8Array.from(data);
      if (!renumberComponents(data, subset)) return null;
    }
    glyphData.push(data);
    offsets.push(offset);
    const metric = Math.min(id, numberOfMetrics - 1);
    advances.push(numberOfMetrics > 0 ? view.getUint16(hmtx.offset + 4 * metric) : 0);
    bearings.push(
      id < numberOfMetrics
        ? view.getInt16(hmtx.offset + 4 * id + 2)
        : bearingAfterMetrics(view, hmtx, numberOfMetrics, id),
    );
    offset += data.length;
  }
  offsets.push(offset);
  const count = glyphData.length;

  const parts: Record<(typeof TAGS)[number], Uint8Array | null> = {
    head: copy(file, head, 54, (out) => out.setInt16(50, longOffsets ? 1 : 0)),
    hhea: copy(file, hhea, 36, (out) => out.setUint16(34, count)),
    loca: locaBytes(offsets, longOffsets),
    maxp: copy(file, maxp, 32, (out) => out.setUint16(4, count)),
    'cvt ': rawTable(file, tables['cvt '], 2),
    prep: rawTable(file, tables['prep'], 1),
    glyf: concat(glyphData, offset),
    hmtx: hmtxBytes(advances, bearings),
    fpgm: rawTable(file, tables['fpgm'], 1),
  };
  return directory(parts);
}

/** Renumbers the component glyph ids of a composite glyph, including each in the subset; false when damaged. */
function renumberComponents(data: Uint8Array, subset: FontkitSubset): boolean {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let position = 10;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    if (position + 4 > data.length) return false;
    flags = view.getUint16(position);
    const id = view.getUint16(position + 2);
    view.setUint16(position + 2, subset.includeGlyph(id));
    position += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) position += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) position += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) position += 8;
  }
  return true;
}

/** fontkit's bearing for a glyph past hhea's metrics: from the bearings after them, else 0. */
function bearingAfterMetrics(view: DataView, hmtx: TableRecord, numberOfMetrics: number, id: number): number {
  const at = hmtx.offset + 4 * numberOfMetrics + 2 * (id - numberOfMetrics);
  return at + 2 <= hmtx.offset + hmtx.length ? view.getInt16(at) : 0;
}

/** The first `size` bytes of a table (fontkit's struct of it re-encoded), with `patch` applied. */
function copy(file: Uint8Array, table: TableRecord, size: number, patch: (out: DataView) => void): Uint8Array {
  // A copy (a Buffer's slice would be a view of the font file).
  const out = Uint8Array.from(file.subarray(table.offset, table.offset + size));
  patch(new DataView(out.buffer));
  return out;
}

/** A table fontkit decodes as an array of `unit`-byte values and writes back whole; null when absent. */
function rawTable(file: Uint8Array, table: TableRecord | undefined, unit: number): Uint8Array | null {
  if (!table) return null;
  const length = table.length - (table.length % unit);
  return file.subarray(table.offset, table.offset + length);
}

function locaBytes(offsets: readonly number[], long: boolean): Uint8Array {
  const out = new Uint8Array(offsets.length * (long ? 4 : 2));
  const view = new DataView(out.buffer);
  offsets.forEach((value, index) => {
    if (long) view.setUint32(4 * index, value);
    else view.setUint16(2 * index, value >>> 1);
  });
  return out;
}

function hmtxBytes(advances: readonly number[], bearings: readonly number[]): Uint8Array {
  const out = new Uint8Array(advances.length * 4);
  const view = new DataView(out.buffer);
  advances.forEach((advance, index) => {
    view.setUint16(4 * index, advance);
    view.setInt16(4 * index + 2, bearings[index] ?? 0);
  });
  return out;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The font file: fontkit's table directory (tag 'true', checksums 0) then the tables in order, unpadded. */
function directory(parts: Readonly<Record<string, Uint8Array | null>>): Uint8Array {
  const present = TAGS.flatMap((tag) => {
    const bytes = parts[tag];
    return bytes ? [{ tag, bytes }] : [];
  });
  const numTables = present.length;
  const headerLength = 12 + 16 * numTables;
  const total = present.reduce((sum, table) => sum + table.bytes.length, headerLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const maxPowerOf2 = 2 ** Math.floor(Math.log(numTables) / Math.LN2);
  writeTag(out, 0, 'true');
  view.setUint16(4, numTables);
  view.setUint16(6, maxPowerOf2 * 16);
  view.setUint16(8, Math.log(maxPowerOf2) / Math.LN2);
  view.setUint16(10, numTables * 16 - maxPowerOf2 * 16);
  let at = headerLength;
  present.forEach(({ tag, bytes }, index) => {
    const entry = 12 + 16 * index;
    writeTag(out, entry, tag);
    view.setUint32(entry + 4, 0);
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, bytes.length);
    out.set(bytes, at);
    at += bytes.length;
  });
  return out;
}

function writeTag(out: Uint8Array, at: number, tag: string): void {
  for (let index = 0; index < 4; index++) out[at + index] = tag.charCodeAt(index);
}
