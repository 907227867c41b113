/**
 * MediaWiki user names as the wiki itself compares them. MediaWiki stores spaces (an underscore in
 * a URL is the same name) and always upper-cases the first letter of a user name, whatever the
 * wiki's `$wgCapitalLinks`, so `jDoe`, `JDoe` and `J_Doe`-style spellings in a people file must be
 * folded the same way the dump spells them.
 */
export function normalizeWikiUsername(raw: string): string {
  const spaced = raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  const first = spaced.codePointAt(0);
  if (first === undefined) return '';
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + spaced.slice(head.length);
}

/** The identity id the MediaWiki adapter emits for a registered user. */
export function wikiIdentityId(username: string): string {
  return `mediawiki:${normalizeWikiUsername(username)}`;
}

/**
 * MediaWiki 1.43+ temporary accounts (`~2024-12345`) replace IP editing: they are anonymous
 * editors, not people who can be recognised or counted as contributors.
 */
export function isTemporaryAccount(username: string): boolean {
  return username.startsWith('~');
}
