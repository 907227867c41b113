import {
  classGlyphs,
  classId,
  coverageGlyphs,
  coverageIndex,
  ligatureGlyphs,
  subtables,
  type ClassDef,
  type Coverage,
  type OtTable,
  type Subtable,
} from './opentype-tables.js';
import {
  readMarkAttachmentGlyphs,
  readPairLookup,
  type PairLookup,
  type PairValues,
  type ValueRecord,
} from './gpos-pairs.js';

/**
 * Shaping a word without fontkit's full layout, where that provably gives fontkit's result.
 *
 * pdfkit shapes every new word (text up to and including a space) through fontkit's `layout`,
 * which detects the script, builds a shaping plan, collects the lookups of the default features
 * and runs every GSUB and GPOS lookup over the glyphs: about 12 % of the sample pilot's run, for
 * words that in DejaVu Sans almost always come out as their cmap glyphs with pair kerning.
 *
 * This module reads the font's GSUB, GPOS and GDEF tables once per font file and script and
 * shapes a word directly when nothing but ligatures and pair kerning can apply to it:
 * - every character is a Latin, Cyrillic or Common (punctuation, digits, symbols, the line feed)
 *   character of a few long-stable BMP blocks, not a mark, not default-ignorable, not U+2044 (which
 *   turns on the fraction features), and the word has at most one of the two scripts, so the script
 *   fontkit detects is `latn`, `cyrl` or none, as computed here;
 * - no glyph of the word is where a GSUB lookup of that script's default features can start
 *   (its coverage), except chaining-context rules that need a glyph no accepted character or
 *   ligature maps to (a mark, say), and ligatures, which are substituted here as fontkit
 *   substitutes them (lookups with flags that skip glyphs excepted: a match there goes to
 *   fontkit), the ligature glyph then held to the same rules;
 * - no glyph is where a GPOS lookup other than pair positioning starts (mark, cursive,
 *   contextual); pair positioning is applied as fontkit applies it (first matching subtable
 *   per lookup and glyph, value records added);
 * - no input glyph is a mark or ligature by GDEF.
 * Anything else (CJK, emoji, Greek, marks, words mixing Latin and Cyrillic, fonts with feature
 * variations or a legacy `kern` table) returns null and pdfkit's own fontkit layout runs. The
 * sample pilot's report then never starts fontkit's layout engine (bench/README.md, s14-d).
 * test/report/pdf/word-shaping.test.ts compares both for every word of the sample report and of
 * the shared sample exports.
 */

/** A glyph as fontkit returns it (pdfkit reads the id, the code points and the advance). */
export interface ShapedGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

/** A glyph position in pdfkit's units (1/1000 em), as pdfkit's `layoutRun` leaves it. */
export interface ShapedPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** What pdfkit's `layoutRun` returns and its callers read. */
export interface ShapedRun {
  glyphs: ShapedGlyph[];
  positions: ShapedPosition[];
  advanceWidth: number;
}

/** The parts of a fontkit font this module reads (fontkit has no types; checked at run time). */
export interface FontkitFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): ShapedGlyph;
  /** The glyph object of `id` (fontkit keeps one per id: the first call's code points stay). */
  getGlyph(id: number, codePoints?: number[]): ShapedGlyph;
  GSUB?: OtTable | null;
  GPOS?: OtTable | null;
  GDEF?: { glyphClassDef?: ClassDef | null } | null;
  kern?: unknown;
  /** The font file's bytes (restructure's DecodeStream) and where its tables are. */
  stream?: { buffer?: unknown };
  directory?: { tables?: Record<string, { offset: number } | undefined> };
}

// The features fontkit's default shaper turns on for horizontal text (its DefaultShaper: rvrn,
// the direction's, the fraction features (local, included here to stay on the safe side),
// the common and the horizontal ones).
const DEFAULT_FEATURES = new Set([
  'rvrn',
  'ltra',
  'ltrm',
  'rtla',
  'rtlm',
  'frac',
  'numr',
  'dnom',
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
]);

/** fontkit's fallback when the font has no entry for the detected script. */
const FALLBACK_SCRIPTS = ['DFLT', 'dflt', 'latn'];

