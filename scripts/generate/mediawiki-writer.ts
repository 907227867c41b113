/**
 * Writes a MediaWiki XML dump (export schema 0.11) with full page histories, streaming one
 * revision at a time. Revision ids of the planted pages follow global time order, as on a real wiki.
 */
import { createHash } from 'node:crypto';
import { PILOT_END, PILOT_START } from './calendar.js';
import { DAY, type PageSpec, type RevisionSpec } from './model.js';
import { FileSink, isoSeconds } from './output.js';
import { Rng } from './prng.js';

/** The export namespace this writer declares. */
export const MEDIAWIKI_XMLNS = 'http://www.mediawiki.org/xml/export-0.11/';

/** Options: hand-written pages plus `pages` generated ones of `revisionsPerPage` revisions each. */
export interface MediaWikiDumpOptions {
  seed: number;
  /** Generated pages (benchmark); 0 for only the planted ones. */
  pages: number;
  revisionsPerPage?: number;
  /** Editors of generated pages. */
  editors?: readonly string[];
  planted?: readonly PageSpec[];
}

/** What was written. */
export interface MediaWikiDumpResult {
  pages: number;
  revisions: number;
  /** Revisions by IP addresses (not activities). */
  anonymous: number;
  /** First revisions without parentid (page_create). */
  creations: number;
}

const NAMESPACES: readonly [number, string][] = [
  [-2, 'Media'],
  [-1, 'Special'],
  [0, ''],
  [1, 'Talk'],
  [2, 'User'],
  [3, 'User talk'],
  [4, 'Aurora Wiki'],
  [5, 'Aurora Wiki talk'],
  [6, 'File'],
  [7, 'File talk'],
  [8, 'MediaWiki'],
  [9, 'MediaWiki talk'],
  [10, 'Template'],
  [11, 'Template talk'],
  [12, 'Help'],
  [13, 'Help talk'],
  [14, 'Category'],
  [15, 'Category talk'],
];

/** XML text escaping (MediaWiki escapes, never uses CDATA). */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** MediaWiki's content hash: SHA-1 in base 36, 31 digits. */
export function sha1Base36(text: string): string {
  const hex = createHash('sha1').update(text, 'utf8').digest('hex');
  return BigInt(`0x${hex}`).toString(36).padStart(31, '0');
}

function siteinfo(): string {
  const ns = NAMESPACES.map(([key, name]) =>
    name === ''
      ? `      <namespace key="${key}" case="first-letter" />`
      : `      <namespace key="${key}" case="first-letter">${name}</namespace>`,
  );
  return [
    `<mediawiki xmlns="${MEDIAWIKI_XMLNS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${MEDIAWIKI_XMLNS} http://www.mediawiki.org/xml/export-0.11.xsd" version="0.11" xml:lang="en">`,
    '  <siteinfo>',
    '    <sitename>Aurora Wiki</sitename>',
    '    <dbname>aurorawiki</dbname>',
    '    <base>https://wiki.aurora.example/wiki/Main_Page</base>',
    '    <generator>MediaWiki 1.43.1</generator>',
    '    <case>first-letter</case>',
    '    <namespaces>',
    ...ns,
    '    </namespaces>',
    '  </siteinfo>',
    '',
  ].join('\n');
}

function contributor(rev: RevisionSpec): string {
  const c = rev.contributor;
  const inner =
    'ip' in c
      ? `        <ip>${xmlEscape(c.ip)}</ip>`
      : `        <username>${xmlEscape(c.user)}</username>\n        <id>${c.userId}</id>`;
  return `      <contributor>\n${inner}\n      </contributor>`;
}

