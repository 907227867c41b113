/**
 * The raw words of a text, as `text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()`
 * split on `/[^\p{L}\p{N}]+/u` (empty pieces left out), but with the two Unicode-property regexes
 * replaced by one scan over a per-code-point class cache: those regexes cost ~10 ns a character,
 * which on a million posts was most of the metric's time. ASCII texts skip normalization (NFKD
 * leaves ASCII as it is, and it holds no marks).
 */

const WORD = 1;
const MARK = 2;
const OTHER = 3;

/** Class of each BMP code unit, filled on first sight (0: not seen yet). */
const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();
const NON_ASCII = /[^\x00-\x7f]/;

function classOf(char: string): number {
  if (/^[\p{L}\p{N}]$/u.test(char)) return WORD;
  return /^\p{M}$/u.test(char) ? MARK : OTHER;
}

/** Set on a class when its code point takes two code units (a surrogate pair). */
const PAIR = 4;

/**
 * Class of the code point at `k` of `s`, with {@link PAIR} set when it spans two code units. A
 * lone surrogate is a code point of its own that is no letter, digit or mark, as for a `u` regex.
 * (A plain number, not an object: this runs once per character.)
 */
function classAt(s: string, k: number): number {
  const code = s.charCodeAt(k);
  if (code >= 0xd800 && code <= 0xdbff && k + 1 < s.length) {
    const low = s.charCodeAt(k + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      let kind = astralClass.get(point);
      if (kind === undefined) astralClass.set(point, (kind = classOf(String.fromCodePoint(point))));
      return kind | PAIR;
    }
  }
  let kind = bmpClass[code] ?? 0;
  if (kind === 0) bmpClass[code] = kind = classOf(String.fromCharCode(code));
  return kind;
}

/** `s` without its combining marks (`s` itself when it has none). */
function withoutMarks(s: string): string {
  let kept = '';
  let from = 0;
  for (let k = 0; k < s.length; ) {
    const kind = classAt(s, k);
    const next = k + (kind & PAIR ? 2 : 1);
    if ((kind & ~PAIR) === MARK) {
      kept += s.slice(from, k);
      from = next;
    }
    k = next;
  }
  return from === 0 ? s : kept + s.slice(from);
}

/** Calls `visit(s, start, end)` for each maximal run of letters and digits of `s`, in order. */
function forEachRun(s: string, visit: (s: string, start: number, end: number) => void): void {
  let start = -1;
  for (let k = 0; k < s.length; ) {
    const kind = classAt(s, k);
    if ((kind & ~PAIR) === WORD) {
      if (start < 0) start = k;
    } else if (start >= 0) {
      visit(s, start, k);
      start = -1;
    }
    k += kind & PAIR ? 2 : 1;
  }
  if (start >= 0) visit(s, start, s.length);
}

/**
 * Calls `visit(s, start, end)` for each raw word of `text` (see {@link unicodeWords}): the word is
 * `s.slice(start, end)`, left to the caller to cut, as one that only looks words up need not.
 */
export function forEachWord(text: string, visit: (s: string, start: number, end: number) => void): void {
  forEachRun(NON_ASCII.test(text) ? withoutMarks(text.normalize('NFKD')).toLowerCase() : text.toLowerCase(), visit);
}

/** The raw words of `text`: accents removed, lower-cased, split on anything not a letter or digit. */
export function unicodeWords(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (s, start, end) => words.push(s.slice(start, end)));
  return words;
}