// Blocks whose characters are Latin, Cyrillic or Common script since Unicode 1.1-4.0 (so fontkit's
// unicode-properties and V8 agree): the line feed (a word ends with it when a paragraph does; it maps
// to glyph 0, as in fontkit), Basic Latin, Latin-1, Latin Extended-A/B, Cyrillic, Latin Extended
// Additional (precomposed Vietnamese), General Punctuation, currency, arrows, mathematical
// operators, box drawing, geometric shapes, dingbats (✓).
const BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x0a, 0x0a],
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x400, 0x4ff],
  [0x1e00, 0x1ef9],
  [0x2010, 0x205e],
  [0x20a0, 0x20b5],
  [0x2190, 0x22ff],
  [0x2500, 0x25ff],
  [0x2701, 0x27be],
];
const ACCEPTED_SCRIPT = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Common}]$/u;
const LATIN = /^\p{Script=Latin}$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;
// Marks, default-ignorables and control characters other than the line feed.
const EXCLUDED = /^[\p{M}\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;

/** How a code point enters the fast path: 0 not at all, 1 Common, 2 Latin, 3 Cyrillic (2 and 3 set the script). */
type CharKind = 0 | 1 | 2 | 3;
// Per UTF-16 code unit (every accepted character is in the BMP): the kind plus one, 0 not yet known.
const charKinds = new Uint8Array(0x10000);

function charKind(codePoint: number): CharKind {
  if (codePoint > 0xffff) return 0;
  const known = charKinds[codePoint];
  if (known) return (known - 1) as CharKind;
  const char = String.fromCodePoint(codePoint);
  let kind: CharKind;
  const inBlock = BLOCKS.some(([low, high]) => codePoint >= low && codePoint <= high);
  if (!inBlock || codePoint === 0x2044 || (codePoint !== 0x0a && EXCLUDED.test(char)) || !ACCEPTED_SCRIPT.test(char))
    kind = 0;
  else kind = LATIN.test(char) ? 2 : CYRILLIC.test(char) ? 3 : 1;
  charKinds[codePoint] = kind + 1;
  return kind;
}

/** The script fontkit detects for a word of these characters: its one strong script; null when it mixes two. */
function wordScript(text: string): string | null {
  let script = 'Zzzz';
  for (let index = 0; index < text.length; index++) {
    const kind = charKind(text.charCodeAt(index));
    if (kind === 0) return null;
    const strong = kind === 2 ? 'latn' : kind === 3 ? 'cyrl' : null;
    if (strong === null) continue;
    if (script !== 'Zzzz' && script !== strong) return null;
    script = strong;
  }
  return script;
}

/** A GSUB ligature lookup: its subtables, and whether this module can apply it as fontkit does. */
interface LigatureLookup {
  subtables: Subtable[];
  /** The glyphs a ligature of the lookup can start with (its coverages): most words have none. */
  starts: Set<number>;
  /**
   * No flag that makes fontkit skip glyphs while matching it (ligatures, base glyphs, a mark
   * class or set: a word here has no marks, so IgnoreMarks changes nothing): a match is then
   * substituted here, otherwise the word goes to fontkit.
   */
  substitutable: boolean;
}

/** What one script of one font allows: glyphs that send a word to fontkit, ligatures, pair lookups. */
interface ScriptPlan {
  /** Glyphs where a lookup other than pair positioning or a ligature can start. */
  blocked: Set<number>;
  /** The script's GSUB ligature lookups in lookup order, applied to each word. */
  ligatures: LigatureLookup[];
  /** Pair positioning lookups in lookup order, read from the font's bytes. */
  pairs: PairLookup[];
}

/** Everything read from one font file, shared by every document of the process. */
interface FontPlan {
  /** Per detected script ('latn', 'cyrl' or 'Zzzz'); null when the font cannot take the fast path. */
  scripts: Map<string, ScriptPlan | null>;
  /** GDEF glyph class per glyph id (2 ligature, 3 mark), cached. */
  glyphClass: Map<number, number>;
  /** Pair adjustments per script and glyph pair (id1 * 65536 + id2). */
  pairCache: Map<string, Map<number, readonly PairValues[] | null>>;
  /** The glyphs of every accepted character (reachableGlyphs), once per font file for all its scripts. */
  reachable: ReadonlySet<number> | null;
}

const plans = new Map<string, FontPlan>();

/**
 * Shapes `text` (one word, possibly with its trailing space) as pdfkit's `layoutRun` would, in
 * 1/1000 em, or returns null when the word needs fontkit's full layout. `key` names the font
 * file: what is read from the tables is shared by every document using that file.
 */
export function shapeWord(font: FontkitFont, key: string, text: string): ShapedRun | null {
  const script = wordScript(text);
  if (script === null) return null;
  let plan = plans.get(key);
  if (!plan) {
    plan = { scripts: new Map(), glyphClass: new Map(), pairCache: new Map(), reachable: null };
    plans.set(key, plan);
  }
  let scriptPlan = plan.scripts.get(script);
  if (scriptPlan === undefined) {
    scriptPlan = planScript(font, script, plan);
    plan.scripts.set(script, scriptPlan);
  }
  if (scriptPlan === null) return null;
  const input: ShapedGlyph[] = [];
  for (let index = 0; index < text.length; index++) {
    // All accepted characters are in the BMP: one UTF-16 unit each.
    const glyph = font.glyphForCodePoint(text.charCodeAt(index));
    if (scriptPlan.blocked.has(glyph.id)) return null;
    const glyphClass = classOf(plan, font, glyph.id);
    if (glyphClass === 2 || glyphClass === 3) return null;
    input.push(glyph);
  }
  const ligated = applyLigatures(font, scriptPlan.ligatures, input, text);
  if (ligated === null) return null;
  const glyphs = ligated.glyphs;
  if (ligated.substituted) {
    // A ligature glyph where a lookup can start, or that is a mark, or pair lookups that skip
    // ligatures: fontkit's rules go further than this module's.
    for (const glyph of glyphs) {
      if (scriptPlan.blocked.has(glyph.id) || classOf(plan, font, glyph.id) === 3) return null;
    }
    if (scriptPlan.pairs.some((pairs) => pairs.ignoresLigatures)) return null;
  }
  const adjustments = pairAdjustments(plan, scriptPlan, script, glyphs);
  return adjustments ? position(font, glyphs, adjustments) : null;
}

function classOf(plan: FontPlan, font: FontkitFont, glyph: number): number {
  let value = plan.glyphClass.get(glyph);
  if (value === undefined) {
    const classDef = font.GDEF?.glyphClassDef;
    value = classDef ? classId(glyph, classDef) : 0;
    plan.glyphClass.set(glyph, value);
  }
  return value;
}

/** The positions fontkit gives: advances plus the pair values, then scaled as pdfkit scales them. */
function position(
  font: FontkitFont,
  glyphs: ShapedGlyph[],
  adjustments: ReadonlyArray<readonly PairValues[] | undefined>,
): ShapedRun {
  const positions = glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
  adjustments.forEach((values, index) => {
    if (!values) return;
    for (const [first, second] of values) {
      addValue(positions[index], first);
      addValue(positions[index + 1], second);
    }
  });
  const scale = 1000 / font.unitsPerEm;
  const scaled: ShapedPosition[] = [];
  let advanceWidth = 0;
  positions.forEach((raw, index) => {
    // The same operations as pdfkit's layoutRun and fontkit's GlyphRun.advanceWidth.
    const shaped = {
      xAdvance: raw.xAdvance * scale,
      yAdvance: raw.yAdvance * scale,
      xOffset: raw.xOffset * scale,
      yOffset: raw.yOffset * scale,
      advanceWidth: (glyphs[index]?.advanceWidth ?? 0) * scale,
    };
    advanceWidth += shaped.xAdvance;
    scaled.push(shaped);
  });
  return { glyphs, positions: scaled, advanceWidth };
}

function addValue(
  target: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number } | undefined,
  value: ValueRecord | undefined,
): void {
  if (!target || !value) return;
  if (value.xAdvance != null) target.xAdvance += value.xAdvance;
  if (value.yAdvance != null) target.yAdvance += value.yAdvance;
  if (value.xPlacement != null) target.xOffset += value.xPlacement;
  if (value.yPlacement != null) target.yOffset += value.yPlacement;
}

