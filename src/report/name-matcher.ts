/**
 * Finding people in free text for `--anonymize`: e-mails (also spelled out, `x at domain`), known
 * ids, e-mail local parts and names, matched on normalized text (NFC, any case, any whitespace
 * between a name's words, "Last, First" order). Split from anonymize.ts, which decides what a
 * match becomes.
 */

/** E-mail-looking text: `local@domain`, the domain with optional dotted parts. */
const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/u;
/** A domain in a spelled-out e-mail: dotted, ending in a label of letters (`aurora.example`, not `10.30`). */
const DOMAIN = '[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}(?![\\p{L}\\p{N}])';
/**
 * An e-mail written so that robots miss it: `ana.ruiz at example.com`, `ana [at] example.com`,
 * `ana(at)example.com`. With a bare " at " the local part must hold a `.`, `_` or `+` (or be a
 * known person's, see textMatcher), so that "look at example.com" is left alone.
 */
const SPELLED_EMAIL = new RegExp(
  `[\\p{L}\\p{N}._%+'-]+\\s*(?:\\[at\\]|\\(at\\)|\\{at\\}|<at>)\\s*${DOMAIN}|[\\p{L}\\p{N}%'-]*[._+][\\p{L}\\p{N}._%+'-]*\\s+at\\s+${DOMAIN}`,
  'u',
);
/** Single-word names shorter than this are replaced only as whole values, never inside text. */
export const MIN_TEXT_NAME = 3;
/** Whitespace as text writes it between the words of a name: spaces, no-break spaces, tabs, line breaks. */
const GAP = '[\\s\\u200b]+';

/**
 * A name as it is compared: NFC (so that a decomposed "José" is the composed one), lower case, any
 * run of whitespace (no-break space, line break, tab, zero-width space) as one space, and a comma
 * followed by one space ("Carter,Helen" is "carter, helen").
 */
export function foldName(value: string): string {
  return value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u200b]+/g, ' ')
    .replace(/ ?, ?/g, ', ')
    .trim();
}

/** `local@domain` (lower-cased) of an e-mail as found in text, written with `@` or spelled out; null for anything else. */
export function spelledEmail(found: string): string | null {
  if (found.includes('@')) return found.trim().toLowerCase();
  const m = /^(.+?)\s*(?:\[at\]|\(at\)|\{at\}|<at>|\sat\s)\s*(\S+)$/iu.exec(found);
  return m?.[1] !== undefined && m[2] !== undefined ? `${m[1]}@${m[2]}`.toLowerCase() : null;
}

/**
 * One pass over a (NFC) string finds e-mails, written with `@` or spelled out, known ids, e-mail
 * local parts and known names (longest first, whole words only). A name's words may be separated
 * by any whitespace, and names of two words or more are also found as "Last, First".
 *
 * The known strings are compiled into a trie-shaped pattern (`trieSource`): an alternation of
 * thousands of names was tried name by name at every position (12 ms per 100-character title with
 * 2,000 persons); the trie tries one branch per character. Every pattern that can start inside a
 * word is anchored by a look-behind, so a long token is not scanned again from each of its
 * characters (which made a 40,000-character token take 15 s).
 */
export function textMatcher(
  keys: readonly string[],
  names: readonly (readonly string[])[],
  locals: readonly string[],
  mailboxes: readonly string[],
): RegExp {
  const literal = (text: string): string[] => [...text].map((c) => (REGEXP_SYNTAX.has(c) ? `\\${c}` : c));
  const namePatterns = (words: readonly string[]): string[][] => {
    const forward = words.flatMap((w, i) => (i === 0 ? literal(w) : [GAP, ...literal(w)]));
    if (words.length < 2) return [forward];
    const rest = words.slice(0, -1).flatMap((w, i) => (i === 0 ? literal(w) : [GAP, ...literal(w)]));
    return [forward, [...literal(words[words.length - 1] ?? ''), COMMA_GAP, ...rest]];
  };
  const usable = names.filter((w) => w.length > 1 || (w[0] ?? '').length >= MIN_TEXT_NAME);
  const words = [...[...keys.filter((k) => !k.includes('@')), ...locals].map(literal), ...usable.flatMap(namePatterns)];
  const email = `(?<![\\p{L}\\p{N}._%+'-])(?:${EMAIL.source}|${SPELLED_EMAIL.source})`;
  // Known local parts spelled out with a bare " at " (the generic pattern wants a `.`, `_` or `+`).
  const knownSpelled =
    mailboxes.length === 0 ? '' : `|(?<![\\p{L}\\p{N}_.])${trieSource(mailboxes.map(literal))}\\s+at\\s+${DOMAIN}`;
  const wordPart = words.length === 0 ? '' : `|(?<![\\p{L}\\p{N}_])${trieSource(words)}(?![\\p{L}\\p{N}_])`;
  return new RegExp(`${email}${knownSpelled}${wordPart}`, 'giu');
}

/** Characters that mean something in a pattern (escaped one by one in trie atoms). */
const REGEXP_SYNTAX = new Set('.*+?^${}()|[]\\');

/** A name's comma in "Last, First": spaces before it, any whitespace (or none) after it. */
const COMMA_GAP = '\\s*,[\\s\\u200b]*';

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

/** A pattern matching any of the sequences of pattern atoms, longest first, shaped as a trie. */
function trieSource(sequences: readonly (readonly string[])[]): string {
  const root: TrieNode = { children: new Map(), end: false };
  for (const atoms of sequences) {
    let node = root;
    for (const atom of atoms) {
      let next = node.children.get(atom);
      if (next === undefined) {
        next = { children: new Map(), end: false };
        node.children.set(atom, next);
      }
      node = next;
    }
    node.end = true;
  }
  return `(?:${branches(root)})`;
}

/** The pattern below a trie node; a node that ends a sequence makes what follows optional (greedy: longer first). */
function branches(node: TrieNode): string {
  const parts = [...node.children]
    .sort(([a], [b]) => compare(a, b))
    .map(([atom, child]) => {
      if (child.children.size === 0) return atom;
      const below = branches(child);
      const grouped = child.children.size > 1 || child.end ? `(?:${below})` : below;
      return `${atom}${grouped}${child.end ? '?' : ''}`;
    });
  return parts.join('|');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
