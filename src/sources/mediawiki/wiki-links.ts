import { extractUrls } from '../shared/text.js';

/**
 * Characters that end a URL in wikitext but are legal in a URL elsewhere: external link brackets
 * (`[https://x label]`), template and table pipes (`{{cite web|url=https://x|...}}`), tags
 * (`<ref>https://x</ref>`), quotes, and the `''` of italic/bold markup.
 */
const WIKITEXT_URL_ENDS = /''|[[\]|<>{}"]/g;

/** URLs in a revision's wikitext (bracketed external links and bare URLs), in order, without repeats. */
export function wikitextLinks(wikitext: string): string[] {
  if (!wikitext.includes('//')) return [];
  return [...new Set(extractUrls(wikitext.replace(WIKITEXT_URL_ENDS, ' ')))];
}
