/**
 * fontkit's decoded OpenType layout tables (GSUB, GPOS, GDEF), as far as word-shaping.ts reads
 * them, and the readings of their coverages and class definitions that fontkit's own processors
 * make. fontkit has no types: these describe the fields it decodes.
 */

export interface Coverage {
  version: number;
  glyphs?: ArrayLike<number>;
  rangeRecords?: ReadonlyArray<{ start: number; end: number; startCoverageIndex: number }>;
}

export interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: ArrayLike<number>;
  classRangeRecord?: ReadonlyArray<{ start: number; end: number; class: number }>;
}

/** A lookup subtable: the fields of every type this module reads, all optional. */
export interface Subtable {
  version: number;
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  inputClassDef?: ClassDef;
  backtrackClassDef?: ClassDef;
  lookaheadClassDef?: ClassDef;
  chainClassSet?: ReadonlyArray<ReadonlyArray<{
    backtrack: number[];
    input: number[];
    lookahead: number[];
  }> | null>;
  ligatureSets?: { get(index: number): ReadonlyArray<{ glyph: number; components: ArrayLike<number> }> };
}

export interface Lookup {
  lookupType: number;
  flags: {
    markAttachmentType?: number;
    flags: { ignoreBaseGlyphs: boolean; ignoreLigatures?: boolean; useMarkFilteringSet?: boolean };
  };
  subTables: ArrayLike<Subtable>;
}

export interface OtTable {
  scriptList: ReadonlyArray<{
    tag: string;
    script: { defaultLangSys: { featureIndexes: number[] } | null };
  }>;
  featureList: ReadonlyArray<{ tag: string; feature: { lookupListIndexes: number[] } }>;
  lookupList: { get(index: number): Lookup };
  featureVariations?: unknown;
}

/** A lookup's subtables with extension subtables (GSUB 7, GPOS 9) unwrapped. */
export function subtables(lookup: Lookup, extensionType: number): Array<{ type: number; table: Subtable }> {
  return Array.from(lookup.subTables, (table) =>
    lookup.lookupType === extensionType && table.extension && table.lookupType !== undefined
      ? { type: table.lookupType, table: table.extension }
      : { type: lookup.lookupType, table },
  );
}

/** Every glyph a ligature subtable can form. */
export function ligatureGlyphs(table: Subtable): number[] {
  if (!table.coverage || !table.ligatureSets) return [];
  const sets = table.ligatureSets;
  return coverageGlyphs(table.coverage).flatMap((_, index) => sets.get(index).map((ligature) => ligature.glyph));
}

/** The glyphs a coverage table lists (format 1) or spans (format 2). */
export function coverageGlyphs(coverage: Coverage): number[] {
  if (coverage.version === 1) return Array.from(coverage.glyphs ?? []);
  const glyphs: number[] = [];
  for (const range of coverage.rangeRecords ?? [])
    for (let glyph = range.start; glyph <= range.end; glyph++) glyphs.push(glyph);
  return glyphs;
}

/** fontkit's coverageIndex. */
export function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return Array.prototype.indexOf.call(coverage.glyphs ?? [], glyph);
  for (const range of coverage.rangeRecords ?? []) {
    if (range.start <= glyph && glyph <= range.end) return range.startCoverageIndex + glyph - range.start;
  }
  return -1;
}

/** fontkit's getClassID: 0 for a glyph the class definition does not list. */
export function classId(glyph: number, classDef: ClassDef): number {
  if (classDef.version === 1) {
    const index = glyph - (classDef.startGlyph ?? 0);
    const values = classDef.classValueArray;
    if (values && index >= 0 && index < values.length) return values[index] ?? 0;
    return 0;
  }
  for (const range of classDef.classRangeRecord ?? []) {
    if (range.start <= glyph && glyph <= range.end) return range.class;
  }
  return 0;
}

export function classGlyphs(classDef: ClassDef, value: number): number[] {
  const glyphs: number[] = [];
  if (classDef.version === 1) {
    const values = classDef.classValueArray ?? [];
    for (let index = 0; index < values.length; index++) {
      if (values[index] === value) glyphs.push((classDef.startGlyph ?? 0) + index);
    }
    return glyphs;
  }
  for (const range of classDef.classRangeRecord ?? []) {
    if (range.class === value) for (let glyph = range.start; glyph <= range.end; glyph++) glyphs.push(glyph);
  }
  return glyphs;
}
