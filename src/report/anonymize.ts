/**
 * `--anonymize` (spec §6): every person in every output becomes a stable pseudonym such as
 * `Person 7F3A`, except people who opted in to be named (`--recognize`). The pseudonym is the
 * start of a SHA-256 hash of the person id (an HMAC when a salt is given), so the same person gets
 * the same pseudonym in every run and whatever order persons are listed in.
 *
 * Without a salt, anyone who holds the staff directory can hash its e-mails and re-identify the
 * pseudonyms; a secret salt, kept the same between runs, prevents that and keeps pseudonyms stable.
 */
import { createHash, createHmac } from 'node:crypto';
import { foldName, MIN_TEXT_NAME, spelledEmail, textMatcher } from './name-matcher.js';

/** A person as the anonymizer needs to know them (a row of the `persons` table, plus extras). */
export interface PersonRef {
  /** Person id: the lower-cased e-mail when known, else `source:userId`. */
  id: string;
  name: string | null;
  email: string | null;
  /** Identity ids (`slack:U123`) that belong to the person; they are replaced like the id. */
  aliases?: readonly string[];
  /** Other names the person goes by in the sources (display names, wiki user names). */
  names?: readonly string[];
}

/** Who stays named, and the secret that keeps pseudonyms from being re-computed by others. */
export interface PseudonymizerOptions {
  /** E-mails (any case) or person ids of people who opted in to be named. */
  recognized?: ReadonlySet<string>;
  salt?: string;
}

/** Turns person keys, names and free text into their anonymized form. */
export interface Pseudonymizer {
  /**
   * A person id, e-mail or alias: recognized people keep it, known people get their pseudonym,
   * and an unknown key gets a pseudonym of its own (the same key always gives the same one).
   */
  key(value: string): string;
  /** Whether the key (id, e-mail, alias) belongs to a known person. */
  knows(value: string): boolean;
  /**
   * A value that may be a person's name (or a space's): with the key of its owner (a sibling id
   * field), the owner decides; else a known person's name is replaced and other text is scrubbed.
   */
  name(value: string, owner?: string): string;
  /** A value that is certainly a person's name: replaced even when the person is unknown. */
  personName(value: string): string;
  /** A value that stands for a person, as a key or a name (`people: ["Ana Ruiz"]`): replaced even when unknown. */
  person(value: string): string;
  /** Free text: e-mail-looking strings, known ids and known names inside it are replaced. */
  text(value: string): string;
  /** Entries of `recognized` that matched no person (for a warning: a typo in the recognize file?). */
  readonly unmatchedRecognized: readonly string[];
  /** Known persons who keep their name: at least one of their keys is in `recognized`. */
  readonly recognizedPersons: number;
}

/** Hex digits the pseudonym starts with; more are used only where two persons share the start. */
const MIN_CODE = 4;
/** E-mail local parts are matched on their own (`ping ana.ruiz`) when they are this long and hold a `.`, `_` or `-`. */
const MIN_TEXT_LOCAL_PART = 5;

interface Entry {
  pseudonym: string;
  recognized: boolean;
}

/** Every key and name of the known persons, and the digests pseudonyms are cut from. */
interface PersonIndex {
  byKey: Map<string, Entry>;
  /** Folded name (see `foldName`; also in "Last, First" order) -> everyone who goes by it. */
  nameOwners: Map<string, Entry[]>;
  /** Folded names as their words, for the text pattern. */
  nameWords: Map<string, string[]>;
  /** Lower-cased e-mail local part -> the e-mail (a key of `byKey`). */
  localParts: Map<string, string>;
  /** Names as written, for the exact-case check of one-word names. */
  exactNames: Set<string>;
  /** Entries of `recognized` that matched a person. */
  matched: Set<string>;
  /** Digests of the person ids, sorted. */
  digests: string[];
  /** Persons with at least one recognized key. */
  recognizedPersons: number;
}