/** Per glyph index, the value records the pair lookups apply at that glyph and the next; null when a table is damaged. */
function pairAdjustments(
  plan: FontPlan,
  scriptPlan: ScriptPlan,
  script: string,
  glyphs: ShapedGlyph[],
): Array<readonly PairValues[] | undefined> | null {
  let cache = plan.pairCache.get(script);
  if (!cache) plan.pairCache.set(script, (cache = new Map()));
  const result: Array<readonly PairValues[] | undefined> = [];
  for (let index = 0; index + 1 < glyphs.length; index++) {
    const first = glyphs[index]?.id ?? 0;
    const second = glyphs[index + 1]?.id ?? 0;
    const pairKey = first * 65536 + second;
    let values = cache.get(pairKey);
    if (values === undefined) {
      values = pairValues(scriptPlan.pairs, first, second);
      cache.set(pairKey, values);
    }
    if (values === null) return null;
    result.push(values.length > 0 ? values : undefined);
  }
  return result;
}

/** What every pair lookup applies at `first` then `second`, in lookup order; null when one cannot tell. */
function pairValues(lookups: readonly PairLookup[], first: number, second: number): PairValues[] | null {
  const values: PairValues[] = [];
  for (const lookup of lookups) {
    const applied = lookup.apply(first, second);
    if (applied === 'unknown') return null;
    if (applied) values.push(applied);
  }
  return values;
}

