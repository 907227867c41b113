import { extractUrls } from '../shared/text.js';

/** A Teams message body turned into plain text, with the mentions and links it holds. */
export interface TeamsText {
  text: string;
  /** `<at id="N">` numbers in order of appearance; they index the message's `mentions[]`. */
  atIds: string[];
  links: string[];
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the entities Teams HTML uses: the XML five, `&nbsp;` and numeric references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text of a Graph `chatMessage` body. HTML: block ends and `<br>` become line breaks, tags
 * go, entities are decoded, `<at id="N">Name</at>` reads `@Name`; `<a href>` targets and URLs
 * written in the text are the links (not image sources, which point at Graph itself).
 */
export function bodyToText(contentType: string | null, content: string): TeamsText {
  if (contentType !== 'html') {
    const text = normalizeSpace(content);
    return { text, atIds: [], links: extractUrls(text) };
  }
  const atIds: string[] = [];
  const hrefs: string[] = [];
  for (const match of content.matchAll(/<a\b[^>]*\bhref\s*=\s*"([^"]*)"/gi)) {
    const href = decodeEntities(match[1] ?? '');
    if (/^https?:\/\//i.test(href)) hrefs.push(href);
  }
  const withMentions = content.replace(
    /<at\b[^>]*\bid\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/at>/gi,
    (_whole, id: string, name: string) => {
      atIds.push(id);
      return `@${name.replace(/<[^>]*>/g, '')}`;
    },
  );
  const text = normalizeSpace(
    decodeEntities(
      withMentions
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
        .replace(/<br\s*\/?>/gi, '\n')
        .replace(/<\/(p|div|li|h[1-6]|tr|blockquote|pre)>/gi, '\n')
        .replace(/<[^>]*>/g, ''),
    ),
  );
  return { text, atIds, links: [...new Set([...hrefs, ...extractUrls(text)])] };
}

/** `\r\n` to `\n`, runs of spaces to one, at most one blank line, no edge whitespace. */
function normalizeSpace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
