/**
 * A wiki revision whose text is too large for one string (issue 19, item 14). V8 strings stop at
 * 2^29 - 24 characters; allocating that in the suite would cost a gigabyte, so the adapter is built
 * with small limits (`mediawikiSourceWith`) to reach the same path: text above `maxTextChars` marks
 * its revision, which is skipped `tooLarge` with a warning, and the revisions after it are read.
 * The real default (`DUMP_LIMITS`) is pinned too.
 */
import { describe, expect, it } from 'vitest';
import { DUMP_LIMITS, parseDump } from '../../src/sources/mediawiki/dump-parser.js';
import { splitLongText } from '../../src/sources/mediawiki/split-long-text.js';
import { mediawikiSourceWith } from '../../src/sources/mediawiki/index.js';
import { memoryTree } from '../../src/sources/input-tree.js';
import { wikitextLinks } from '../../src/sources/mediawiki/wiki-links.js';
import { runSource } from '../sources/mediawiki/run-source.js';

function revision(id: number, day: number, text: string): string {
  return [
    '    <revision>',
    `      <id>${id}</id>`,
    `      <timestamp>2026-03-0${day}T08:00:00Z</timestamp>`,
    '      <contributor><username>Erin</username><id>5</id></contributor>',
    `      <text xml:space="preserve">${text}</text>`,
    '    </revision>',
  ].join('\n');
}

function dump(...revisions: string[]): string {
  return [
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">',
    '  <siteinfo><sitename>Pilot Wiki</sitename><dbname>pilotwiki</dbname></siteinfo>',
    '  <page>',
    '    <title>Onboarding</title><ns>0</ns><id>1</id>',
    ...revisions,
    '  </page>',
    '</mediawiki>',
  ].join('\n');
}

// 5,000+ characters with entities, a CR LF and a non-BMP character, so that splits land near all of them.
const BIG = `${'See https://big.example/page &amp; more \u{1F600}\r\n'.repeat(120)}end`;
const DUMP = dump(
  revision(10, 1, 'Day one https://before.example'),
  revision(11, 2, BIG),
  revision(12, 3, 'Day three https://after.example'),
);

describe('a wiki revision text above the limit', () => {
  it('is skipped tooLarge with a warning at its line; the revisions after it are read', async () => {
    const source = mediawikiSourceWith({ maxTextChars: 1000, textPieceChars: 64 });
    const run = await runSource(source, memoryTree('wiki', { 'dump.xml': DUMP }));
    // read = used + skipped: 3 revisions, 2 used, 1 skipped.
    expect(run.read).toBe(3);
    expect(run.activities.map((a) => a.id)).toEqual(['mediawiki:pilotwiki:rev:10', 'mediawiki:pilotwiki:rev:12']);
    expect(run.skippedByReason).toEqual({ tooLarge: 1 });
    // Revision 11 starts on line 11; its text is counted after entity decoding and CR LF -> LF.
    const decoded = BIG.replace(/&amp;/g, '&').replace(/\r\n/g, '\n').length;
    expect(run.problems).toEqual([
      {
        file: 'wiki/dump.xml',
        line: 11,
        reason: 'tooLarge',
        detail: `revision 11 has a text of ${decoded} characters, above the limit of 1000; it is not read`,
      },
    ]);
    expect(run.activities.map((a) => a.links)).toEqual([['https://before.example'], ['https://after.example']]);
  });

  it('under the default limit the same revision is read whole, its link found across the pieces', async () => {
    expect(DUMP_LIMITS.maxTextChars).toBe(64 * 1024 * 1024);
    const run = await runSource(
      mediawikiSourceWith({ ...DUMP_LIMITS, textPieceChars: 64 }),
      memoryTree('wiki', { 'dump.xml': DUMP }),
    );
    expect(run.read).toBe(3);
    expect(run.problems).toEqual([]);
    expect(run.activities.map((a) => a.links)).toEqual([
      ['https://before.example'],
      ['https://big.example/page'],
      ['https://after.example'],
    ]);
  });

  it('splitting long character data into pieces changes neither the text saxes reports nor the lines', async () => {
    const texts = async (pieceChars: number, chunkChars: number): Promise<string[]> => {
      const seen: string[] = [];
      // Strings, cut anywhere (also between the halves of a surrogate pair, which saxes reassembles).
      const strings = Array.from({ length: Math.ceil(DUMP.length / chunkChars) }, (_, i) =>
        DUMP.slice(i * chunkChars, (i + 1) * chunkChars),
      );
      const events = parseDump(
        (async function* () {
          yield* strings;
        })(),
        'dump.xml',
        (t) => {
          seen.push(t);
          return wikitextLinks(t);
        },
        { maxTextChars: 1e9, textPieceChars: pieceChars },
      );
      const lines: number[] = [];
      for await (const e of events) if (e.type === 'revision') lines.push(e.revision.line);
      return [...seen, lines.join(',')];
    };
    const whole = await texts(1e9, 1e9);
    expect(whole).toHaveLength(4);
    for (const [piece, chunk] of [
      [7, 13],
      [64, 1000],
      [100, 7],
    ] as const)
      expect(await texts(piece, chunk)).toEqual(whole);
  });

  it('the splitter inserts nothing into markup, entities or CR LF pairs', () => {
    const split = splitLongText(5);
    const out = split('<a b="cccccccccc">dddddddddd&amp;&#x1F600;eeeeeeeee\r\nffff</a>');
    expect(out.replace(/<!---->/g, '')).toBe('<a b="cccccccccc">dddddddddd&amp;&#x1F600;eeeeeeeee\r\nffff</a>');
    expect(out).not.toMatch(/<a b="c*<!---->/);
    expect(out).not.toMatch(/&[^;]*<!---->/);
    expect(out).not.toMatch(/\r<!---->/);
    expect(out).toContain('<!---->');
  });
});