/**
 * The word's glyphs after the ligature lookups, applied as fontkit's GSUB processor applies them:
 * lookup after lookup over the whole word, at each glyph the first subtable and the first ligature
 * of its set whose components follow; the ligature glyph takes the code points of the characters it
 * replaces, and the next glyph to look at is the one after it. Null when a lookup that is not
 * `substitutable` matches, or a subtable is not what fontkit decodes.
 */
function applyLigatures(
  font: FontkitFont,
  lookups: readonly LigatureLookup[],
  input: ShapedGlyph[],
  text: string,
): { glyphs: ShapedGlyph[]; substituted: boolean } | null {
  if (!lookups.some((lookup) => input.some((glyph) => lookup.starts.has(glyph.id)))) {
    return { glyphs: input, substituted: false };
  }
  const glyphs = [...input];
  // The characters behind each glyph (fontkit's GlyphInfo code points, not the glyph object's).
  const characters = Array.from(text, (char) => [char.charCodeAt(0)]);
  let substituted = false;
  for (const lookup of lookups) {
    for (let index = 0; index < glyphs.length; index++) {
      if (!lookup.starts.has(glyphs[index]?.id ?? -1)) continue;
      const match = ligatureAt(lookup.subtables, glyphs, index);
      if (match === null) return null;
      if (match === undefined) continue;
      if (!lookup.substitutable) return null;
      const replaced = characters.slice(index, index + 1 + match.components).flat();
      glyphs.splice(index, 1 + match.components, font.getGlyph(match.glyph, replaced));
      characters.splice(index, 1 + match.components, replaced);
      substituted = true;
    }
  }
  return { glyphs, substituted };
}

/** The ligature the first matching subtable forms at `index` (undefined: none); null when a subtable cannot be read. */
function ligatureAt(
  subtables: readonly Subtable[],
  glyphs: readonly ShapedGlyph[],
  index: number,
): { glyph: number; components: number } | null | undefined {
  for (const table of subtables) {
    if (!table.coverage || !table.ligatureSets) return null;
    const coverage = coverageIndex(table.coverage, glyphs[index]?.id ?? -1);
    if (coverage === -1) continue;
    for (const ligature of table.ligatureSets.get(coverage)) {
      const components = ligature.components;
      let matched = index + components.length < glyphs.length;
      for (let offset = 0; matched && offset < components.length; offset++) {
        matched = glyphs[index + 1 + offset]?.id === components[offset];
      }
      if (matched) return { glyph: ligature.glyph, components: components.length };
    }
  }
  return undefined;
}

