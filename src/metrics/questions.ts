/**
 * Which threads are questions (issue 13): a thread is a question when its starter asks. Answered
 * rates, the unanswered list and the business case's minutes saved per answer are about
 * questions; an announcement ("Reminder: ... due on the 24th") that nobody replies to is not a
 * question left unanswered.
 *
 * The rule is a list of regular expressions (RE2 syntax, matched case-insensitively against the
 * starter's title and text): a starter is a question when any matches. The defaults catch a
 * question mark (not one inside a link's query string) and an interrogative opening in English,
 * German, French and Spanish; a champion whose pilot speaks another language adds patterns in
 * config (`questionPatterns`). Where the export types its messages, the platform's word comes
 * first: a Yammer starter of `message_type` question is a question whatever its text, and one of
 * type announcement, poll or praise is not (column `platform_question`, null when the export says
 * nothing; then the patterns decide).
 */

// The default rule is a config default (config may not import metrics); re-exported for the metrics and report.
export { DEFAULT_QUESTION_PATTERNS } from '../config/metrics-defaults.js';

/** One case-insensitive RE2 expression that matches when any pattern does. */
export function questionRegex(patterns: readonly string[]): string {
  // A boundary that is also no boundary never matches (RE2 has no lookahead): no pattern, no question.
  if (patterns.length === 0) return String.raw`\b\B`;
  return `(?i)${patterns.map((p) => `(?:${p})`).join('|')}`;
}

/** The SQL condition (on `activities`) of a question starter; `$pattern` is `questionRegex(...)`. */
export const QUESTION_FILTER = `
      AND coalesce(platform_question, regexp_matches(coalesce(title, ''), $pattern) OR regexp_matches(coalesce(text, ''), $pattern))`;
