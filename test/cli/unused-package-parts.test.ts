import { createCipheriv } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deferUnusedPackageParts } from '../../src/cli/unused-package-parts.js';

const here = fileURLToPath(import.meta.url);
const require = createRequire(here);
/** The files as Node resolves them from pdfkit (and fontkit), the way pdfkit's load requires them. */
const pdfkitFile = require.resolve('pdfkit');
const fontkitFile = createRequire(pdfkitFile).resolve('fontkit');
const brotliFile = createRequire(fontkitFile).resolve('brotli/decompress.js');
const brotliDecoderFile = createRequire(brotliFile).resolve('./dec/decode');
const aesFile = createRequire(pdfkitFile).resolve('@noble/ciphers/aes');

type Decompress = (buffer: Uint8Array, outputSize?: number) => Uint8Array;
type Aes = { cbc(key: Uint8Array, iv: Uint8Array): { encrypt(data: Uint8Array): Uint8Array } };

function forget(): void {
  // The stand-ins and what was loaded through them: other tests get the packages as shipped.
  for (const file of [brotliFile, brotliDecoderFile, aesFile]) delete require.cache[file];
}
beforeEach(forget);
afterEach(forget);

describe('deferUnusedPackageParts', () => {
  it('stands in for brotli and the AES ciphers without loading them', () => {
    expect(deferUnusedPackageParts(here)).toEqual([brotliFile, aesFile]);
    const decompress = createRequire(fontkitFile)('brotli/decompress.js') as Decompress;
    expect(typeof decompress).toBe('function');
    createRequire(pdfkitFile)('@noble/ciphers/aes');
    // Neither real file ran: brotli's decoder (and its dictionary) is not loaded.
    expect(require.cache[brotliDecoderFile]).toBeUndefined();
  });

  it('decodes WOFF2-style brotli data with the real decoder when first called', () => {
    deferUnusedPackageParts(here);
    const decompress = createRequire(fontkitFile)('brotli/decompress.js') as Decompress;
    const original = Buffer.from(`${'glyf loca hmtx '.repeat(400)}the end`, 'latin1');
    const decoded = decompress(brotliCompressSync(original), original.length);
    expect(Buffer.from(decoded).equals(original)).toBe(true);
  });

  it("encrypts as AES-256-CBC does (Node's own cipher), through the real module on first use", () => {
    deferUnusedPackageParts(here);
    const aes = createRequire(pdfkitFile)('@noble/ciphers/aes') as Aes;
    const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const iv = Uint8Array.from({ length: 16 }, (_, i) => 255 - i);
    const data = new TextEncoder().encode('an encrypted PDF string, 45 bytes long......');
    const node = createCipheriv('aes-256-cbc', key, iv);
    const expected = Buffer.concat([node.update(data), node.final()]);
    expect(Buffer.from(aes.cbc(key, iv).encrypt(data)).equals(expected)).toBe(true);
    expect('ecb' in aes).toBe(true);
    expect(Object.keys(aes)).toContain('cbc');
  });

  it('leaves a part alone that is already loaded', () => {
    require(aesFile);
    expect(deferUnusedPackageParts(here)).toEqual([brotliFile]);
  });
});
