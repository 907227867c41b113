/**
 * html.ts `bodyToText` in SQL (RE2), for the SQL load of Teams pages (engine-read.ts). Each piece
 * is the same regular expression as html.ts applied in the same order; where RE2 and JavaScript
 * could disagree, the message is left to JavaScript (`htmlNeedsJavaScript`):
 * - case-insensitive JavaScript patterns are spelled with explicit `[aA]` classes, since RE2's
 *   `(?i)` also folds `ſ` and the Kelvin sign, which JavaScript's non-Unicode `i` does not;
 * - `\s` is JavaScript's whitespace class (`JS_WHITESPACE`), not RE2's ASCII one;
 * - `<script>` and `<style>` blocks (JavaScript removes them with a back-reference, which RE2
 *   lacks), numeric character references (decoded by a function per match), and `<at>` names
 *   holding a tag (JavaScript strips those tags before turning `<br>` into a line break) go to
 *   JavaScript.
 */
import { JS_WHITESPACE } from '../shared/engine-json.js';

/** A JavaScript `/word/i` as an RE2 pattern without folding beyond ASCII. */
const ci = (word: string): string => word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

const WS = `[${JS_WHITESPACE}]`;

/** html.ts's `<at id="N">Name</at>`: group 1 the id, group 2 the name. */
const AT = String.raw`<${ci('at')}\b[^>]*\b${ci('id')}${WS}*=${WS}*"([^"]*)"[^>]*>([\s\S]*?)</${ci('at')}>`;
/** html.ts's `<a href="...">`: group 1 the target. */
const HREF = String.raw`<${ci('a')}\b[^>]*\b${ci('href')}${WS}*=${WS}*"([^"]*)"`;
const BR = `<${ci('br')}${WS}*/?>`;
const BLOCK_END = `</(${['p', 'div', 'li', 'tr', 'blockquote', 'pre'].map(ci).join('|')}|${ci('h')}[1-6])>`;
/** What JavaScript alone handles (see the module comment). */
const JS_ONLY = String.raw`<(${ci('script')}|${ci('style')})\b|&#`;

const lit = (pattern: string): string => `'${pattern.replaceAll("'", "''")}'`;

/** SQL replacing every match of `pattern` in `text`. */
const replaceAll = (text: string, pattern: string, by: string): string =>
  `regexp_replace(${text}, ${lit(pattern)}, ${by}, 'g')`;

/** html.ts `decodeEntities` for the named entities (numeric ones go to JavaScript). `&amp;` last, so that `&amp;lt;` reads `&lt;`. */
export function decodeNamedSql(text: string): string {
  const named: [string, string][] = [
    ['lt', "'<'"],
    ['gt', "'>'"],
    ['quot', `'"'`],
    ['apos', "''''"],
    ['nbsp', "' '"],
    ['amp', "'&'"],
  ];
  return named.reduce((sql, [name, by]) => replaceAll(sql, `&${ci(name)};`, by), text);
}

/**
 * html.ts `normalizeSpace`. Runs of spaces, tabs and no-break spaces become one space: a lone
 * space is left alone rather than replaced by itself (the same text, and most words end in one:
 * rewriting each cost more than the rest of the clean-up). `breaks` (SQL) tells whether the text
 * may hold a line break; when false, the line-break steps are not run.
 */
export function normalizeSpaceSql(text: string, breaks = 'true'): string {
  const lf = 'chr(10)';
  let sql = replaceAll(text, String.raw`\r\n?`, lf);
  sql = replaceAll(sql, String.raw`[\t\x{a0}][ \t\x{a0}]*| [ \t\x{a0}]+`, "' '");
  const lines = replaceAll(replaceAll(sql, String.raw` ?\n ?`, lf), String.raw`\n{3,}`, `${lf} || ${lf}`);
  return replaceAll(`CASE WHEN ${breaks} THEN ${lines} ELSE ${sql} END`, `^${WS}+|${WS}+$`, "''");
}

/** Whether an HTML body holds something this SQL does not vouch for (see the module comment). */
export function htmlNeedsJavaScript(content: string): string {
  return `(regexp_matches(${content}, ${lit(JS_ONLY)}) OR coalesce(list_bool_or(list_transform(regexp_extract_all(${content}, ${lit(AT)}, 2), n -> contains(n, '<'))), false))`;
}

/** The `<at id>` numbers of an HTML body, in order. */
export const atIdsSql = (content: string): string => `regexp_extract_all(${content}, ${lit(AT)}, 1)`;

/** The http(s) `<a href>` targets of an HTML body, entities decoded, in order. */
export const hrefsSql = (content: string): string =>
  `list_filter(list_transform(regexp_extract_all(${content}, ${lit(HREF)}, 1), h -> ${decodeNamedSql('h')}), h -> regexp_matches(h, '^[hH][tT][tT][pP][sS]?://'))`;

/** The plain text of an HTML body (html.ts `bodyToText` for `contentType` html). */
export function htmlTextSql(content: string): string {
  let sql = replaceAll(content, AT, String.raw`'@\2'`);
  sql = replaceAll(sql, BR, 'chr(10)');
  sql = replaceAll(sql, BLOCK_END, 'chr(10)');
  sql = replaceAll(sql, '<[^>]*>', "''");
  return normalizeSpaceSql(decodeNamedSql(sql));
}
