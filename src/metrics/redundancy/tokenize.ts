import { unicodeWords } from './unicode-words.js';

/**
 * Words of a text for similarity: lower-cased, accents removed, split on anything that is not a
 * letter or digit, common English function words, one-letter words and bare numbers dropped, and
 * light English suffixes folded (`checklists` -> `checklist`, `policies` -> `policy`, `creating`
 * and `created` -> `creat`, `evaluation` -> `evaluat`) so that rewordings of one text still match.
 * The folded forms are only compared with each other, never shown.
 */

export const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be been before being below between both but by can could
  did do does doing done down during each few for from further had has have having he her here hers him his how i if in
  into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she
  should so some such than that the their theirs them then there these they this those through to too under until up
  very was we were what when where which while who whom why will with would you your yours anyone someone everyone
  hi hello thanks thank please let us via re vs`.split(/\s+/),
);

/** Folds simple English plurals; short words are left alone (`bus`, `gas`). */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/**
 * Folds the verb and noun endings that rewordings swap most (`-ing`, `-ed`, `-ation`, a final
 * `-e`, a doubled last consonant): a much smaller cousin of Porter's stemmer, enough for
 * "mapping" / "mapped" / "map" or "automate" / "automating" / "automation" to meet.
 */
function stem(word: string): string {
  let base = word;
  if (base.length > 5 && base.endsWith('ing')) base = base.slice(0, -3);
  else if (base.length > 4 && base.endsWith('ed') && !base.endsWith('eed')) base = base.slice(0, -2);
  if (base.length > 4 && base.endsWith('e')) base = base.slice(0, -1);
  if (base !== word && /([^aeiouslz])\1$/.test(base)) base = base.slice(0, -1);
  return base;
}

/**
 * The folded term of one raw word (see {@link unicodeWords}), or null for a word that carries no
 * meaning (stop word, number, one letter). Callers that meet the same words again and again cache
 * it per raw word.
 */
export function foldWord(word: string): string | null {
  if (word.length <= 1 || STOP_WORDS.has(word) || /^\p{N}+$/u.test(word)) return null;
  return stem(singular(word));
}

/** The words of `text` that carry meaning, folded, in order (with repeats). */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const word of unicodeWords(text)) {
    const term = foldWord(word);
    if (term !== null) terms.push(term);
  }
  return terms;
}
