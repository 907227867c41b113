/**
 * Yammer message bodies: references are written `[[user:123]]`, `[[tag:45]]`, `[[group:6]]`
 * (the REST API's `parsed` body form, also seen in exports), and newlines appear both as real
 * newlines inside quoted fields and as the two characters `\n`.
 */

/** Names the body renderer can resolve references with; an unknown id gives null. */
export interface BodyNames {
  user(id: string): string | null;
  topic(id: string): string | null;
  group(id: string): string | null;
}

/** A body turned into plain text, with the identity ids it mentions. */
export interface RenderedBody {
  text: string;
  /** `yammer:<userId>` for each `[[user:ID]]`, without duplicates, in order. */
  mentions: string[];
}

const REFERENCE = /\[\[(user|tag|group):([^\]\s]+)\]\]/gi;

/**
 * `[[user:123]]` becomes `@Name` (or `@user:123` when the name is unknown) and a mention of
 * `yammer:123`; `[[tag:45]]` becomes `#topic` through Topics.csv (`#tag:45` when unknown), so
 * that topic-based idea and decision tags match like hashtags; `[[group:6]]` becomes the group
 * name. Escaped `\n` (and `\r\n`) become real newlines.
 */
export function renderBody(body: string, names: BodyNames): RenderedBody {
  const mentions: string[] = [];
  const text = body.replace(/\\r\\n|\\n/g, '\n').replace(REFERENCE, (_match, kind: string, id: string) => {
    const type = kind.toLowerCase();
    if (type === 'user') {
      const mention = `yammer:${id}`;
      if (!mentions.includes(mention)) mentions.push(mention);
      return `@${names.user(id) ?? `user:${id}`}`;
    }
    if (type === 'tag') return `#${names.topic(id) ?? `tag:${id}`}`;
    return names.group(id) ?? `group:${id}`;
  });
  return { text, mentions };
}

/**
 * Plain text from an `html_body` cell, for rows whose plain `body` is empty. Script and style
 * elements are dropped with their content: it is code, not what the reader saw.
 */
export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
