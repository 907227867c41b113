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

/** Mentions, hashtags and a leading quote may come before the opening word. */
const LEAD = String.raw`^[\s"“'«¿¡]*(?:[@#]\S+[\s,:]+)*`;
/** An opening word must end at a blank, punctuation or the end (\b is ASCII-only in RE2). */
const END = String.raw`(?:[\s,:;?!.]|$)`;

const OPENINGS = [
  // English
  'who', 'whom', 'whose', 'what', 'when', 'where', 'why', 'how', 'which', 'can', 'could', 'does', 'did', 'is there', 'are there',
  'is anyone', 'is it', 'are we', 'are you', 'should', 'would', 'anyone', 'has anyone', 'have you', 'any idea', 'any ideas',
  // German
  'wer', 'wann', 'warum', 'wieso', 'weshalb', 'wo', 'woher', 'wohin', 'welche', 'welcher', 'welches', 'kann jemand', 'gibt es', 'hat jemand', 'weiß jemand', 'weiss jemand',
  // French
  'qui', 'quand', 'où', 'pourquoi', 'comment', 'quel', 'quelle', 'quels', 'quelles', "est-ce que", "quelqu'un",
  // Spanish
  'quién', 'quiénes', 'cuándo', 'dónde', 'por qué', 'cómo', 'cuál', 'alguien',
];

/** The default question rule; config `questionPatterns` replaces it. */
export const DEFAULT_QUESTION_PATTERNS: readonly string[] = [
  // a question mark that ends a sentence or the text (a `?` inside a URL does not); full-width and Spanish marks
  String.raw`\?(?:[\s"'”»)\]]|$)|？|¿`,
  `${LEAD}(?:${OPENINGS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})${END}`,
];

/** One case-insensitive RE2 expression that matches when any pattern does. */
export function questionRegex(patterns: readonly string[]): string {
  // A boundary that is also no boundary never matches (RE2 has no lookahead): no pattern, no question.
  if (patterns.length === 0) return String.raw`\b\B`;
  return `(?i)${patterns.map((p) => `(?:${p})`).join('|')}`;
}

/** The SQL condition (on `activities`) of a question starter; `$pattern` is `questionRegex(...)`. */
export const QUESTION_FILTER = `
      AND coalesce(platform_question, regexp_matches(coalesce(title, ''), $pattern) OR regexp_matches(coalesce(text, ''), $pattern))`;
