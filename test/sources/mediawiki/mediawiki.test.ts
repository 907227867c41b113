import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { memoryTree } from '../../../src/sources/input-tree.js';
import { mediawikiSource } from '../../../src/sources/mediawiki/index.js';
import { normalizeWikiUsername } from '../../../src/sources/mediawiki/usernames.js';
import { runSource } from './run-source.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/mediawiki');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name, 'dump.xml'));

/** A revision element on one line, so that revision N of a dump starts on line 3 + N. */
function rev(id: number, user: string, extra = ''): string {
  const who = user.startsWith('ip:') ? `<ip>${user.slice(3)}</ip>` : `<username>${user}</username>`;
  return `<revision><id>${id}</id>${extra}<timestamp>2026-01-0${id % 9 || 1}T10:00:00Z</timestamp><contributor>${who}</contributor><text xml:space="preserve">x</text></revision>`;
}

/** A one-page dump: line 1 root, line 2 siteinfo, line 3 page start, then one revision per line. */
function dump(
  revisions: string[],
  root = '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">',
): string {
  return [
    root,
    '<siteinfo><sitename>W</sitename><dbname>w</dbname></siteinfo>',
    '<page><title>P</title><ns>0</ns><id>1</id>',
    ...revisions,
    '</page>',
    '</mediawiki>',
  ].join('\n');
}

describe('mediawikiSource.detect', () => {
  it('recognises plain, gzipped and bzip2 dumps, and nothing else', async () => {
    const xml = dump([rev(1, 'A')]);
    expect(await mediawikiSource.detect(memoryTree('in', { 'dump.xml': xml }))).toBe(true);
    expect(await mediawikiSource.detect(memoryTree('in', { 'dump.xml.gz': gzipSync(xml) }))).toBe(true);
    expect(await mediawikiSource.detect(memoryTree('in', { 'enwiki-pages-meta-history.xml.bz2': 'BZh9' }))).toBe(true);
    expect(await mediawikiSource.detect(memoryTree('in', { 'entities.xml': '<hibernate-generic/>' }))).toBe(false);
    expect(await mediawikiSource.detect(memoryTree('in', { 'dump.txt': xml }))).toBe(false);
    expect(await mediawikiSource.detect(memoryTree('in', { 'dump.xml.gz': 'not gzip' }))).toBe(false);
  });
});

