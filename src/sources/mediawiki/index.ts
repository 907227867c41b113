import { InputError } from '../../errors.js';
import type { SourceRecord } from '../../model/types.js';
import type { InputFile, InputTree, Source, SourceContext } from '../types.js';
import {
  DUMP_LIMITS,
  parseDump,
  type DumpEvent,
  type DumpLimits,
  type DumpSite,
  type RawRevision,
} from './dump-parser.js';
import { botMatcher, mapRevision, wikiOf, type BotDecision, type Wiki } from './map-revision.js';
import { normalizeWikiUsername, wikiIdentityId } from './usernames.js';
import { BZIP2_DUMP_FILE, DUMP_FILE, fileStem, openDump, sniffDump } from './open-dump.js';
import { wikitextLinks } from './wiki-links.js';

/**
 * MediaWiki XML dumps (`Special:Export` or `dumpBackup.php`, schema 0.3–0.11), plain or gzipped,
 * streamed with saxes. Each `<revision>` is one record: a `page_create` when it has no
 * `<parentid>` and is its page's first revision in the dump, else a `page_edit`. One space per
 * wiki; the thread is the page (`mediawiki:<db>:page:<id>`), so its namespace stays in the title
 * (`Talk:Foo`). Log items are read and skipped as `system`. `.xml.bz2` dumps are refused: no
 * streaming bzip2 decompressor is installed.
 */
export const mediawikiSource = mediawikiSourceWith(DUMP_LIMITS);

/** The adapter with other bounds (tests use small ones to reach the too-large-text path cheaply). */
export function mediawikiSourceWith(limits: DumpLimits): Source {
  return {
    kind: 'mediawiki',
    title: 'MediaWiki XML dump',
    records: { messages: false, reactions: false, wiki: true },
    // A MediaWiki dump: 4.7 s for 133 MB in `npm run bench`.
    readSecondsPerMb: 0.035,
    folderExport: false,
    accounts: {
      label: 'the wiki',
      adjective: 'wiki',
      userNames: true,
      handleIsEmailLocalPart: false,
      aliasPrefixes: ['wiki'],
      normalizeId: normalizeWikiUsername,
    },
    detect,
    read: (input, ctx) => read(input, ctx, limits),
  } satisfies Source;
}

async function detect(input: InputTree): Promise<boolean> {
  for (const file of input.files) {
    if (BZIP2_DUMP_FILE.test(file.name)) return true;
    if (DUMP_FILE.test(file.name) && (await sniffDump(file)).kind === 'dump') return true;
  }
  return false;
}

/** What stays known across the files of one input: each wiki, page and user is announced once. */
interface ReadState {
  wikis: Map<string, Wiki>;
  pagesSeen: Set<string>;
  identitiesSent: Set<string>;
  isBot: (username: string) => BotDecision;
  /** Accounts counted as bots by their names, for the data-quality note. */
  namedBots: Set<string>;
}

async function* read(input: InputTree, ctx: SourceContext, limits: DumpLimits): AsyncGenerator<SourceRecord> {
  const candidates = input.files.filter((f) => DUMP_FILE.test(f.name) || BZIP2_DUMP_FILE.test(f.name));
  if (candidates.length === 0) {
    throw new InputError(input.displayPath, null, 'holds no MediaWiki XML dump (.xml or .xml.gz)');
  }
  const alone = candidates.length === 1;
  const state: ReadState = {
    wikis: new Map(),
    pagesSeen: new Set(),
    identitiesSent: new Set(),
    isBot: botMatcher(ctx.options.botAccounts),
    namedBots: new Set(),
  };
  for (const file of candidates) {
    if (BZIP2_DUMP_FILE.test(file.name)) {
      refuse(
        file,
        alone,
        ctx,
        'is a bzip2-compressed dump, which pilot-report cannot read',
        `decompress it first (bunzip2 -k ${file.name}, or 7-Zip), or gzip it, and pass the .xml or .xml.gz`,
      );
      continue;
    }
    const sniff = await sniffDump(file);
    if (sniff.kind === 'unreadable')
      refuse(file, alone, ctx, `cannot be read: ${sniff.message}`, 'is it a complete gzip file?');
    else if (sniff.kind === 'other')
      refuse(
        file,
        alone,
        ctx,
        'is not a MediaWiki XML dump (no <mediawiki> root element near its start)',
        'export pages with Special:Export or dumpBackup.php',
      );
    else yield* readDumpFile(file, ctx, state, alone, limits);
  }
  if (state.namedBots.size > 0) {
    const names = [...state.namedBots].sort();
    ctx.note(
      `counted as bots by their user names: ${names.join(', ')} (a people-file row with the alias mediawiki:<name> and a role other than bot, or "!<name>" in botAccounts, makes one a person)`,
    );
  }
}

/** A file that cannot be used: fatal when it is the whole input, a problem when others remain. */
function refuse(file: InputFile, alone: boolean, ctx: SourceContext, problem: string, hint: string): void {
  if (alone) throw new InputError(file.displayPath, null, problem, { hint });
  ctx.problem({
    file: file.displayPath,
    line: null,
    reason: 'unreadableFile',
    detail: `${problem}; the file was left out (${hint})`,
  });
}