/** Reads what `script` allows in `font`, or null when the font is outside what this module models. */
function planScript(font: FontkitFont, script: string, fontPlan: FontPlan): ScriptPlan | null {
  const gsub = font.GSUB;
  const gpos = font.GPOS;
  const tables = font.directory?.tables;
  const bytes = font.stream?.buffer;
  const gposOffset = tables?.['GPOS']?.offset;
  // Without GPOS kerning fontkit falls back to the legacy kern table or to Unicode mark
  // positioning; without GSUB or GPOS at all, to other code paths; a variable font (fvar) moves
  // positions by its device tables: leave those to fontkit.
  if (!gsub || !gpos || gsub.featureVariations || gpos.featureVariations || tables?.['fvar']) return null;
  if (!(bytes instanceof Uint8Array) || gposOffset === undefined) return null;
  const plan: ScriptPlan = { blocked: new Set(), ligatures: [], pairs: [] };
  const substitutions = scriptLookups(gsub, script);
  const positionings = scriptLookups(gpos, script);
  if (!substitutions || !positionings) return null;
  if (!positionings.features.has('kern') && font.kern) return null;
  const lookups = substitutions.lookups.map((index) => gsub.lookupList.get(index));
  // Ligatures first: the glyphs they form can take part in the chaining rules below.
  const formed = new Set<number>();
  for (const lookup of lookups) {
    const all = subtables(lookup, 7);
    const ligatures = all.filter(({ type }) => type === 4).map(({ table }) => table);
    if (ligatures.length === 0 || lookup.flags.flags.ignoreBaseGlyphs) continue;
    // A ligature subtable that is not what fontkit decodes: leave the font to fontkit.
    if (ligatures.some((table) => !table.coverage || !table.ligatureSets)) return null;
    const { flags, markAttachmentType } = lookup.flags;
    plan.ligatures.push({
      subtables: ligatures,
      starts: new Set(ligatures.flatMap((table) => (table.coverage ? coverageGlyphs(table.coverage) : []))),
      substitutable:
        ligatures.length === all.length && !flags.ignoreLigatures && !flags.useMarkFilteringSet && !markAttachmentType,
    });
    for (const table of ligatures) for (const glyph of ligatureGlyphs(table)) formed.add(glyph);
  }
  let reachable: Set<number> | undefined;
  for (const lookup of lookups) {
    for (const { type, table } of subtables(lookup, 7)) {
      if (type === 4 && !lookup.flags.flags.ignoreBaseGlyphs) continue;
      if (type === 6 && table.version === 2) {
        fontPlan.reachable ??= reachableGlyphs(font);
        reachable ??= new Set([...fontPlan.reachable, ...formed]);
        blockChainClassRules(plan.blocked, table, reachable);
      } else for (const coverage of anchorCoverages(type, table, false)) addCoverage(plan.blocked, coverage);
    }
  }
  for (const index of positionings.lookups) {
    // Pair positioning is read from the bytes (gpos-pairs.ts), never decoded by fontkit here: not
    // even the lookup itself, whose decoding by restructure decodes every pair record beneath it
    // (DejaVu's kerning, ~8 % of the sample pilot's PDF time; bench/README.md, s14-d).
    const pairs = readPairLookup(bytes, gposOffset, index);
    if (pairs) {
      plan.pairs.push(pairs);
      continue;
    }
    // Mark attachment only blocks the glyphs of its mark coverages, read from the bytes too.
    const marks = readMarkAttachmentGlyphs(bytes, gposOffset, index);
    if (marks) {
      for (const glyph of marks) plan.blocked.add(glyph);
      continue;
    }
    const lookup = gpos.lookupList.get(index);
    for (const { type, table } of subtables(lookup, 9)) {
      for (const coverage of anchorCoverages(type, table, true)) addCoverage(plan.blocked, coverage);
    }
  }
  return plan;
}