describe('mediawikiSource.read', () => {
  it('reads a gzipped dump exactly like the plain one', async () => {
    const plain = fixture('full-history-bots-ips-and-suppressed');
    const options = { botAccounts: ['maintenance bot'] };
    const fromXml = await runSource(mediawikiSource, memoryTree('in', { 'dump.xml': plain }), options);
    const fromGz = await runSource(mediawikiSource, memoryTree('in', { 'dump.xml.gz': gzipSync(plain) }), options);
    // 9 read = 4 used + 5 skipped (hand count in fixtures.test.ts).
    expect(fromGz.read).toBe(9);
    expect(fromGz.activities.map((a) => ({ ...a, provenance: a.provenance.line }))).toEqual(
      fromXml.activities.map((a) => ({ ...a, provenance: a.provenance.line })),
    );
    expect(fromGz.skippedByReason).toEqual(fromXml.skippedByReason);
    expect(fromGz.files).toEqual(['in/dump.xml.gz']);
  });

  it('uses the revisions before a cut and reports the cut one as malformed at its line', async () => {
    const run = await runSource(
      mediawikiSource,
      memoryTree('in', { 'dump.xml': fixture('truncated-inside-third-revision') }),
    );
    expect(run.activities.map((a) => a.id)).toEqual(['mediawiki:teamwiki:rev:30', 'mediawiki:teamwiki:rev:31']);
    expect(run.skips).toEqual([{ reason: 'malformed', file: 'in/dump.xml', line: 34 }]);
    expect(run.problems).toEqual([
      {
        file: 'in/dump.xml',
        line: 34,
        reason: 'malformed',
        detail: 'revision 32 is cut off: the file ends early, the dump is truncated; the revisions before it were used',
      },
    ]);
  });

  it('reads a gzip stream cut in the middle of a revision without crashing', async () => {
    // The cut lands inside revision 32: gzip the truncated text, then also lose the gzip trailer.
    const gz = gzipSync(fixture('truncated-inside-third-revision'));
    const run = await runSource(mediawikiSource, memoryTree('in', { 'dump.xml.gz': gz.subarray(0, gz.length - 8) }));
    expect(run.activities.map((a) => a.id)).toEqual(['mediawiki:teamwiki:rev:30', 'mediawiki:teamwiki:rev:31']);
    expect(run.skips).toEqual([{ reason: 'malformed', file: 'in/dump.xml.gz', line: 34 }]);
    expect(run.problems).toHaveLength(1);
  });

  it('reports a dump cut between revisions as truncated without losing a record', async () => {
    const xml = dump([rev(1, 'A'), rev(2, 'B', '<parentid>1</parentid>')]).replace('</page>\n</mediawiki>', '');
    const run = await runSource(mediawikiSource, memoryTree('in', { 'dump.xml': xml }));
    expect(run.read).toBe(2);
    expect(run.activities.map((a) => a.kind)).toEqual(['page_create', 'page_edit']);
    expect(run.problems.map((p) => [p.reason, p.detail])).toEqual([
      ['truncated', 'the file ends early, the dump is truncated; every complete revision before it was used'],
    ]);
  });

  it('stops at an XML error, keeps what came before and skips the open revision', async () => {
    // Revision 2 (line 5) holds a mismatched close tag.
    const xml = dump([rev(1, 'A'), rev(2, 'B').replace('</text>', '</txet>'), rev(3, 'C')]);
    const run = await runSource(mediawikiSource, memoryTree('in', { 'dump.xml': xml }));
    expect(run.activities.map((a) => a.id)).toEqual(['mediawiki:w:rev:1']);
    expect(run.skips).toEqual([{ reason: 'malformed', file: 'in/dump.xml', line: 5 }]);
    expect(run.problems[0]?.detail).toMatch(
      /^revision 2 is cut off: reading stopped at an error \(unexpected close tag/,
    );
  });

  it('matches elements by local name: schema 0.3, 0.11, a disagreeing URI, and no namespace at all', async () => {
    const roots = [
      '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.3/" version="0.3">',
      '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">',
      '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.6/" version="0.11">',
      '<mw:mediawiki xmlns:mw="http://www.mediawiki.org/xml/export-0.11/">',
      '<mediawiki>',
    ];
    const kinds: string[][] = [];
    for (const root of roots) {
      let xml = dump([rev(1, 'A'), rev(2, 'B', '<parentid>1</parentid>')], root);
      if (root.startsWith('<mw:')) xml = xml.replace(/<(\/?)(?!mw:)([a-z])/g, '<$1mw:$2');
      const run = await runSource(mediawikiSource, memoryTree('in', { 'dump.xml': xml }));
      expect(run.problems).toEqual([]);
      kinds.push(run.activities.map((a) => `${a.identityId} ${a.kind}`));
    }
    // Only the 0.3 dump (no <parentid> in its schema) cannot call revision 1 a creation.
    expect(kinds).toEqual([
      ['mediawiki:A page_edit', 'mediawiki:B page_edit'],
      ['mediawiki:A page_create', 'mediawiki:B page_edit'],
      ['mediawiki:A page_create', 'mediawiki:B page_edit'],
      ['mediawiki:A page_create', 'mediawiki:B page_edit'],
      ['mediawiki:A page_create', 'mediawiki:B page_edit'],
    ]);
  });

  it('notes once that a pre-0.7 dump cannot tell creations from edits', async () => {
    const run = await runSource(mediawikiSource, memoryTree('in', { 'dump.xml': fixture('schema-0.3-current-only') }));
    expect(run.notes).toEqual([
      'MediaWiki dump schema 0.3 records no <parentid>: page creations cannot be told from edits, so every revision counts as a page edit',
    ]);
  });

  it("calls a revision a creation only when it has no parentid and is its page's first in the dump", async () => {
    // Rev 5 has a parent (history starts mid-way): edit. Rev 6 lacks parentid but is second: edit.
    const partial = await runSource(
      mediawikiSource,
      memoryTree('in', { 'dump.xml': dump([rev(5, 'A', '<parentid>4</parentid>'), rev(6, 'B')]) }),
    );
    expect(partial.activities.map((a) => [a.kind, a.parentId])).toEqual([
      ['page_edit', 'mediawiki:w:rev:4'],
      ['page_edit', null],
    ]);
    // `<parentid>0</parentid>` means "no parent" to MediaWiki.
    const zero = await runSource(
      mediawikiSource,
      memoryTree('in', { 'dump.xml': dump([rev(1, 'A', '<parentid>0</parentid>')]) }),
    );
    expect(zero.activities.map((a) => [a.kind, a.parentId])).toEqual([['page_create', null]]);
    // The same page continued in a second file of the same wiki is not created again.
    const split = await runSource(
      mediawikiSource,
      memoryTree('in', { 'a.xml': dump([rev(1, 'A')]), 'b.xml': dump([rev(2, 'B')]) }),
    );
    expect(split.activities.map((a) => a.kind)).toEqual(['page_create', 'page_edit']);
    expect(split.spaces).toHaveLength(1);
    expect(split.files).toEqual(['in/a.xml', 'in/b.xml']);
  });

  it('skips IP editors, temporary accounts and configured bots whatever the spelling', async () => {
    const revisions = [
      rev(1, 'ip:2001:db8::1'),
      rev(2, '~2025-00012'),
      rev(3, 'Wiki bot'),
      rev(4, 'Import bot'),
      rev(5, 'Wiki botanist'),
      rev(6, 'ip:198.51.100.7'),
    ];
    const run = await runSource(mediawikiSource, memoryTree('in', { 'dump.xml': dump(revisions) }), {
      botAccounts: ['wiki bot', 'mediawiki:import_bot'],
    });
    // 6 read: 2 IPs + 1 temporary account = anonymous 3; "Wiki bot" and "Import bot" = bot 2; "Wiki botanist" used.
    expect(run.skippedByReason).toEqual({ anonymous: 3, bot: 2 });
    expect(run.activities.map((a) => a.identityId)).toEqual(['mediawiki:Wiki botanist']);
    expect(run.read).toBe(6);
    expect(run.problems).toEqual([]);
  });

  it('reports a bad or missing date, id or contributor at the revision line and goes on', async () => {
    const revisions = [
      rev(1, 'A').replace('2026-01-01T10:00:00Z', '2026-02-31T10:00:00Z'),
      rev(2, 'A').replace(/<timestamp>.*<\/timestamp>/, ''),
      rev(3, 'A').replace('<id>3</id>', ''),
      rev(4, 'A').replace('<username>A</username>', ''),
      rev(5, 'A'),
    ];
    const run = await runSource(mediawikiSource, memoryTree('in', { 'dump.xml': dump(revisions) }));
    expect(run.problems.map((p) => `${p.line} ${p.reason}: ${p.detail}`)).toEqual([
      '4 malformed: revision 1: <timestamp> "2026-02-31T10:00:00Z" is not a date',
      '5 missingField: revision 2 has no <timestamp>',
      '6 missingField: a <revision> has no <id>',
      '7 missingField: revision 4 has no <contributor> user name or IP',
    ]);
    expect(run.skippedByReason).toEqual({ malformed: 1, missingField: 3 });
    // Revision 5 follows skipped revisions of the same page: not the page's first, so an edit.
    expect(run.activities.map((a) => `${a.id} ${a.kind}`)).toEqual(['mediawiki:w:rev:5 page_edit']);
  });

  it('names a wiki without siteinfo after its file and announces each identity once', async () => {
    const xml = [
      '<mediawiki version="0.11">',
      '<page><title>Talk:Q</title><ns>1</ns><id>8</id>',
      rev(1, 'A'),
      rev(2, 'A'),
      '</page></mediawiki>',
    ].join('\n');
    const run = await runSource(mediawikiSource, memoryTree('in', { 'team-wiki.xml': xml }));
    expect(run.spaces).toEqual([
      { id: 'mediawiki:team-wiki', source: 'mediawiki', name: 'team-wiki', kind: 'wiki', isPrivate: false },
    ]);
    expect(run.identities).toEqual([
      { id: 'mediawiki:A', source: 'mediawiki', name: 'A', email: null, department: null, isBot: false },
    ]);
    expect(run.activities.map((a) => [a.threadId, a.title])).toEqual([
      ['mediawiki:team-wiki:page:8', 'Talk:Q'],
      ['mediawiki:team-wiki:page:8', 'Talk:Q'],
    ]);
  });

  it('refuses a single non-dump file with an InputError naming it', async () => {
    const read = (files: Record<string, string | Buffer>) => runSource(mediawikiSource, memoryTree('in', files));
    const notes = read({ 'notes.xml': 'just some text' });
    await expect(notes).rejects.toBeInstanceOf(InputError);
    await expect(notes).rejects.toThrow(
      'in/notes.xml: is not a MediaWiki XML dump (no <mediawiki> root element near its start)\n  hint: export pages with Special:Export or dumpBackup.php',
    );
    await expect(read({ 'dump.xml.gz': 'plain text, not gzip' })).rejects.toThrow(
      /^in\/dump\.xml\.gz: cannot be read: incorrect header check/,
    );
    await expect(read({ 'site.xml': '<!-- <mediawiki> --><html/>' })).rejects.toThrow(
      /^in\/site\.xml: is not a MediaWiki XML dump \(the root element is <html>, not <mediawiki>\)/,
    );
  });

  it('refuses bzip2 dumps with a clear message, fatal alone and a problem beside a readable dump', async () => {
    const alone = runSource(mediawikiSource, memoryTree('in', { 'w.xml.bz2': 'BZh9' }));
    await expect(alone).rejects.toThrow(
      /^in\/w\.xml\.bz2: is a bzip2-compressed dump, which pilot-report cannot read\n {2}hint: decompress it first \(bunzip2 -k w\.xml\.bz2/,
    );
    await expect(alone).rejects.toBeInstanceOf(InputError);
    const mixed = await runSource(
      mediawikiSource,
      memoryTree('in', { 'a.xml': dump([rev(1, 'A')]), 'b.xml.bz2': 'BZh9', 'c.xml': 'no dump' }),
    );
    expect(mixed.activities).toHaveLength(1);
    expect(mixed.problems.map((p) => `${p.file}: ${p.detail.split(';')[0]}`)).toEqual([
      'in/b.xml.bz2: is a bzip2-compressed dump, which pilot-report cannot read',
      'in/c.xml: is not a MediaWiki XML dump (no <mediawiki> root element near its start)',
    ]);
    expect(mixed.files).toEqual(['in/a.xml']);
  });
});

describe('normalizeWikiUsername', () => {
  it('folds underscores and the first letter the way MediaWiki does', () => {
    expect(normalizeWikiUsername('jane_doe')).toBe('Jane doe');
    expect(normalizeWikiUsername(' JDoe ')).toBe('JDoe');
    expect(normalizeWikiUsername('éva')).toBe('Éva');
    expect(normalizeWikiUsername('')).toBe('');
  });
});