async function* readDumpFile(
  file: InputFile,
  ctx: SourceContext,
  state: ReadState,
  alone: boolean,
  limits: DumpLimits,
): AsyncGenerator<SourceRecord> {
  ctx.fileRead(file.displayPath);
  let wiki: Wiki | null = null;
  for await (const event of parseDump(await openDump(file), file.displayPath, wikitextLinks, limits)) {
    // The parser announces the site before the first page, so `wiki` is set before any revision.
    if (event.type === 'site') wiki = yield* announceWiki(event.site, file, ctx, state);
    else if (event.type === 'revision' && wiki !== null)
      yield* revisionRecords(event.revision, wiki, file, ctx, state, limits.maxTextChars);
    else if (event.type === 'logitem') ctx.skip('system', { file: file.displayPath, line: event.line }, 'log item');
    else if (event.type === 'broken') reportBroken(event, file, ctx, alone);
  }
}

/** The wiki of a dump's siteinfo; its space is yielded the first time the wiki is seen. */
function* announceWiki(
  site: DumpSite,
  file: InputFile,
  ctx: SourceContext,
  state: ReadState,
): Generator<SourceRecord, Wiki> {
  const described = wikiOf(site, fileStem(file.name));
  const known = state.wikis.get(described.space.id);
  if (known) return known;
  state.wikis.set(described.space.id, described);
  yield { type: 'space', space: described.space };
  if (!described.knowsPageCreation) {
    ctx.note(
      `MediaWiki dump schema 0.${site.schemaMinor} records no <parentid>: page creations cannot be told from edits, so every revision counts as a page edit`,
    );
  }
  return described;
}

function* revisionRecords(
  revision: RawRevision,
  wiki: Wiki,
  file: InputFile,
  ctx: SourceContext,
  state: ReadState,
  maxTextChars: number,
): Generator<SourceRecord> {
  const pageKey = `${wiki.key}\u0000${revision.pageId ?? `title:${revision.pageTitle}`}`;
  const firstInPage = !state.pagesSeen.has(pageKey);
  state.pagesSeen.add(pageKey);
  const at = { file: file.displayPath, line: revision.line };
  if (revision.textTooLarge !== null) {
    // Its links cannot be read and no real edit is that large; the revisions after it still are.
    const detail = `revision ${revision.id ?? '(no id)'} has a text of ${revision.textTooLarge} characters, above the limit of ${maxTextChars}; it is not read`;
    ctx.problem({ ...at, reason: 'tooLarge', detail });
    ctx.skip('tooLarge', at, detail);
    return;
  }
  const outcome = mapRevision(revision, { wiki, file: file.displayPath, firstInPage, isBot: state.isBot });
  if (!outcome.use) {
    if (outcome.namedBot !== undefined) yield* namedBotIdentity(outcome.namedBot, state);
    if (outcome.problem) ctx.problem({ ...at, reason: outcome.reason, detail: outcome.detail });
    ctx.skip(outcome.reason, at, outcome.detail);
    return;
  }
  if (!state.identitiesSent.has(outcome.identity.id)) {
    state.identitiesSent.add(outcome.identity.id);
    yield { type: 'identity', identity: outcome.identity };
  }
  yield { type: 'activity', activity: outcome.activity };
}

/**
 * A bot found by its name is announced once as a bot identity, so that `init` and `validate` can
 * name it; its revisions are skipped as `bot` like a listed bot's.
 */
function* namedBotIdentity(username: string, state: ReadState): Generator<SourceRecord> {
  state.namedBots.add(username);
  const id = wikiIdentityId(username);
  if (state.identitiesSent.has(id)) return;
  state.identitiesSent.add(id);
  yield {
    type: 'identity',
    identity: { id, source: 'mediawiki', name: username, email: null, department: null, isBot: true },
  };
}

/** A read that stopped early: the open revision is lost (skipped `malformed`), the rest was used. */
function reportBroken(
  event: Extract<DumpEvent, { type: 'broken' }>,
  file: InputFile,
  ctx: SourceContext,
  alone: boolean,
): void {
  const message = event.message.replace(/^.*?:\d+:\d+: /, '');
  if (!event.rootSeen) {
    if (event.reason === 'unreadable')
      refuse(file, alone, ctx, `cannot be read: ${message}`, 'is the file complete and readable?');
    else
      refuse(
        file,
        alone,
        ctx,
        `is not a MediaWiki XML dump (${message})`,
        'export pages with Special:Export or dumpBackup.php',
      );
    return;
  }
  const what =
    event.reason === 'truncated'
      ? 'the file ends early, the dump is truncated'
      : `reading stopped at an error (${message})`;
  const cut = event.cutRevision;
  if (cut) {
    const detail = `revision ${cut.id ?? '(id not reached)'} is cut off: ${what}; the revisions before it were used`;
    ctx.problem({ file: file.displayPath, line: cut.line, reason: 'malformed', detail });
    ctx.skip('malformed', { file: file.displayPath, line: cut.line }, detail);
  } else {
    ctx.problem({
      file: file.displayPath,
      line: event.line,
      reason: event.reason,
      detail: `${what}; every complete revision before it was used`,
    });
  }
}
