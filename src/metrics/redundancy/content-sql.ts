/**
 * `contentOf` (clean-text.ts) as DuckDB SQL, for the engine path of duplicate efforts: the same
 * removals in the same order, behind the same cheap tests, so the words that reach the comparison
 * are the same without every text leaving the engine. RE2 differs from JavaScript's regexps in
 * three ways that matter here, each handled below: its `\s` is ASCII only (JavaScript's is
 * Unicode), it has no look-behind (the mention rule), and its `.` and multi-line `$` know only
 * `\n` as a line end (JavaScript's also `\r`, U+2028 and U+2029). test/metrics/redundancy checks
 * this against `contentOf` on every text of the fixtures, the sample pilot and the labelled set.
 */

/** JavaScript's `\s`: ASCII white space, no-break and typographic spaces, line separators, BOM. */
const JS_SPACE = String.raw`\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;

/** JavaScript's line terminators (what its `.` never matches and its multi-line `$` stops before). */
const JS_LINE_END = String.raw`\n\r\x{2028}\x{2029}`;

/** A code point standing for an `@` that follows a word character or a dot (a noncharacter: no text holds it). */
const MARKED_AT = '\uFDD0';

const EXTENSIONS = 'png|jpe?g|gif|bmp|svg|pdf|docx?|xlsx?|pptx?|csv|zip|txt|mov|mp4|heic';

/** A SQL string literal of `pattern`. */
function lit(pattern: string): string {
  return `'${pattern.replace(/'/g, "''")}'`;
}

/** Each step: the expression of the next content from the previous one, `c`. */
const STEPS: readonly string[] = [
  // LINKS, behind the same test as contentOf (which is case-sensitive: `WWW.` alone is left).
  `CASE WHEN contains(c, '://') OR contains(c, 'www.') THEN regexp_replace(c, ${lit(
    String.raw`\b(?:[a-zA-Z][a-zA-Z0-9+.-]*://|[wW][wW][wW]\.)[^${JS_SPACE}]+`,
  )}, ' ', 'g') ELSE c END`,
  // EMAILS.
  `CASE WHEN contains(c, '@') THEN regexp_replace(c, ${lit(String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)}, ' ', 'g') ELSE c END`,
  // SYSTEM lines, behind SYSTEM_HINT. The file share's `$` (JavaScript: before any line end) is
  // RE2's `$` before `\n` or the other line ends taken and put back (`\1`).
  `CASE WHEN regexp_matches(c, ${lit('(?i)file|joined|left the|set the|pinned|created page')}) THEN
     regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(c,
       ${lit(String.raw`(?im)\b(?:uploaded|shared) a file:[^${JS_LINE_END}]*?(?:\band commented:|$|([\r\x{2028}\x{2029}]))`)}, ' \\1', 'g'),
       ${lit(String.raw`(?i)\bcommented on [^\n]*?(?:'s|’s)? file[^\n:]*:`)}, ' ', 'g'),
       ${lit(String.raw`(?i)\bhas (?:joined|left) the (?:channel|group|team)\b`)}, ' ', 'g'),
       ${lit(String.raw`(?i)\bset the (?:channel|group) (?:purpose|topic|description):`)}, ' ', 'g'),
       ${lit(String.raw`(?i)\bpinned (?:a message|an item) to this channel\b`)}, ' ', 'g'),
       ${lit(String.raw`\bCreated page with\b`)}, ' ', 'g')
   ELSE c END`,
  // FILE_NAMES, behind FILE_EXTENSION.
  `CASE WHEN regexp_matches(c, ${lit(String.raw`(?i)\.(?:${EXTENSIONS})\b`)})
     THEN regexp_replace(c, ${lit(String.raw`(?i)\b[\w .-]{0,60}\.(?:${EXTENSIONS})\b`)}, ' ', 'g') ELSE c END`,
  // MENTIONS. Its look-behind `(?<![\w.])@` becomes: first mark each `@` that follows a word
  // character or a dot (such a pair never overlaps another, so one pass marks them all), then match
  // the unmarked ones, then unmark. The look-behind saw the original text; so does the marking.
  `CASE WHEN contains(c, '@') THEN replace(regexp_replace(regexp_replace(c,
     ${lit(String.raw`([\w.])@`)}, ${lit(`\\1${MARKED_AT}`)}, 'g'),
     ${lit(String.raw`@(?:\p{Lu}[\pL\pN_'’.-]*(?:[ \t]+\p{Lu}[\pL'’-]*)?|[\pL\pN_.-]+)`)}, ' ', 'g'),
     '${MARKED_AT}', '@') ELSE c END`,
  // EMOJI_CODES.
  `CASE WHEN contains(c, ':') THEN regexp_replace(c, ${lit('(?i):[a-z0-9_+-]+:')}, ' ', 'g') ELSE c END`,
  // GREETING: the first match only, at the start.
  `regexp_replace(c, ${lit(
    String.raw`(?i)^[${JS_SPACE}]*(?:(?:hi|hello|hey|hiya|howdy|dear|hola|bonjour|greetings|good (?:morning|afternoon|evening))[${JS_SPACE},]*)+(?:(?:all|everyone|everybody|folks|team|there|y'all|you all|guys|people|friends|colleagues)\b)?[${JS_SPACE}!,.:;-]*`,
  )}, '')`,
];

/**
 * SIGN_OFF, on the last 80 characters, twice. JavaScript counts UTF-16 units and DuckDB code
 * points: a text with characters beyond the BMP (emoji) near its end may be cut a few characters
 * apart, which changes the result only when a sign-off starts exactly there.
 */
const SIGN_OFF = lit(
  String.raw`(?i)(?:^|[\n.!?][${JS_SPACE}]*)(?:thanks(?: a lot| so much| in advance)?|thank you(?: all| so much| in advance)?|many thanks|cheers|best(?: wishes| regards)?|kind regards|regards|thx|ty)[${JS_SPACE}!,.:-]*(?:\p{Lu}[\pL'’-]*(?:[${JS_SPACE}]+\p{Lu}[\pL'’-]*)?)?[${JS_SPACE}!.]*$`,
);

/**
 * A SQL `WITH` chain: from `source` (a relation with a text column `body` and the columns `keep`),
 * the relation `name` with the same columns and `content`: `contentOf(body)` up to white space
 * (runs of it are not collapsed, and the ends not trimmed: only words are read from it).
 */
export function contentSql(name: string, source: string, keep: readonly string[]): string {
  const cols = keep.join(', ');
  const steps = STEPS.map(
    (step, k) =>
      `${name}_${k + 1} AS (SELECT ${cols}, ${step} AS c FROM ${k === 0 ? `(SELECT ${cols}, body AS c FROM ${source})` : `${name}_${k}`})`,
  );
  const last = `${name}_${STEPS.length}`;
  return `${steps.join(',\n')},
    ${name}_cut AS (SELECT ${cols}, c, greatest(0, length(c) - 80) AS cut FROM ${last}),
    ${name} AS (SELECT ${cols}, left(c, cut) || regexp_replace(regexp_replace(substr(c, cut + 1), ${SIGN_OFF}, ''), ${SIGN_OFF}, '') AS content FROM ${name}_cut)`;
}
