import { SaxesParser, type SaxesTagNS } from 'saxes';
import { UnicodeStreamDecoder } from '../shared/unicode-text.js';
import { splitLongText } from './split-long-text.js';

/** What `<siteinfo>` and the root element say about the wiki. */
export interface DumpSite {
  sitename: string | null;
  dbname: string | null;
  /** N of schema `0.N`, from the root's `version` attribute, else from its namespace URI; null when neither says. */
  schemaMinor: number | null;
}

/** A revision's `<contributor>`: a registered user, an IP, or suppressed (`deleted="deleted"`). */
export interface DumpContributor {
  username: string | null;
  userId: string | null;
  ip: string | null;
  deleted: boolean;
}

/** One complete `<revision>` with the page it belongs to. The page text itself is not kept. */
export interface RawRevision {
  /** Line of the `<revision>` start tag. */
  line: number;
  pageId: string | null;
  pageTitle: string | null;
  id: string | null;
  parentId: string | null;
  timestamp: string | null;
  contributor: DumpContributor | null;
  /** Edit summary; null when absent or suppressed. */
  comment: string | null;
  /** URLs found in the revision's text slots, in order of appearance, without repeats. */
  links: string[];
  /** Characters of a text slot that went beyond `maxTextChars` (the text was dropped), else null. */
  textTooLarge: number | null;
}

/** Bounds of the dump reader. */
export interface DumpLimits {
  /**
   * Characters of one revision text slot that are kept. MediaWiki itself refuses pages above 2 MiB
   * by default ($wgMaxArticleSize) and stores text in 16 MiB columns; V8 cannot hold a string of
   * more than 2^29 - 24 characters, which is where a longer text used to stop the whole dump.
   */
  maxTextChars: number;
  /** Character data longer than this is handed to saxes in pieces (see `splitLongText`). */
  textPieceChars: number;
}

export const DUMP_LIMITS: DumpLimits = { maxTextChars: 64 * 1024 * 1024, textPieceChars: 1024 * 1024 };

/** Why a dump could not be read to its end. */
export type BrokenReason = 'truncated' | 'xmlError' | 'notDump' | 'unreadable';

/** What the parser reports, in document order. */
export type DumpEvent =
  | { type: 'site'; site: DumpSite }
  | { type: 'revision'; revision: RawRevision }
  | { type: 'logitem'; line: number }
  | {
      type: 'broken';
      reason: BrokenReason;
      line: number | null;
      message: string;
      /** The revision that was open when reading stopped: it is lost. */
      cutRevision: { line: number; id: string | null } | null;
      /** Whether the `<mediawiki>` root was reached (otherwise the file is no dump at all). */
      rootSeen: boolean;
    };

class NotADumpError extends Error {}

/**
 * Deepest element nesting read. A MediaWiki dump nests six deep (mediawiki/page/revision/content/
 * text); the XML parser's work per element grows with the depth (namespace lookup walks the open
 * elements), so 200,000 nested elements once ran for minutes. Deeper nesting stops the read as an
 * XML error: the revisions before it are used, the open one is counted as cut off.
 */
export const MAX_XML_DEPTH = 64;

type Field =
  | 'sitename'
  | 'dbname'
  | 'pageTitle'
  | 'pageId'
  | 'revId'
  | 'parentId'
  | 'timestamp'
  | 'comment'
  | 'username'
  | 'userId'
  | 'ip'
  | 'text';

/**
 * Which captured element is which field, by parent then local name (local names: any namespace
 * URI). Two lookups, not one by a joined `parent/local` key: joining two strings for every element
 * of the dump cost about a second per 200k revisions.
 */
const FIELDS: ReadonlyMap<string, ReadonlyMap<string, Field>> = new Map([
  [
    'siteinfo',
    new Map<string, Field>([
      ['sitename', 'sitename'],
      ['dbname', 'dbname'],
    ]),
  ],
  [
    'page',
    new Map<string, Field>([
      ['title', 'pageTitle'],
      ['id', 'pageId'],
    ]),
  ],
  [
    'revision',
    new Map<string, Field>([
      ['id', 'revId'],
      ['parentid', 'parentId'],
      ['timestamp', 'timestamp'],
      ['comment', 'comment'],
      ['text', 'text'],
    ]),
  ],
  [
    'contributor',
    new Map<string, Field>([
      ['username', 'username'],
      ['id', 'userId'],
      ['ip', 'ip'],
    ]),
  ],
  ['content', new Map<string, Field>([['text', 'text']])],
]);

