/**
 * Turns zod issues into one-line messages that name the place (file, variable or option) and the
 * key path, with a "did you mean" for misspelled keys.
 */
import { z } from 'zod';
import { configSchema } from './schema.js';

/** A key path into the config: object keys and array indices. */
export type KeyPath = ReadonlyArray<string | number>;

/** How one config layer names places, for messages. */
export interface LayerNaming {
  /** The place of a key path, e.g. `pilot-report.config.json: ideas.stallDays`. */
  where(path: KeyPath): string;
  /** How a user writes the key at `path` in this layer, e.g. `stallDays` or `PILOT_REPORT_IDEAS__STALL_DAYS`. */
  spell(path: KeyPath): string;
}

/** Dotted form of a key path (`targets.0.op`). */
export function dotted(path: KeyPath): string {
  return path.join('.');
}

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `word` (case-insensitive), when it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && distance < word.length && (!best || distance < best.distance)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate;
}

function unwrap(node: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = node;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap();
  return current;
}

/** The schema node at a key path (array indices step into the element), if there is one. */
export function schemaAt(path: KeyPath, schema: z.core.$ZodType = configSchema): z.core.$ZodType | undefined {
  let node = unwrap(schema);
  for (const segment of path) {
    if (node instanceof z.ZodObject) node = unwrap(node.shape[String(segment)]);
    else if (node instanceof z.ZodArray) node = unwrap(node.element);
    else return undefined;
  }
  return node;
}

/** The keys an object at `path` accepts (empty when `path` is not an object). */
export function keysAt(path: KeyPath): string[] {
  const node = schemaAt(path);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

/** The value at a key path of a plain JSON value. */
export function valueAt(root: unknown, path: KeyPath): unknown {
  let current = root;
  for (const segment of path) {
    // Own keys only: `__proto__` must read as "not set", not as Object.prototype.
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = Reflect.get(current, segment);
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value} ${shown}`;
}

function issueProblem(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? `required ${issue.expected} is missing`
        : `expected ${issue.expected}, got ${describeValue(value)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describeValue(value)}`;
    default:
      return `${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}; got ${describeValue(value)}`;
  }
}

/**
 * One message per problem. `naming` picks the layer a path came from (after the layers were merged,
 * the value at a path belongs to the highest layer that set it); `input` is the merged raw value.
 */
export function formatIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  naming: (path: KeyPath) => LayerNaming,
): string[] {
  const messages: string[] = [];
  for (const issue of issues) {
    const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) messages.push(unknownKeyMessage([...path, key], naming([...path, key])));
      continue;
    }
    messages.push(`${naming(path).where(path)}: ${issueProblem(issue, valueAt(input, path))}`);
  }
  return messages;
}

function unknownKeyMessage(path: KeyPath, layer: LayerNaming): string {
  const parent = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const suggestion = closest(key, keysAt(parent));
  const hint = suggestion === undefined ? '' : `; did you mean "${layer.spell([...parent, suggestion])}"?`;
  return `${layer.where(path)}: unknown key${hint}`;
}
