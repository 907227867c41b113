/**
 * An input as the user writes it, on the command line or in the config's `inputs`: a path, or
 * `kind:path` to skip detection (`slack:exports/x.zip`). The kinds are the source registry's,
 * passed in by the caller (config and sources both read inputs; neither may import the other).
 */

// At least two letters before the colon, so that a Windows drive (`C:\exports`) is never a kind.
const KIND_PREFIX = /^([a-z][a-z0-9-]+):(.*)$/is;

/** A `kind:path` argument split; `kind` is null when there is no prefix or it names no known kind. */
export interface InputArg<K extends string> {
  kind: K | null;
  /** The path without a known kind prefix; the whole argument otherwise. */
  path: string;
  /** The word before the colon when it looks like a kind prefix but names none (for the hint), else null. */
  unknownPrefix: string | null;
}

/** Splits `slack:exports/x.zip` into kind and path; an unknown word before a colon stays part of the path (a file may be named `a:b.csv`). */
export function splitInputArg<K extends string>(arg: string, kinds: readonly K[]): InputArg<K> {
  const m = KIND_PREFIX.exec(arg);
  if (!m || m[1] === undefined || m[2] === undefined) return { kind: null, path: arg, unknownPrefix: null };
  const word = m[1].toLowerCase();
  const kind = kinds.find((k) => k === word);
  return kind ? { kind, path: m[2], unknownPrefix: null } : { kind: null, path: arg, unknownPrefix: m[1] };
}