/** The SAX state machine: turns element events into DumpEvents, queued until `drain`. */
class DumpState {
  private queue: DumpEvent[] = [];
  private stack: string[] = [];
  private site: DumpSite = { sitename: null, dbname: null, schemaMinor: null };
  private siteSent = false;
  private page: { id: string | null; title: string | null } | null = null;
  private revision: RawRevision | null = null;
  private capture: { field: Field; parts: string[]; chars: number } | null = null;
  rootSeen = false;

  constructor(
    private readonly parser: SaxesParser<{ xmlns: true; position: true }>,
    private readonly linksOf: (wikitext: string) => string[],
    private readonly maxTextChars: number,
  ) {}

  drain(): DumpEvent[] {
    const out = this.queue;
    this.queue = [];
    return out;
  }

  open(tag: SaxesTagNS): void {
    if (this.stack.length >= MAX_XML_DEPTH)
      throw new Error(`elements nested more than ${MAX_XML_DEPTH} deep (a dump needs 6)`);
    const local = tag.local;
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(local);
    if (parent === undefined) return this.openRoot(tag);
    const line = this.parser.line;
    if (parent === 'mediawiki' && local === 'page') {
      this.sendSite();
      this.page = { id: null, title: null };
    } else if (parent === 'mediawiki' && local === 'logitem') {
      this.sendSite();
      this.queue.push({ type: 'logitem', line });
    } else if (parent === 'page' && local === 'revision' && this.page) {
      this.revision = {
        line,
        pageId: this.page.id,
        pageTitle: this.page.title,
        id: null,
        parentId: null,
        timestamp: null,
        contributor: null,
        comment: null,
        links: [],
        textTooLarge: null,
      };
    } else if (parent === 'revision' && local === 'contributor' && this.revision) {
      this.revision.contributor = { username: null, userId: null, ip: null, deleted: isDeleted(tag) };
    }
    const field = this.fieldOf(parent, local);
    if (field && !(field === 'comment' && isDeleted(tag))) this.capture = { field, parts: [], chars: 0 };
  }

  text(text: string): void {
    const capture = this.capture;
    if (!capture) return;
    capture.chars += text.length;
    // Past the limit the parts are dropped: joining them could exceed what one string can hold.
    if (capture.chars > this.maxTextChars) capture.parts = [];
    else capture.parts.push(text);
  }

  close(): void {
    const local = this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    if (this.capture) {
      const { field, parts, chars } = this.capture;
      this.capture = null;
      if (chars > this.maxTextChars) this.tooLarge(field, chars);
      else this.assign(field, parts.join(''));
    }
    if (local === 'siteinfo') this.sendSite();
    else if (local === 'revision' && parent === 'page' && this.revision) {
      this.queue.push({ type: 'revision', revision: this.revision });
      this.revision = null;
    } else if (local === 'page' && parent === 'mediawiki') this.page = null;
  }

  /** The event for a read that stopped early; `ended` tells a cut file from a bad one. */
  broken(error: unknown, ended: boolean): DumpEvent {
    const message = error instanceof Error ? error.message : String(error);
    const zlibCode = error instanceof Error && 'code' in error ? error.code : undefined;
    const reason: BrokenReason =
      error instanceof NotADumpError
        ? 'notDump'
        : ended || zlibCode === 'Z_BUF_ERROR'
          ? 'truncated'
          : zlibCode !== undefined
            ? 'unreadable'
            : 'xmlError';
    const cut = this.revision ? { line: this.revision.line, id: this.revision.id } : null;
    return { type: 'broken', reason, line: this.parser.line, message, cutRevision: cut, rootSeen: this.rootSeen };
  }

