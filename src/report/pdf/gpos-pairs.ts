/**
 * Pair positioning (kerning) read straight from a font's bytes. fontkit decodes these tables
 * through restructure's generic structs: DejaVu Sans's 4,250 class-pair records take 85 ms CPU
 * that way, a few rows at a time as words need them; read here, a record is a few byte reads.
 * The values are those fontkit's decoder gives (OpenType GPOS lookup type 2, formats 1 and 2,
 * inside extension lookups (type 9) too), applied as fontkit's GPOS processor applies them.
 */

/** A value record: a field is present only when the subtable's value format has it (as fontkit decodes it). */
export interface ValueRecord {
  xPlacement?: number;
  yPlacement?: number;
  xAdvance?: number;
  yAdvance?: number;
}

/** The values one pair lookup applies to the first and second glyph of a pair. */
export type PairValues = readonly [ValueRecord, ValueRecord];

/** One pair positioning lookup. */
export interface PairLookup {
  /**
   * What the lookup does at `first` followed by `second`: the first subtable that covers `first`
   * and (format 1) lists `second` wins, as in fontkit; null when none applies; 'unknown' when the
   * table points outside itself (the caller leaves such a word to fontkit).
   */
  apply(first: number, second: number): PairValues | null | 'unknown';
  /** The lookup skips ligature glyphs (its IgnoreLigatures flag): pairs across a ligature are not adjacent for it. */
  ignoresLigatures: boolean;
}

class Bytes {
  private readonly view: DataView;
  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(at: number): number {
    return this.view.getUint16(at);
  }
  i16(at: number): number {
    return this.view.getInt16(at);
  }
  u32(at: number): number {
    return this.view.getUint32(at);
  }
}

/**
 * The pair lookup at `lookupIndex` of the GPOS table at `gposOffset`, or null when that lookup is
 * not pair positioning (or its flags skip base glyphs, which this reader does not model).
 */
export function readPairLookup(bytes: Uint8Array, gposOffset: number, lookupIndex: number): PairLookup | null {
  const data = new Bytes(bytes);
  const lookupList = gposOffset + data.u16(gposOffset + 8);
  if (lookupIndex >= data.u16(lookupList)) return null;
  const lookup = lookupList + data.u16(lookupList + 2 + 2 * lookupIndex);
  const type = data.u16(lookup);
  // IgnoreBaseGlyphs (0x2) would let a pair skip glyphs; fontkit's iterator models it, this does not.
  if ((data.u16(lookup + 2) & 0x2) !== 0) return null;
  const subtables: number[] = [];
  for (let index = 0; index < data.u16(lookup + 4); index++) {
    let subtable = lookup + data.u16(lookup + 6 + 2 * index);
    if (type === 9) {
      if (data.u16(subtable + 2) !== 2) return null;
      subtable += data.u32(subtable + 4);
    } else if (type !== 2) {
      return null;
    }
    subtables.push(subtable);
  }
  return {
    ignoresLigatures: (data.u16(lookup + 2) & 0x4) !== 0,
    apply(first, second) {
      try {
        for (const subtable of subtables) {
          const values = applySubtable(data, subtable, first, second);
          if (values) return values;
        }
        return null;
      } catch (error) {
        // A DataView read past the end: a damaged table.
        if (error instanceof RangeError) return 'unknown';
        throw error;
      }
    },
  };
}

/**
 * The glyphs where the mark attachment lookup at `lookupIndex` of the GPOS table at `gposOffset`
 * can start to apply: the mark coverage of its mark-to-base and mark-to-ligature subtables (types 4
 * and 5), the mark1 coverage of its mark-to-mark ones (type 6), inside extension lookups (type 9)
 * too. Null when the lookup is of another type or its tables point outside the font (the caller
 * then decodes it through fontkit). fontkit would decode every anchor of these lookups to give the
 * same coverages (DejaVu Sans's mark lookups: ~70 ms CPU cold; bench/README.md, s14-d).
 */
