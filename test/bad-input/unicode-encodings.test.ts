/**
 * XML and JSON inputs in UTF-16 or UTF-32, with or without a byte-order mark (issue 19, item 17),
 * told from their first bytes as XML 1.0 Appendix F (and RFC 4627 §3 for JSON) describes. A
 * MediaWiki dump saved as UTF-16 without a BOM used to be refused as "holds no export".
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectUnicode, type UnicodeEncoding, UnicodeStreamDecoder } from '../../src/sources/shared/unicode-text.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { fixture, load, reconciled, tempDir, type LoadOutcome } from './harness.js';

afterAll(removeTempDirs);

/** Text in an encoding, with or without its byte-order mark (written independently of the decoder under test). */
function encode(text: string, encoding: UnicodeEncoding, bom: boolean): Buffer {
  const body = bom ? `\uFEFF${text}` : text;
  if (encoding === 'utf-8') return Buffer.from(body, 'utf8');
  if (encoding === 'utf-16le') return Buffer.from(body, 'utf16le');
  if (encoding === 'utf-16be') return Buffer.from(body, 'utf16le').swap16();
  const points = [...body].map((c) => c.codePointAt(0) ?? 0);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => (encoding === 'utf-32be' ? out.writeUInt32BE(p, i * 4) : out.writeUInt32LE(p, i * 4)));
  return out;
}

const ENCODINGS: UnicodeEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'];
const CASES = ENCODINGS.filter((e) => e !== 'utf-8').flatMap((encoding) =>
  [true, false].map((bom) => ({ encoding, bom })),
);
/** Every encoding once, with and without a BOM in turn, for the slower Slack case. */
const SOME_CASES: Array<{ encoding: UnicodeEncoding; bom: boolean }> = [
  { encoding: 'utf-16le', bom: true },
  { encoding: 'utf-16be', bom: false },
  { encoding: 'utf-32le', bom: false },
  { encoding: 'utf-32be', bom: true },
];

/** Copies a fixture folder, re-encoding every .xml and .json file from UTF-8. */
function reencoded(name: string, encoding: UnicodeEncoding, bom: boolean): string {
  const dir = path.join(tempDir(), name);
  cpSync(fixture(name), dir, { recursive: true });
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder)) {
      const file = path.join(folder, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(xml|json)$/.test(entry))
        writeFileSync(file, encode(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), encoding, bom));
    }
  };
  walk(dir);
  return dir;
}

/**
 * The UTF-8 original of a fixture, loaded once for every encoding compared with it (the tests only
 * read it): fourteen loads of three fixtures were eleven DuckDB datasets too many.
 */
const originals = new Map<string, Promise<LoadOutcome>>();
function originalOf(name: string): Promise<LoadOutcome> {
  let loaded = originals.get(name);
  if (!loaded) {
    loaded = load([fixture(name)]);
    originals.set(name, loaded);
  }
  return loaded;
}

