/**
 * What outputs may show of a space and of a thread's text (spec §1, §4, §5): private spaces are
 * counted but named "(private space)", and their text never appears. One place, so that every
 * metric that lists threads, ideas or pages applies the same rule.
 */

/** How a private space is named in every output. */
export const PRIVATE_SPACE_LABEL = '(private space)';

/** Titles are the first 100 characters (code points) of the text. */
export const TITLE_LENGTH = 100;

/** The space's name, or the private label. */
export function shownSpace(isPrivate: boolean, name: string): string {
  return isPrivate ? PRIVATE_SPACE_LABEL : name;
}

/**
 * The first 100 characters of `text` with blanks collapsed, or undefined when the space is
 * private or there is no text: callers omit the field then.
 */
export function publicTitle(isPrivate: boolean, text: string | null | undefined): string | undefined {
  if (isPrivate) return undefined;
  const collapsed = (text ?? '').replace(/\s+/g, ' ').trim();
  return collapsed === '' ? undefined : Array.from(collapsed).slice(0, TITLE_LENGTH).join('');
}