  private openRoot(tag: SaxesTagNS): void {
    if (tag.local !== 'mediawiki') throw new NotADumpError(`the root element is <${tag.name}>, not <mediawiki>`);
    this.rootSeen = true;
    const version = tag.attributes['version']?.value ?? /export-(\d+\.\d+)/.exec(tag.uri)?.[1];
    const minor = version ? /^0\.(\d+)/.exec(version.trim())?.[1] : undefined;
    this.site.schemaMinor = minor === undefined ? null : Number(minor);
  }

  private fieldOf(parent: string | undefined, local: string): Field | null {
    const field = parent === undefined ? undefined : FIELDS.get(parent)?.get(local);
    if (field === undefined) return null;
    const grand = this.stack[this.stack.length - 3];
    if (field === 'username' || field === 'userId' || field === 'ip')
      return grand === 'revision' && this.revision ? field : null;
    if (parent === 'content') return grand === 'revision' && this.revision ? field : null;
    if (parent === 'revision') return this.revision ? field : null;
    if (parent === 'page') return this.page && grand === 'mediawiki' ? field : null;
    return grand === 'mediawiki' ? field : null;
  }

  private assign(field: Field, raw: string): void {
    const rev = this.revision;
    if (field === 'text') {
      // The text is dropped here: only its links outlive the element.
      if (rev) for (const url of this.linksOf(raw)) if (!rev.links.includes(url)) rev.links.push(url);
      return;
    }
    const value = raw.trim() || null;
    if (field === 'sitename' || field === 'dbname') this.site[field] = value;
    else if (field === 'pageTitle' || field === 'pageId') {
      if (this.page) this.page[field === 'pageId' ? 'id' : 'title'] = value;
    } else if (field === 'username' || field === 'userId' || field === 'ip') {
      if (rev?.contributor) rev.contributor[field] = value;
    } else if (rev) {
      if (field === 'revId') rev.id = value;
      else rev[field] = value;
    }
  }

  /** A field beyond the limit: a revision text marks its revision (skipped later), any other field is left empty. */
  private tooLarge(field: Field, chars: number): void {
    if (field === 'text' && this.revision)
      this.revision.textTooLarge = Math.max(this.revision.textTooLarge ?? 0, chars);
  }

  private sendSite(): void {
    if (this.siteSent) return;
    this.siteSent = true;
    this.queue.push({ type: 'site', site: { ...this.site } });
  }
}

function isDeleted(tag: SaxesTagNS): boolean {
  return tag.attributes['deleted']?.value === 'deleted';
}

/**
 * Streams a MediaWiki XML dump (schema 0.3–0.11, elements matched by local name whatever the
 * namespace URI) into events. Only one revision's text is held at a time. A read that stops early
 * (a cut file, an XML error, a broken gzip stream) ends with one `broken` event after every
 * revision completed before the break.
 */
export async function* parseDump(
  chunks: AsyncIterable<unknown>,
  fileName: string,
  linksOf: (wikitext: string) => string[],
  limits: DumpLimits = DUMP_LIMITS,
): AsyncGenerator<DumpEvent> {
  const parser = new SaxesParser({ xmlns: true, position: true, fileName });
  const state = new DumpState(parser, linksOf, limits.maxTextChars);
  const split = splitLongText(limits.textPieceChars);
  parser.on('opentag', (tag) => state.open(tag));
  parser.on('closetag', () => state.close());
  parser.on('text', (text) => state.text(text));
  parser.on('cdata', (text) => state.text(text));
  // UTF-8, or UTF-16/32 told by the first bytes (XML 1.0 Appendix F), with or without a BOM.
  const decoder = new UnicodeStreamDecoder();
  let ended = false;
  try {
    for await (const chunk of chunks) {
      parser.write(split(typeof chunk === 'string' ? chunk : decoder.push(toBytes(chunk))));
      yield* state.drain();
    }
    ended = true;
    parser.write(split(decoder.end()));
    parser.close();
    yield* state.drain();
    if (!state.rootSeen) yield state.broken(new NotADumpError('the file holds no <mediawiki> element'), true);
  } catch (error) {
    yield* state.drain();
    yield state.broken(error, ended);
  }
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  throw new TypeError('a dump stream yielded something other than bytes');
}