function indexPersons(
  persons: readonly PersonRef[],
  recognized: ReadonlySet<string>,
  digest: (key: string) => string,
): PersonIndex {
  const sorted = [...persons].sort((a, b) => compare(a.id, b.id));
  const digests = [...new Set(sorted.map((p) => digest(p.id)))].sort(compare);
  const index: PersonIndex = {
    byKey: new Map(),
    nameOwners: new Map(),
    nameWords: new Map(),
    localParts: new Map(),
    exactNames: new Set(),
    matched: new Set(),
    digests,
    recognizedPersons: 0,
  };
  for (const person of sorted) {
    const keys = personKeys(person);
    const own = keys.filter((k) => recognized.has(k));
    own.forEach((k) => index.matched.add(k));
    const entry: Entry = { pseudonym: `Person ${code(digest(person.id), digests)}`, recognized: own.length > 0 };
    if (entry.recognized) index.recognizedPersons += 1;
    for (const key of keys) if (!index.byKey.has(key)) index.byKey.set(key, entry);
    for (const key of keys) {
      const local = /^([^@]+)@/.exec(key)?.[1];
      if (
        local !== undefined &&
        local.length >= MIN_TEXT_LOCAL_PART &&
        /[._-]/.test(local) &&
        !index.localParts.has(local)
      )
        index.localParts.set(local, key);
    }
    for (const name of personNames(person)) {
      index.exactNames.add(name.normalize('NFC'));
      const words = foldName(name).split(' ');
      // "Carter, Helen" as directories write it, for names of two words or more.
      const orders =
        words.length > 1
          ? [words.join(' '), `${words[words.length - 1]}, ${words.slice(0, -1).join(' ')}`]
          : [words.join(' ')];
      for (const folded of new Set(orders)) {
        const owners = index.nameOwners.get(folded) ?? [];
        // One person may go by the same folded name twice (`Ana Ruiz`, `ANA RUIZ`): counted once.
        if (!owners.includes(entry)) index.nameOwners.set(folded, [...owners, entry]);
      }
      index.nameWords.set(words.join(' '), words);
    }
  }
  return index;
}

/** Builds the pseudonymizer for a set of persons; see the module comment. */
export function pseudonymizer(persons: readonly PersonRef[], options: PseudonymizerOptions = {}): Pseudonymizer {
  const digest = (key: string): string => hash(key, options.salt);
  const recognized = new Set([...(options.recognized ?? [])].map(normalizeKey));
  const { byKey, nameOwners, nameWords, localParts, exactNames, matched, digests, recognizedPersons } = indexPersons(
    persons,
    recognized,
    digest,
  );
  const unknown = (value: string): string => `Person ${code(digest(normalizeKey(value)), digests)}`;
  const key = (value: string): string => {
    const normal = normalizeKey(value);
    const entry = byKey.get(normal);
    if (entry) return entry.recognized ? value : entry.pseudonym;
    return recognized.has(normal) ? value : unknown(value);
  };
  const nameOf = (value: string): string | null => {
    const folded = foldName(value);
    const owners = nameOwners.get(folded);
    if (!owners) return null;
    const [only] = owners;
    // Two people with the same name: the name alone cannot tell whose pseudonym to use, so it
    // gets one of its own; it stays only if everyone with that name opted in.
    if (owners.length > 1) return owners.every((o) => o.recognized) ? value : unknown(`name:${folded}`);
    return !only || only.recognized ? value : only.pseudonym;
  };
  const mailboxes = [...byKey.keys()]
    .flatMap((k) => (k.includes('@') ? [k.slice(0, k.indexOf('@'))] : []))
    .filter((l) => l.length >= MIN_TEXT_NAME);
  const matcher = textMatcher(
    [...byKey.keys()],
    [...nameWords.values()],
    [...localParts.keys()],
    [...new Set(mailboxes)],
  );
  const replaceMatch = (found: string): string => {
    const email = spelledEmail(found);
    if (email !== null) return key(email);
    if (byKey.has(normalizeKey(found))) return key(found);
    const local = localParts.get(found.toLowerCase());
    if (local !== undefined) return key(local);
    // The pattern ignores case; a one-word name must match exactly, so that "will" stays for "Will".
    if (!/[\s\u200b,]/.test(found) && !exactNames.has(found)) return found;
    return nameOf(found) ?? found;
  };
  const text = (value: string): string => {
    if (byKey.has(normalizeKey(value))) return key(value);
    const whole = nameOf(value);
    if (whole !== null) return whole;
    // Matched in NFC, so that a decomposed name is found; text without a match is returned as it came.
    const composed = value.normalize('NFC');
    const replaced = composed.replace(matcher, replaceMatch);
    return replaced === composed ? value : replaced;
  };
  const ownerOf = (owner: string): Entry | undefined => byKey.get(normalizeKey(owner));
  return {
    key,
    knows: (value) => byKey.has(normalizeKey(value)),
    name: (value, owner) => {
      const entry = owner === undefined ? undefined : ownerOf(owner);
      if (entry) return entry.recognized ? value : entry.pseudonym;
      return text(value);
    },
    personName: (value) => nameOf(value) ?? unknown(`name:${foldName(value)}`),
    person: (value) =>
      byKey.has(normalizeKey(value)) || value.includes('@') ? key(value) : (nameOf(value) ?? key(value)),
    text,
    unmatchedRecognized: [...recognized].filter((r) => !matched.has(r)).sort(compare),
    recognizedPersons,
  };
}

/** Person ids and e-mails compare lower-cased; other ids (`slack:U123`) as written. */
function normalizeKey(value: string): string {
  const trimmed = value.trim();
  return trimmed.includes('@') ? trimmed.toLowerCase() : trimmed;
}