describe('UTF-16 and UTF-32 XML and JSON inputs', () => {
  it('a MediaWiki dump in UTF-16LE without a BOM, declared encoding="UTF-16", is detected and read', async () => {
    const { accounts, warnings, activities, error } = await load([fixture('mediawiki-utf16le-no-bom')]);
    expect(error).toBeNull();
    expect(warnings).toEqual([]);
    expect(accounts[0]).toMatchObject({ kind: 'mediawiki', read: 2, used: 2, skipped: 0 });
    expect(activities.map((a) => a.activity_id)).toEqual(['mediawiki:pilotwiki:rev:10', 'mediawiki:pilotwiki:rev:11']);
  });

  it('forced as mediawiki: it is read the same', async () => {
    const { accounts, error } = await load([`mediawiki:${fixture('mediawiki-utf16le-no-bom')}`]);
    expect(error).toBeNull();
    expect(accounts[0]).toMatchObject({ kind: 'mediawiki', read: 2, used: 2 });
  });

  it.each(CASES)('a MediaWiki dump in $encoding (BOM: $bom) reads as its UTF-8 original', async ({ encoding, bom }) => {
    const original = await originalOf('mediawiki-cut-mid-revision');
    const { accounts, warnings, activities } = await load([reencoded('mediawiki-cut-mid-revision', encoding, bom)]);
    expect(accounts[0]).toMatchObject({ read: 3, used: 2, skipped: 1 });
    expect(warnings.map((w) => w.replace(/^.*dump\.xml/, 'dump.xml'))).toEqual(
      original.warnings.map((w) => w.replace(/^.*dump\.xml/, 'dump.xml')),
    );
    expect(activities.map(({ activity_id, text, line }) => ({ activity_id, text, line }))).toEqual(
      original.activities.map(({ activity_id, text, line }) => ({ activity_id, text, line })),
    );
  });

  it.each(SOME_CASES)(
    'a Slack export (users.json, channels.json, day files) in $encoding (BOM: $bom) reads as its UTF-8 original',
    async ({ encoding, bom }) => {
      const original = await originalOf('slack-broken-day-file-among-good');
      const { accounts, activities } = await load([reencoded('slack-broken-day-file-among-good', encoding, bom)]);
      expect(accounts[0]).toMatchObject({ read: 4, used: 3, skipped: 1 });
      expect(reconciled(accounts)).toBe(true);
      expect(activities.map((a) => a.text)).toEqual(original.activities.map((a) => a.text));
    },
  );

  it.each([
    ['utf-16le', false],
    ['utf-32be', true],
  ] as const)('a Teams page in %s (BOM: %s) is detected and read as its UTF-8 original', async (encoding, bom) => {
    const original = await originalOf('../teams/channel-page-rules/export');
    const { accounts, activities } = await load([reencoded('../teams/channel-page-rules/export', encoding, bom)]);
    expect(accounts[0]).toMatchObject({ kind: 'teams', read: 8, used: 3 });
    expect(activities.map((a) => a.text)).toEqual(original.activities.map((a) => a.text));
  });

  it('detection follows XML 1.0 Appendix F', () => {
    const table: Array<[number[], UnicodeEncoding, number]> = [
      [[0x00, 0x00, 0xfe, 0xff], 'utf-32be', 4],
      [[0xff, 0xfe, 0x00, 0x00], 'utf-32le', 4],
      [[0xfe, 0xff, 0x00, 0x3c], 'utf-16be', 2],
      [[0xff, 0xfe, 0x3c, 0x00], 'utf-16le', 2],
      [[0xef, 0xbb, 0xbf, 0x3c], 'utf-8', 3],
      [[0x00, 0x00, 0x00, 0x3c], 'utf-32be', 0],
      [[0x3c, 0x00, 0x00, 0x00], 'utf-32le', 0],
      [[0x00, 0x3c, 0x00, 0x3f], 'utf-16be', 0],
      [[0x3c, 0x00, 0x3f, 0x00], 'utf-16le', 0],
      [[0x3c, 0x3f, 0x78, 0x6d], 'utf-8', 0],
      [[0x5b, 0x0a], 'utf-8', 0],
    ];
    for (const [bytes, encoding, bomLength] of table)
      expect(detectUnicode(Uint8Array.from(bytes))).toEqual({ encoding, bomLength });
  });

  it('the decoder takes chunks of any size, also cut inside a character', () => {
    const text = '<a>Grüße 😀 ok</a>';
    for (const encoding of ENCODINGS) {
      const bytes = encode(text, encoding, true);
      for (const size of [1, 3, 5]) {
        const decoder = new UnicodeStreamDecoder();
        let out = '';
        for (let i = 0; i < bytes.length; i += size) out += decoder.push(bytes.subarray(i, i + size));
        expect(out + decoder.end()).toBe(text);
      }
    }
  });
});
