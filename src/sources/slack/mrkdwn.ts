import { extractUrls } from '../shared/text.js';

/** Slack message text made readable, with what it points at. */
export interface SlackText {
  /** Plain text: entities unescaped, `<@U1>` as `@Name`, `<url|label>` as its label. */
  text: string;
  /** Slack user ids mentioned (`U123`), in order, without duplicates. */
  mentionedUserIds: string[];
  /** http(s) URLs linked from the text. */
  links: string[];
}

// Slack wraps every reference in angle brackets: users, channels, specials and links. The text
// outside the brackets escapes `& < >`, so a literal `<` never opens a token.
const TOKEN = /<([^<>]*)>/g;

/** Undoes Slack's escaping of `&`, `<` and `>`; `&amp;` last so `&amp;lt;` stays `&lt;`. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Converts Slack mrkdwn to plain text. `nameOf` gives a user's display name for `<@U123>`; the
 * old `<@U123|name>` form falls back to its own label, then to the id. `channelOf` names a
 * `<#C123|label>` reference (the adapter hides private channels' names); without it the label is used.
 */
export function convertMrkdwn(
  raw: string,
  nameOf: (userId: string) => string | null,
  channelOf?: (channelId: string) => string,
): SlackText {
  const mentioned: string[] = [];
  const text = raw.replace(TOKEN, (_whole, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? null : unescapeSlack(inner.slice(bar + 1));
    if (target.startsWith('@')) {
      const userId = target.slice(1);
      if (!mentioned.includes(userId)) mentioned.push(userId);
      return `@${nameOf(userId) ?? label ?? userId}`;
    }
    if (target.startsWith('#')) return `#${channelOf ? channelOf(target.slice(1)) : (label ?? target.slice(1))}`;
    if (target.startsWith('!')) return specialText(target.slice(1), label);
    return label ?? unescapeSlack(target);
  });
  return { text: unescapeSlack(text), mentionedUserIds: mentioned, links: extractUrls(unescapeSlack(raw)) };
}

/** `<!here>`, `<!channel>`, `<!subteam^S1|@team>`, `<!date^…|fallback>`. */
function specialText(name: string, label: string | null): string {
  if (label) return label;
  const word = name.split('^')[0] ?? name;
  return `@${word}`;
}

/**
 * User ids in `blocks[]` rich-text `user` elements (2019+ exports). They are more reliable than the
 * text, which some clients rewrite; both are read and merged.
 */
export function blockMentions(blocks: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    // Rich text nests a handful of levels; the bound keeps a hostile file from exhausting the stack.
    if (depth > 20) return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, depth + 1);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const type: unknown = Reflect.get(node, 'type');
    const userId: unknown = Reflect.get(node, 'user_id');
    if (type === 'user' && typeof userId === 'string' && !found.includes(userId)) found.push(userId);
    visit(Reflect.get(node, 'elements'), depth + 1);
  };
  visit(blocks, 0);
  return found;
}