function personKeys(person: PersonRef): string[] {
  const keys = [person.id, person.email, ...(person.aliases ?? [])].filter(
    (k): k is string => k !== null && k.trim() !== '',
  );
  return [...new Set(keys.map(normalizeKey))];
}

function personNames(person: PersonRef): string[] {
  const names = [person.name, ...(person.names ?? [])].filter((n): n is string => n !== null && n.trim() !== '');
  return [...new Set(names.map((n) => n.trim()))];
}

function hash(key: string, salt: string | undefined): string {
  const h = salt === undefined ? createHash('sha256') : createHmac('sha256', salt);
  return h.update(key, 'utf8').digest('hex').toUpperCase();
}

/**
 * The digest's shortest start (at least MIN_CODE digits) that no other digest of `sorted` shares:
 * one more digit than its longest common start with its sorted neighbours. It depends only on the
 * set of known digests, never on the order persons came in.
 */
function code(digest: string, sorted: readonly string[]): string {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(sorted[mid] ?? '', digest) < 0) lo = mid + 1;
    else hi = mid;
  }
  const neighbours = [sorted[lo - 1], sorted[lo], sorted[lo + 1]].filter(
    (d): d is string => d !== undefined && d !== digest,
  );
  const shared = Math.max(0, ...neighbours.map((d) => commonStart(d, digest)));
  return digest.slice(0, Math.max(MIN_CODE, shared + 1));
}

function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n += 1;
  return n;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys whose value is always a person (an id, e-mail or name, or a list of them). */
const PERSON_KEYS = new Set([
  'author',
  'authorId',
  'person',
  'personId',
  'people',
  'persons',
  'email',
  'moderator',
  'moderators',
  'participants',
]);
/**
 * Keys whose value is a name, and the sibling keys that may say whose name it is, in order.
 * `always`: the value is a person's name even when no sibling says whose; otherwise (`name`) it may
 * be a space's or a department's and is replaced only when it is a known person's.
 */
const NAME_KEYS: Record<string, { owners: readonly string[]; always: boolean }> = {
  name: { owners: ['person', 'personId', 'email', 'id'], always: false },
  displayName: { owners: ['person', 'personId', 'email', 'id'], always: false },
  personName: { owners: ['person', 'personId', 'email'], always: true },
  authorName: { owners: ['author', 'authorId'], always: true },
};

/**
 * A deep copy of the document with every person replaced: values under person keys (`author`,
 * `person`, `people`, `email`… see PERSON_KEYS) always; values under name keys (`name`,
 * `authorName`…) when a sibling id says whose name it is or the name is a known person's (a space
 * called `name` is left alone); any other string when it is a known id or contains an e-mail or a
 * known name; object keys the same way as other strings. Structure, numbers and booleans are kept.
 */
export function anonymizeDocument<T>(doc: T, p: Pseudonymizer): T {
  const copy = structuredClone(doc);
  rewrite(copy, p);
  return copy;
}

/** Rewrites an object or array in place (the copy's own), so that its type is kept without casts. */
function rewrite(node: unknown, p: Pseudonymizer): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((item: unknown, i) => {
      if (typeof item === 'string') Reflect.set(node, i, p.text(item));
      else rewrite(item, p);
    });
    return;
  }
  const entries = Object.entries(node);
  for (const [k] of entries) Reflect.deleteProperty(node, k);
  for (const [k, value] of entries) {
    let target = p.text(k);
    for (let n = 2; Object.hasOwn(node, target); n += 1) target = `${p.text(k)} (${n})`;
    Reflect.set(node, target, rewriteField(entries, k, value, p));
  }
}

function rewriteField(
  siblings: ReadonlyArray<[string, unknown]>,
  key: string,
  value: unknown,
  p: Pseudonymizer,
): unknown {
  if (PERSON_KEYS.has(key)) {
    if (typeof value === 'string') return p.person(value);
    if (Array.isArray(value)) {
      value.forEach((item: unknown, i) =>
        typeof item === 'string' ? Reflect.set(value, i, p.person(item)) : rewrite(item, p),
      );
      return value;
    }
  }
  const nameKey = NAME_KEYS[key];
  if (nameKey && typeof value === 'string') {
    const owners = nameKey.owners
      .map((k) => siblings.find(([name]) => name === k)?.[1])
      .filter((v): v is string => typeof v === 'string');
    const known = owners.find((v) => p.knows(v));
    if (known !== undefined) return p.name(value, known);
    // A person's name whose owner is unknown: the owner's key (or else the name) gives the pseudonym.
    if (nameKey.always) return owners[0] !== undefined ? p.key(owners[0]) : p.personName(value);
    return p.name(value);
  }
  if (typeof value === 'string') return p.text(value);
  rewrite(value, p);
  return value;
}
