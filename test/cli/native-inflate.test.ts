import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { inflateNatively, useNativeInflate, type Inflate } from '../../src/cli/native-inflate.js';

const here = fileURLToPath(import.meta.url);
const require = createRequire(here);
/** The files of the packages the PDF thread loads, as Node resolves them from pdfkit. */
const fontkitFile = createRequire(require.resolve('pdfkit')).resolve('fontkit');
const propertiesFile = createRequire(fontkitFile).resolve('unicode-properties');
const trieFile = createRequire(propertiesFile).resolve('unicode-trie');
const tinyInflateFile = createRequire(trieFile).resolve('tiny-inflate');

/** The JavaScript decoder itself, loaded before any test replaces it. */
const tinyInflate = require(tinyInflateFile) as Inflate;

/** Bytes that compress the way unicode-trie's data does: long runs and repeats, some noise. */
function sampleBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 7;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    bytes[i] = i % 97 < 60 ? (i >> 6) & 0xff : state & 0xff;
  }
  return bytes;
}

afterEach(() => {
  // The replaced module and what was loaded through it, so other tests get the packages as shipped.
  for (const file of [tinyInflateFile, trieFile, propertiesFile]) delete require.cache[file];
});

describe('inflateNatively', () => {
  it('decodes into dest and returns dest itself when the output fills it, as tiny-inflate does', () => {
    const original = sampleBytes(20_000);
    const compressed = deflateRawSync(original);
    const ours = new Uint8Array(original.length);
    const theirs = new Uint8Array(original.length);
    expect(inflateNatively(compressed, ours)).toBe(ours);
    expect(tinyInflate(compressed, theirs)).toBe(theirs);
    expect(ours).toEqual(original);
    expect(theirs).toEqual(original);
  });

  it('returns a copy of what was written, with its own buffer, when dest is longer', () => {
    const original = sampleBytes(1_000);
    const compressed = deflateRawSync(original);
    const ours = inflateNatively(compressed, new Uint8Array(4_000));
    const theirs = tinyInflate(compressed, new Uint8Array(4_000));
    expect(ours.length).toBe(1_000);
    // unicode-trie reads `.buffer` of the result: it must hold exactly the output, as tiny-inflate's does.
    expect(ours.buffer.byteLength).toBe(1_000);
    expect(theirs.buffer.byteLength).toBe(1_000);
    expect(ours).toEqual(theirs);
  });

  it('keeps what fits when dest is shorter than the output', () => {
    const original = sampleBytes(3_000);
    const dest = new Uint8Array(2_000);
    expect(inflateNatively(deflateRawSync(original), dest)).toBe(dest);
    expect(dest).toEqual(original.subarray(0, 2_000));
  });
});

describe('useNativeInflate', () => {
  it("answers pdfkit's dependencies' require('tiny-inflate') with zlib", () => {
    const replaced = useNativeInflate(here);
    expect(replaced).toContain(tinyInflateFile);
    expect(createRequire(fontkitFile)('tiny-inflate')).toBe(inflateNatively);
    expect(createRequire(trieFile)('tiny-inflate')).toBe(inflateNatively);
  });

  it("gives unicode-properties the same tables (every code point's category, script and class)", () => {
    type Properties = {
      getCategory(c: number): string;
      getScript(c: number): string;
      getEastAsianWidth(c: number): string;
    };
    const table = (properties: Properties): string[] => {
      const rows: string[] = [];
      for (let c = 0; c <= 0x10ffff; c += c < 0x30000 ? 1 : 0x101)
        rows.push(`${properties.getCategory(c)} ${properties.getScript(c)} ${properties.getEastAsianWidth(c)}`);
      return rows;
    };
    for (const file of [trieFile, propertiesFile]) delete require.cache[file];
    const shipped = table(require(propertiesFile) as Properties);
    for (const file of [trieFile, propertiesFile]) delete require.cache[file];
    useNativeInflate(here);
    expect(createRequire(trieFile)('tiny-inflate')).toBe(inflateNatively);
    const native = table(require(propertiesFile) as Properties);
    expect(native).toEqual(shipped);
    expect(new Set(shipped).size).toBeGreaterThan(100);
  });
});
