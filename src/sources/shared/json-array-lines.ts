/**
 * The fast path of `readJsonArray`: one native `JSON.parse` of a whole file, then a light scan
 * that finds the line each element of the root array starts on. In a profile of a million-message
 * Slack export the character-by-character scanner plus one `JSON.parse` per message cost about as
 * much as everything else in the read; this path does the same work in a fraction of it. Anything
 * it is not sure about (invalid JSON, a root that is not an array) returns null, and the caller
 * falls back to the scanner, which places the error exactly.
 */

/** Elements of a root array with the line each starts on, or null when `text` is not one JSON array. */
export function parseJsonArrayText(text: string): { value: unknown; line: number }[] | null {
  // The scanner skips a leading byte-order mark; JSON.parse would reject it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const values: unknown[] = parsed;
  const lines = elementLines(body);
  if (lines.length !== values.length) return null;
  return values.map((value, i) => ({ value, line: lines[i] ?? 1 }));
}

/**
 * Start lines of the root array's elements in text already known to be valid JSON. Valid JSON
 * has no raw line break inside a string, so every `\n` outside strings is a line end; strings are
 * skipped with `indexOf` rather than walked.
 */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let expectElement = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line += 1;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
    if (expectElement && depth === 1 && c !== 0x5d) {
      lines.push(line);
      expectElement = false;
    }
    if (c === 0x22) i = closingQuote(text, i);
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth === 1) expectElement = true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
    else if (c === 0x2c && depth === 1) expectElement = true;
  }
  return lines;
}

/** Index of the quote that closes the string opening at `open` (one not escaped by a backslash). */
function closingQuote(text: string, open: number): number {
  for (let j = text.indexOf('"', open + 1); j !== -1; j = text.indexOf('"', j + 1)) {
    let backslashes = 0;
    for (let k = j - 1; text.charCodeAt(k) === 0x5c; k -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return j;
  }
  return text.length;
}
