/**
 * The content of a post, without its furniture: what two people wrote about, not the links,
 * mentions, file names, emoji codes, greetings and sign-offs around it. On real Slack exports the
 * furniture is what made unrelated posts match: different tweets of one account on the
 * `twitter.com/<account>/status` URL, eight meetup events on their URL path, three screenshots on
 * "uploaded a file: Screen Shot … .png". Only the comparison sees the result; nothing shows it.
 */

/** URLs, bare `www.` hosts and e-mail addresses. */
const LINKS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

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

/** File names (`report-final.pdf`, `Screen Shot … .png`) left after the file-share line. */
const FILE_NAMES = /\b[\w .-]{0,60}\.(?:png|jpe?g|gif|bmp|svg|pdf|docx?|xlsx?|pptx?|csv|zip|txt|mov|mp4|heic)\b/giu;

/** Words that open a post to greet (one or two, with an optional audience), then punctuation. */
const GREETING = /^\s*(?:(?:hi|hello|hey|hiya|howdy|dear|hola|bonjour|greetings|good (?:morning|afternoon|evening))[\s,]*)+(?:(?:all|everyone|everybody|folks|team|there|y'all|you all|guys|people|friends|colleagues)\b)?[\s!,.:;-]*/iu;

/** A sign-off that closes a post: "Thanks!", "Best, Ana", "Cheers -- Bob", "Kind regards". */
const SIGN_OFF = /(?:^|[\n.!?]\s*)(?:thanks(?: a lot| so much| in advance)?|thank you(?: all| so much| in advance)?|many thanks|cheers|best(?: wishes| regards)?|kind regards|regards|thx|ty)[\s!,.:-]*(?:\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)?[\s!.]*$/iu;

/** The post's content for comparison (see the module comment). */
export function contentOf(text: string): string {
  let content = text.replace(LINKS, ' ');
  for (const pattern of SYSTEM) content = content.replace(pattern, ' ');
  content = content.replace(FILE_NAMES, ' ').replace(MENTIONS, ' ').replace(EMOJI_CODES, ' ');
  content = content.replace(GREETING, '');
  // Twice: "Thanks! Best, Ana" closes with two sign-offs.
  for (let k = 0; k < 2; k += 1) content = content.replace(SIGN_OFF, '');
  return content.replace(/\s+/g, ' ').trim();
}

/**
 * A self-introduction ("I am Samyak, pursuing a major in Data Science…", "My name is …"): welcome
 * channels hold hundreds, alike in words because alike in form, and none is an effort.
 */
const INTRODUCTION = /\b(?:[Mm]y name is|I am \p{Lu}[\p{L}'’-]+\s*[,.!]|I['’]m \p{Lu}[\p{L}'’-]+\s*[,.!]|\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)? here\s*[,.!]|introduc(?:e|ing) myself)/u;

/** Whether the post introduces its author (see {@link INTRODUCTION}). */
export function isIntroduction(text: string): boolean {
  return INTRODUCTION.test(text.slice(0, 300));
}