export function readMarkAttachmentGlyphs(bytes: Uint8Array, gposOffset: number, lookupIndex: number): number[] | null {
  const data = new Bytes(bytes);
  try {
    const lookupList = gposOffset + data.u16(gposOffset + 8);
    if (lookupIndex >= data.u16(lookupList)) return null;
    const lookup = lookupList + data.u16(lookupList + 2 + 2 * lookupIndex);
    const type = data.u16(lookup);
    if (type !== 9 && (type < 4 || type > 6)) return null;
    const glyphs: number[] = [];
    for (let index = 0; index < data.u16(lookup + 4); index++) {
      let subtable = lookup + data.u16(lookup + 6 + 2 * index);
      let subtableType = type;
      if (type === 9) {
        subtableType = data.u16(subtable + 2);
        subtable += data.u32(subtable + 4);
      }
      // Format 1 is the only one of these types; its first offset is the mark (mark1) coverage.
      if (subtableType < 4 || subtableType > 6 || data.u16(subtable) !== 1) return null;
      coverageGlyphs(data, subtable + data.u16(subtable + 2), glyphs);
    }
    return glyphs;
  } catch (error) {
    // A DataView read past the end: a damaged table.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** Appends the glyphs a coverage table lists (format 1) or spans (format 2). */
function coverageGlyphs(data: Bytes, at: number, glyphs: number[]): void {
  const format = data.u16(at);
  const count = data.u16(at + 2);
  if (format === 1) {
    for (let index = 0; index < count; index++) glyphs.push(data.u16(at + 4 + 2 * index));
    return;
  }
  if (format !== 2) throw new RangeError(`coverage format ${format}`);
  for (let index = 0; index < count; index++) {
    const range = at + 4 + 6 * index;
    for (let glyph = data.u16(range); glyph <= data.u16(range + 2); glyph++) glyphs.push(glyph);
  }
}

/**
 * Coverage indexes and classes per table offset and glyph: a table lists its ranges in a linear
 * scan (as fontkit reads them), and each glyph meets the same tables in thousands of pairs.
 */
const lookedUp = new WeakMap<Bytes, Map<number, Map<number, number>>>();

function cached(
  data: Bytes,
  at: number,
  glyph: number,
  read: (data: Bytes, at: number, glyph: number) => number,
): number {
  let tables = lookedUp.get(data);
  if (!tables) lookedUp.set(data, (tables = new Map()));
  let glyphs = tables.get(at);
  if (!glyphs) tables.set(at, (glyphs = new Map()));
  let value = glyphs.get(glyph);
  if (value === undefined) {
    value = read(data, at, glyph);
    glyphs.set(glyph, value);
  }
  return value;
}

function applySubtable(data: Bytes, at: number, first: number, second: number): PairValues | null {
  const format = data.u16(at);
  const index = cached(data, at + data.u16(at + 2), first, coverageIndex);
  if (index === -1) return null;
  const format1 = data.u16(at + 4);
  const format2 = data.u16(at + 6);
  const size1 = 2 * popCount(format1);
  const size2 = 2 * popCount(format2);
  if (format === 1) {
    if (index >= data.u16(at + 8)) throw new RangeError('pair set index beyond the pair sets');
    const set = at + data.u16(at + 10 + 2 * index);
    const count = data.u16(set);
    for (let pair = 0; pair < count; pair++) {
      const record = set + 2 + pair * (2 + size1 + size2);
      if (data.u16(record) === second) {
        return [valueRecord(data, record + 2, format1), valueRecord(data, record + 2 + size1, format2)];
      }
    }
    return null;
  }
  if (format === 2) {
    const class1 = cached(data, at + data.u16(at + 8), first, classId);
    const class2 = cached(data, at + data.u16(at + 10), second, classId);
    const class1Count = data.u16(at + 12);
    const class2Count = data.u16(at + 14);
    if (class1 >= class1Count || class2 >= class2Count) throw new RangeError('class beyond the class records');
    const record = at + 16 + (class1 * class2Count + class2) * (size1 + size2);
    return [valueRecord(data, record, format1), valueRecord(data, record + size1, format2)];
  }
  throw new RangeError(`pair positioning format ${format}`);
}

/** The fields of a value record in OpenType order; device table offsets are skipped, as fontkit skips them in static fonts. */
function valueRecord(data: Bytes, at: number, format: number): ValueRecord {
  const value: ValueRecord = {};
  let offset = at;
  if (format & 0x1) {
    value.xPlacement = data.i16(offset);
    offset += 2;
  }
  if (format & 0x2) {
    value.yPlacement = data.i16(offset);
    offset += 2;
  }
  if (format & 0x4) {
    value.xAdvance = data.i16(offset);
    offset += 2;
  }
  if (format & 0x8) value.yAdvance = data.i16(offset);
  return value;
}

function popCount(format: number): number {
  let count = 0;
  for (let bits = format & 0xff; bits !== 0; bits >>= 1) count += bits & 1;
  return count;
}

/** fontkit's coverageIndex: the first listed position (format 1), or the first range holding the glyph (format 2). */
function coverageIndex(data: Bytes, at: number, glyph: number): number {
  const format = data.u16(at);
  const count = data.u16(at + 2);
  if (format === 1) {
    for (let index = 0; index < count; index++) if (data.u16(at + 4 + 2 * index) === glyph) return index;
    return -1;
  }
  if (format === 2) {
    for (let index = 0; index < count; index++) {
      const range = at + 4 + 6 * index;
      const start = data.u16(range);
      if (start <= glyph && glyph <= data.u16(range + 2)) return data.u16(range + 4) + glyph - start;
    }
    return -1;
  }
  throw new RangeError(`coverage format ${format}`);
}

/** fontkit's getClassID: 0 for a glyph the class definition does not list. */
function classId(data: Bytes, at: number, glyph: number): number {
  const format = data.u16(at);
  if (format === 1) {
    const index = glyph - data.u16(at + 2);
    return index >= 0 && index < data.u16(at + 4) ? data.u16(at + 6 + 2 * index) : 0;
  }
  if (format === 2) {
    const count = data.u16(at + 2);
    for (let index = 0; index < count; index++) {
      const range = at + 4 + 6 * index;
      if (data.u16(range) <= glyph && glyph <= data.u16(range + 2)) return data.u16(range + 4);
    }
    return 0;
  }
  throw new RangeError(`class definition format ${format}`);
}
