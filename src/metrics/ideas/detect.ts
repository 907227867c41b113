/**
 * Idea rules (spec §5): which thread starters are ideas, and which tags a message carries.
 *
 * Decisions where the spec is silent:
 * - Hashtags match as whole tags, case-insensitive: `#Idea` matches `#idea`, `#ideas` and
 *   `#idea-board` do not. A tag is `#` followed by letters, marks, digits, `_`, and inner `-`; a `#`
 *   glued to a word, a `/` or `&` (`C#`, `/#/Threads`, `&#39;`) does not start a tag.
 * - Config tags may be written with or without the `#` (`idea` = `#idea`).
 * - Yammer topics arrive as `#topicname` in the text (the adapter resolves `[[tag:ID]]` through
 *   Topics.csv), so the same tag rule covers them.
 * - `ideaSpaces` entries match a space's name or id, case-insensitive, a leading `#` ignored
 *   (people write Slack channels as `#ideas`).
 * - The `Idea:` prefix is tested on the text and on the title (a Teams subject), allowing blanks
 *   before the colon (`Idea :`).
 */

/** How a starter became an idea; the first rule that matches, in this order. */
export type IdeaRule = { rule: 'tag'; tag: string } | { rule: 'space' } | { rule: 'prefix' };

/** What the rules need to know of a thread starter. */
export interface StarterFacts {
  text: string | null;
  title: string | null;
  spaceId: string;
  spaceName: string;
}

/** The normalized idea rules: tags lower-cased without `#`, space keys lower-cased without `#`. */
export interface IdeaRules {
  ideaTags: ReadonlySet<string>;
  ideaSpaces: ReadonlySet<string>;
}

const TAG = /(?<![\p{L}\p{M}\p{N}_&/#])#([\p{L}\p{M}\p{N}_]+(?:-[\p{L}\p{M}\p{N}_]+)*)/gu;
const IDEA_PREFIX = /^\s*idea\s*:/i;

/** `#Idea`, `idea `, `#idea` -> `idea`; empty entries are dropped. */
export function normalizeTags(tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const tag of tags) {
    const key = tag.trim().replace(/^#+/, '').toLowerCase();
    if (key) out.add(key);
  }
  return out;
}

/** Lower-cased space key: a name or id without a leading `#`. */
export function spaceKey(nameOrId: string): string {
  return nameOrId.trim().replace(/^#+/, '').toLowerCase();
}

export function ideaRules(config: { ideaTags: readonly string[]; ideaSpaces: readonly string[] }): IdeaRules {
  return {
    ideaTags: normalizeTags(config.ideaTags),
    ideaSpaces: new Set(config.ideaSpaces.map(spaceKey).filter((k) => k !== '')),
  };
}

/** The whole hashtags of a text, lower-cased, without `#`, in order of appearance. */
export function hashtags(text: string | null): string[] {
  if (!text) return [];
  return Array.from(text.matchAll(TAG), (m) => (m[1] ?? '').toLowerCase());
}

/** The first hashtag of `text` that is in `tags` (as `#tag`), or null. */
export function firstTag(text: string | null, tags: ReadonlySet<string>): string | null {
  const found = hashtags(text).find((t) => tags.has(t));
  return found === undefined ? null : `#${found}`;
}

/** Which rule makes this starter an idea, or null when none does. */
export function matchIdeaRule(starter: StarterFacts, rules: IdeaRules): IdeaRule | null {
  const tag = firstTag(starter.text, rules.ideaTags) ?? firstTag(starter.title, rules.ideaTags);
  if (tag) return { rule: 'tag', tag };
  if (rules.ideaSpaces.has(spaceKey(starter.spaceName)) || rules.ideaSpaces.has(spaceKey(starter.spaceId)))
    return { rule: 'space' };
  if (IDEA_PREFIX.test(starter.text ?? '') || IDEA_PREFIX.test(starter.title ?? '')) return { rule: 'prefix' };
  return null;
}

/**
 * A DuckDB (RE2) pattern that finds texts which may carry one of `tags`, for a cheap SQL
 * prefilter over lower-cased text; `matchIdeaRule`/`firstTag` then apply the exact whole-tag rule.
 * Null when there are no tags (nothing can match).
 */
export function tagPrefilter(tags: ReadonlySet<string>): string | null {
  if (tags.size === 0) return null;
  const escaped = [...tags].sort().map((t) => t.replace(/[\\^$.|?*+()[\]{}-]/g, '\\$&'));
  return `#(${escaped.join('|')})`;
}