/** The lookups fontkit applies for `script` (default language system, default features): their indexes, in order. */
function scriptLookups(table: OtTable, script: string): { lookups: number[]; features: Set<string> } | null {
  const entry =
    table.scriptList.find((candidate) => candidate.tag === script) ??
    FALLBACK_SCRIPTS.map((tag) => table.scriptList.find((candidate) => candidate.tag === tag)).find(Boolean);
  if (!entry) return null;
  const langSys = entry.script.defaultLangSys;
  if (!langSys) return { lookups: [], features: new Set() };
  // fontkit keeps one feature table per tag, the last listed.
  const features = new Map<string, number[]>();
  for (const featureIndex of langSys.featureIndexes) {
    const record = table.featureList[featureIndex];
    if (record) features.set(record.tag, record.feature.lookupListIndexes);
  }
  const indexes = new Set<number>();
  for (const [tag, lookupIndexes] of features) {
    if (DEFAULT_FEATURES.has(tag)) for (const index of lookupIndexes) indexes.add(index);
  }
  return {
    lookups: [...indexes].sort((a, b) => a - b),
    features: new Set([...features.keys()].filter((tag) => DEFAULT_FEATURES.has(tag))),
  };
}

/** The coverages holding every glyph where a subtable of `type` can start to apply. */
function anchorCoverages(type: number, table: Subtable, gpos: boolean): Coverage[] {
  const all = [table.coverage, table.markCoverage, table.mark1Coverage, ...(table.coverages ?? [])];
  // Mark attachment applies at the mark (GPOS 4-6); the base or ligature coverage only matches.
  if (gpos && (type === 4 || type === 5)) return table.markCoverage ? [table.markCoverage] : [];
  if (gpos && type === 6) return table.mark1Coverage ? [table.mark1Coverage] : [];
  all.push(...(table.inputCoverage ?? []));
  return all.filter((coverage): coverage is Coverage => coverage !== undefined);
}

/**
 * Chaining context by classes (GSUB 6.2): a covered glyph can start a substitution only through
 * a rule all of whose classes hold a glyph some accepted character maps to; the other rules never
 * match a word this module shapes (DejaVu's dotless i and j before a combining accent).
 */
function blockChainClassRules(blocked: Set<number>, table: Subtable, reachable: ReadonlySet<number>): void {
  const { coverage, inputClassDef, backtrackClassDef, lookaheadClassDef, chainClassSet } = table;
  if (!coverage || !inputClassDef || !backtrackClassDef || !lookaheadClassDef || !chainClassSet) {
    for (const anchor of anchorCoverages(6, table, false)) addCoverage(blocked, anchor);
    return;
  }
  // Class 0 is every glyph the definition does not list, so always reachable. Rules repeat
  // classes, so each class is looked at once.
  const known = new Map<ClassDef, Map<number, boolean>>();
  const unreachable = (classDef: ClassDef, value: number): boolean => {
    let classes = known.get(classDef);
    if (!classes) known.set(classDef, (classes = new Map()));
    let result = classes.get(value);
    if (result === undefined) {
      result = value !== 0 && !classGlyphs(classDef, value).some((glyph) => reachable.has(glyph));
      classes.set(value, result);
    }
    return result;
  };
  for (const glyph of coverageGlyphs(coverage)) {
    const rules = chainClassSet[classId(glyph, inputClassDef)] ?? [];
    const canMatch = rules.some(
      (rule) =>
        !rule.backtrack.some((value) => unreachable(backtrackClassDef, value)) &&
        !rule.input.some((value) => unreachable(inputClassDef, value)) &&
        !rule.lookahead.some((value) => unreachable(lookaheadClassDef, value)),
    );
    if (canMatch) blocked.add(glyph);
  }
}

/** The glyphs of every character `shapeWord` accepts: all a shaped word can contain. */
function reachableGlyphs(font: FontkitFont): Set<number> {
  const glyphs = new Set<number>();
  for (const [low, high] of BLOCKS) {
    for (let codePoint = low; codePoint <= high; codePoint++) {
      if (charKind(codePoint) !== 0) glyphs.add(font.glyphForCodePoint(codePoint).id);
    }
  }
  return glyphs;
}

function addCoverage(blocked: Set<number>, coverage: Coverage): void {
  for (const glyph of coverageGlyphs(coverage)) blocked.add(glyph);
}
