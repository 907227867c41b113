/**
 * The content of a post, without its furniture: what two people wrote about, not the links,
 * mentions, file names, emoji codes, greetings and sign-offs around it. On real Slack exports the
 * furniture is what made unrelated posts match: different tweets of one account on the
 * `twitter.com/<account>/status` URL, eight meetup events on their URL path, three screenshots on
 * "uploaded a file: Screen Shot … .png". Only the comparison sees the result; nothing shows it.
 */

/** URLs and bare `www.` hosts. */
const LINKS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/gi;

/** E-mail addresses. */
const EMAILS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * Mentions as the adapters write them (`@Name`, `@First Last`, `@here`): the `@` word and, when
 * it is capitalized, the capitalized word after it (a full name). A lower-case word after a
 * mention is text (`@Ana thanks`).
 */
const MENTIONS = /(?<![\w.])@(?:\p{Lu}[\p{L}\p{N}_'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)?|[\p{L}\p{N}_.-]+)/gu;

/** Slack and Teams emoji codes (`:wave:`, `:+1::skin-tone-2:`). */
const EMOJI_CODES = /:[a-z0-9_+-]+:/giu;

/**
 * System lines and file shares: the file's name says nothing about the message ("Screen Shot
 * 2015-06-09 at 09.12.png"), but a comment added to the share is content, so it is kept.
 */
const SYSTEM = [
  /\b(?:uploaded|shared) a file:.*?(?:\band commented:|$)/gimu,
  /\bcommented on [^\n]*?(?:'s|’s)? file[^\n:]*:/giu,
  /\bhas (?:joined|left) the (?:channel|group|team)\b/giu,
  /\bset the (?:channel|group) (?:purpose|topic|description):/giu,
  /\bpinned (?:a message|an item) to this channel\b/giu,
  /\bCreated page with\b/gu,
];

/** A file extension: the cheap test that a text may hold a file name at all. */
const FILE_EXTENSION = /\.(?:png|jpe?g|gif|bmp|svg|pdf|docx?|xlsx?|pptx?|csv|zip|txt|mov|mp4|heic)\b/i;

/** File names (`report-final.pdf`, `Screen Shot … .png`) left after the file-share line. */
const FILE_NAMES = /\b[\w .-]{0,60}\.(?:png|jpe?g|gif|bmp|svg|pdf|docx?|xlsx?|pptx?|csv|zip|txt|mov|mp4|heic)\b/gi;

/** Words a system line holds: the cheap test before the system patterns. */
const SYSTEM_HINT = /file|joined|left the|set the|pinned|Created page/i;

/** Words that open a post to greet (one or two, with an optional audience), then punctuation. */
const GREETING =
  /^\s*(?:(?:hi|hello|hey|hiya|howdy|dear|hola|bonjour|greetings|good (?:morning|afternoon|evening))[\s,]*)+(?:(?:all|everyone|everybody|folks|team|there|y'all|you all|guys|people|friends|colleagues)\b)?[\s!,.:;-]*/iu;

/** A sign-off that closes a post: "Thanks!", "Best, Ana", "Cheers -- Bob", "Kind regards". */
const SIGN_OFF =
  /(?:^|[\n.!?]\s*)(?:thanks(?: a lot| so much| in advance)?|thank you(?: all| so much| in advance)?|many thanks|cheers|best(?: wishes| regards)?|kind regards|regards|thx|ty)[\s!,.:-]*(?:\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)?[\s!.]*$/iu;

/**
 * The post's content for comparison (see the module comment). Each pattern runs only when a
 * cheap test says it may match: this runs once per post, a million times on a large pilot.
 */
export function contentOf(text: string): string {
  return contentWithSpaces(text).replace(/\s+/g, ' ').trim();
}

/**
 * {@link contentOf} with its white space left as it is: the same words, for a caller that only
 * splits it into words (white space is never part of one), without copying every text once more.
 */
export function contentWithSpaces(text: string): string {
  let content = text.includes('://') || text.includes('www.') ? text.replace(LINKS, ' ') : text;
  if (content.includes('@')) content = content.replace(EMAILS, ' ');
  if (SYSTEM_HINT.test(content)) for (const pattern of SYSTEM) content = content.replace(pattern, ' ');
  if (FILE_EXTENSION.test(content)) content = content.replace(FILE_NAMES, ' ');
  if (content.includes('@')) content = content.replace(MENTIONS, ' ');
  if (content.includes(':')) content = content.replace(EMOJI_CODES, ' ');
  content = content.replace(GREETING, '');
  // Sign-offs sit in the last few words: only the tail is searched (the pattern is unanchored at
  // its start), twice, as "Thanks! Best, Ana" closes with two.
  const cut = Math.max(0, content.length - 80);
  let tail = content.slice(cut);
  for (let k = 0; k < 2; k += 1) tail = tail.replace(SIGN_OFF, '');
  return content.slice(0, cut) + tail;
}

/**
 * A self-introduction ("I am Samyak, pursuing a major in Data Science…", "My name is …"): welcome
 * channels hold hundreds, alike in words because alike in form, and none is an effort.
 */
const INTRODUCTION =
  /\b(?:[Mm]y name is|I am \p{Lu}[\p{L}'’-]+\s*[,.!]|I['’]m \p{Lu}[\p{L}'’-]+\s*[,.!]|\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)? here\s*[,.!]|introduc(?:e|ing) myself)/u;

/** What every match of {@link INTRODUCTION} contains, one per alternative: the cheap test first (this runs once per post). */
const INTRODUCTION_HINTS = ['y name is', 'I am ', "I'm ", 'I’m ', ' here', 'introduc'];

/** Whether the post introduces its author (see {@link INTRODUCTION}). */
export function isIntroduction(text: string): boolean {
  const start = text.slice(0, 300);
  return INTRODUCTION_HINTS.some((hint) => start.includes(hint)) && INTRODUCTION.test(start);
}
