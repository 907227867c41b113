/**
 * Small text helpers shared by the adapters: link extraction for idea-to-action evidence and
 * titles cut to a fixed length.
 */

// A URL runs until whitespace or a character that cannot appear unescaped in one and that chat
// markup uses as a delimiter: `<` `>` (Slack `<url>`), `|` (Slack `<url|label>`), quotes.
const URL_PATTERN = /https?:\/\/[^\s<>"|`]+/gi;

// Punctuation that ends a sentence more often than it ends a URL.
const TRAILING_PUNCTUATION = /[.,;:!?'*_~]+$/;

const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * The http(s) URLs in a text, in order of first appearance, without duplicates.
 * Trailing sentence punctuation is dropped, and so is a closing bracket that has no opening
 * bracket inside the URL (`(see https://x.org/a)` gives `https://x.org/a`, while
 * `https://en.wikipedia.org/wiki/Foo_(bar)` is kept whole). Slack's `<url|label>` and `<url>`
 * forms give the URL alone.
 */
export function extractUrls(text: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    if (url.length <= 'https://'.length || !url.includes('://') || seen.has(url)) continue;
    seen.add(url);
    found.push(url);
  }
  return found;
}

function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, '');
    const last = url.charAt(url.length - 1);
    const opener = CLOSERS[last];
    if (opener !== undefined && count(url, opener) < count(url, last)) url = url.slice(0, -1);
    if (url === before) return url;
  }
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n += 1;
  return n;
}

/**
 * A one-line title from a text: whitespace (newlines included) collapsed to single spaces, and
 * when longer than `max` characters, cut to `max - 1` characters plus `…` so the result never
 * exceeds `max`. Characters are code points, so an emoji is never split in half. Empty text
 * gives an empty string.
 */
export function truncateTitle(text: string, max = 100): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const points = Array.from(line);
  if (points.length <= max) return line;
  return `${points
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/** `decodeURIComponent`, or the text as it is when it holds a malformed escape (`%E0%A4%A`). */
export function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
