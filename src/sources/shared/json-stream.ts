import type { Readable } from 'node:stream';
import { decodeUnicode, UnicodeStreamDecoder } from './unicode-text.js';
import { parseJsonArrayText } from './json-array-lines.js';
import { JsonScanner, JsonSyntaxError, type JsonEvent } from './json-scanner.js';

export { JsonScanner, JsonSyntaxError, type JsonEvent } from './json-scanner.js';

/**
 * A streaming reader for the JSON shapes exports use: a root array of records (Slack day files,
 * `users.json`), a root object whose `value` array holds the records (a Microsoft Graph page), or
 * several such roots one after the other (pages concatenated, NDJSON). Only one record is held in
 * memory at a time, and every record comes with the line it starts on, so that problems and
 * provenance can name `file:line`.
 */
/**
 * Streams the events of a JSON byte stream (UTF-8, or UTF-16/32 told by its first bytes, RFC 4627
 * §3). Throws {@link JsonSyntaxError} where the JSON breaks.
 */
export async function* readJsonEvents(stream: Readable): AsyncGenerator<JsonEvent> {
  const decoder = new UnicodeStreamDecoder();
  const scanner = new JsonScanner();
  try {
    for await (const chunk of stream) {
      const text: string = Buffer.isBuffer(chunk) ? decoder.push(chunk) : String(chunk);
      yield* scanner.feed(text);
    }
    yield* scanner.feed(decoder.end());
    yield* scanner.finish();
  } finally {
    stream.destroy();
  }
}

/**
 * The first record of a JSON stream, reading at most `maxChars` characters: the first element of a
 * root array or of a root object's `value` array, or a root object without `value` rebuilt from
 * its members. Undefined when the head holds none or is not JSON (detection must never throw).
 */
export async function firstJsonRecord(stream: Readable, maxChars: number): Promise<unknown> {
  const decoder = new UnicodeStreamDecoder();
  const scanner = new JsonScanner();
  const members: Record<string, unknown> = {};
  let seen = 0;
  try {
    for await (const chunk of stream) {
      const text: string = Buffer.isBuffer(chunk) ? decoder.push(chunk) : String(chunk);
      for (const event of scanner.feed(text.slice(0, Math.max(0, maxChars - seen)))) {
        if (event.type === 'item') return event.value;
        if (event.type === 'member') members[event.key] = event.value;
        if (event.type === 'rootEnd') return event.kind === 'object' ? members : undefined;
      }
      seen += text.length;
      if (seen >= maxChars) return undefined;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    stream.destroy();
  }
}

/** One element of a JSON array with the line it starts on. */
export interface JsonItem {
  value: unknown;
  line: number;
}

/** Why a file that should hold one JSON array does not. */
export interface JsonArrayFailure {
  line: number | null;
  detail: string;
}

/**
 * Reads a file that must hold one JSON array (a Slack day file, `users.json`) and returns its
 * elements with their lines, or why it cannot be used. All or nothing: a file that breaks halfway
 * gives no elements, so that its records are never half counted.
 */
export async function readJsonArray(stream: Readable): Promise<{ items: JsonItem[] } | { failure: JsonArrayFailure }> {
  // All or nothing means every element is held anyway: read the whole file and let one native
  // JSON.parse do the work; the scanner runs only on files that fail it, to place the error.
  const text = await readAllText(stream);
  const items = parseJsonArrayText(text);
  return items ? { items } : scanJsonArray(text);
}

async function readAllText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  } finally {
    stream.destroy();
  }
  return decodeUnicode(Buffer.concat(chunks));
}

function scanJsonArray(text: string): { items: JsonItem[] } | { failure: JsonArrayFailure } {
  const items: JsonItem[] = [];
  const scanner = new JsonScanner();
  let roots = 0;
  try {
    for (const event of [...scanner.feed(text), ...scanner.finish()]) {
      if (event.type === 'rootStart') {
        roots += 1;
        if (event.kind !== 'array' || roots > 1)
          return { failure: { line: event.line, detail: 'is not one JSON array' } };
      } else if (event.type === 'item') items.push({ value: event.value, line: event.line });
    }
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      return { failure: { line: error.line, detail: `is not valid JSON (${error.message})` } };
    throw error;
  }
  if (roots === 0) return { failure: { line: null, detail: 'is empty, not a JSON array' } };
  return { items };
}

/** A JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string field, or null. */
export function stringField(object: Record<string, unknown>, key: string): string | null {
  const value = object[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** An object field, or null. */
export function objectField(object: Record<string, unknown>, key: string): Record<string, unknown> | null {
  const value = object[key];
  return isJsonObject(value) ? value : null;
}

/** An array field, or an empty array. */
export function arrayField(object: Record<string, unknown>, key: string): readonly unknown[] {
  const value = object[key];
  return Array.isArray(value) ? value : [];
}
