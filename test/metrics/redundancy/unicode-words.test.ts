import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachWord, unicodeWords } from '../../../src/metrics/redundancy/unicode-words.js';
import { WordTable } from '../../../src/metrics/redundancy/word-table.js';

/** The definition the scanner replaces (the regexes tokenize used before), empty pieces left out. */
const byRegex = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

describe('unicodeWords', () => {
  it('splits ASCII on anything but letters and digits, lower-cased', () => {
    expect(unicodeWords("Q3 roll-out: VPN_access, it's OK!")).toEqual([
      'q3',
      'roll',
      'out',
      'vpn',
      'access',
      'it',
      's',
      'ok',
    ]);
    expect(unicodeWords('')).toEqual([]);
    expect(unicodeWords(' -- ')).toEqual([]);
  });

  it('removes accents, unfolds compatibility forms and keeps non-Latin letters', () => {
    // é = e + U+0301 and ï = i + U+0308 under NFKD, the marks dropped; the ligature ﬁ is "fi";
    // ½ is 1, U+2044 (a symbol: a split), 2; 𝐀 (U+1D400, a surrogate pair) is "A".
    expect(unicodeWords('Café naïve ﬁle ½ 𝐀bc')).toEqual(['cafe', 'naive', 'file', '1', '2', 'abc']);
    expect(unicodeWords('田中さん🎉来週')).toEqual(['田中さん', '来週']);
  });

  it('treats a lone surrogate as a separator, as a u regex does', () => {
    expect(unicodeWords('ab\ud800cd\udc00ef')).toEqual(['ab', 'cd', 'ef']);
  });

  it('agrees with the regex definition on any text', () => {
    const alphabet = fc.constantFrom(
      'a',
      'Z',
      '9',
      ' ',
      '-',
      'é',
      'e\u0301',
      'İ',
      'Σ',
      'ß',
      'ﬁ',
      '½',
      '①',
      '田',
      '🎉',
      '𝐀',
      '\ud800',
      '\udc00',
      '\u0903',
      'ǅ',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join('')),
        (text) => {
          expect(unicodeWords(text)).toEqual(byRegex(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('hands each word over as a range of one string', () => {
    const seen: string[] = [];
    forEachWord('One, TWO three', (s, start, end) => seen.push(`${start}-${end}:${s.slice(start, end)}`));
    expect(seen).toEqual(['0-3:one', '5-8:two', '9-14:three']);
  });
});

describe('WordTable', () => {
  it('finds a word by its range in another string', () => {
    const table = new WordTable();
    table.add('two', 2);
    table.add('one', -1);
    expect(table.get('one two', 4, 7)).toBe(2);
    expect(table.get('one two', 0, 3)).toBe(-1);
    expect(table.get('one two', 0, 2)).toBeUndefined();
    expect(table.get('twos', 0, 4)).toBeUndefined();
    expect(table.size).toBe(2);
  });

  it('keeps every word when it grows', () => {
    const table = new WordTable();
    const words = Array.from({ length: 5000 }, (_, k) => `w${k}`);
    words.forEach((w, k) => table.add(w, k));
    const text = words.join(' ');
    let at = 0;
    const found = words.map((w) => {
      const value = table.get(text, at, at + w.length);
      at += w.length + 1;
      return value;
    });
    expect(found).toEqual(words.map((_, k) => k));
  });
});