function revisionXml(rev: RevisionSpec, id: number, parentId: number | null): string {
  const sha1 = sha1Base36(rev.text);
  return [
    '    <revision>',
    `      <id>${id}</id>`,
    ...(parentId === null ? [] : [`      <parentid>${parentId}</parentid>`]),
    `      <timestamp>${isoSeconds(rev.at)}</timestamp>`,
    contributor(rev),
    ...(rev.minor === true ? ['      <minor />'] : []),
    ...(rev.comment === '' ? [] : [`      <comment>${xmlEscape(rev.comment)}</comment>`]),
    `      <origin>${id}</origin>`,
    '      <model>wikitext</model>',
    '      <format>text/x-wiki</format>',
    `      <text bytes="${Buffer.byteLength(rev.text, 'utf8')}" sha1="${sha1}" xml:space="preserve">${xmlEscape(rev.text)}</text>`,
    `      <sha1>${sha1}</sha1>`,
    '    </revision>',
    '',
  ].join('\n');
}

/** Revision ids for the planted pages: 1, 2, 3... in global time order (ties: page order). */
function plantedRevisionIds(pages: readonly PageSpec[]): Map<RevisionSpec, number> {
  const all = pages.flatMap((page, p) => page.revisions.map((rev, r) => ({ rev, p, r })));
  all.sort((a, b) => a.rev.at - b.rev.at || a.p - b.p || a.r - b.r);
  return new Map(all.map(({ rev }, i) => [rev, i + 1]));
}

/** Generated pages of the benchmark: editors taking turns, text growing by a line per revision. */
function* generatedPages(options: MediaWikiDumpOptions, rng: Rng): Generator<PageSpec> {
  const editors = options.editors ?? ['Editor One', 'Editor Two', 'Editor Three'];
  const count = options.revisionsPerPage ?? 5;
  for (let p = 0; p < options.pages; p += 1) {
    let at = PILOT_START + rng.int(0, 200) * DAY + rng.int(0, 86_399) * 1000;
    const revisions: RevisionSpec[] = [];
    let text = `= Page ${p} =\n`;
    for (let r = 0; r < count && at < PILOT_END; r += 1) {
      text += `Line ${r} written by an editor of page ${p}.\n`;
      const user = rng.pick(editors);
      revisions.push({
        at,
        contributor: { user, userId: 100 + editors.indexOf(user) },
        comment: r === 0 ? 'Created page' : 'Update',
        text,
      });
      at += rng.int(1, 72) * 3_600_000;
    }
    yield { title: `Generated page ${p}`, ns: 0, revisions };
  }
}

/** Writes the dump to `file`. */
export async function writeMediaWikiDump(file: string, options: MediaWikiDumpOptions): Promise<MediaWikiDumpResult> {
  const planted = options.planted ?? [];
  const plantedIds = plantedRevisionIds(planted);
  let nextId = plantedIds.size + 1;
  const result: MediaWikiDumpResult = { pages: 0, revisions: 0, anonymous: 0, creations: 0 };
  const sink = await FileSink.open(file);
  await sink.write(siteinfo());
  for (const { page, planted: isPlanted } of allPages(planted, generatedPages(options, new Rng(options.seed)))) {
    result.pages += 1;
    await sink.write(
      `  <page>\n    <title>${xmlEscape(page.title)}</title>\n    <ns>${page.ns}</ns>\n    <id>${result.pages}</id>\n`,
    );
    let parent: number | null = null;
    for (const rev of page.revisions) {
      const id = isPlanted ? (plantedIds.get(rev) ?? 0) : nextId++;
      await sink.write(revisionXml(rev, id, parent));
      result.revisions += 1;
      if ('ip' in rev.contributor) result.anonymous += 1;
      if (parent === null) result.creations += 1;
      parent = id;
    }
    await sink.write('  </page>\n');
  }
  await sink.write('</mediawiki>\n');
  await sink.close();
  return result;
}

/** Planted pages first, then generated ones, lazily (a benchmark dump never sits in memory). */
function* allPages(
  planted: readonly PageSpec[],
  generated: Iterable<PageSpec>,
): Generator<{ page: PageSpec; planted: boolean }> {
  for (const page of planted) yield { page, planted: true };
  for (const page of generated) yield { page, planted: false };
}
