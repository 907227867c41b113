import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UnicodeStreamDecoder } from '../shared/unicode-text.js';
import type { InputFile } from '../types.js';

/** Plain and gzipped dumps; `.bz2` is recognised only to be refused with a clear message. */
export const DUMP_FILE = /\.xml(\.gz)?$/i;
export const BZIP2_DUMP_FILE = /\.xml\.bz2$/i;

/** How much of a dump's start is searched for the root element. */
const SNIFF_CHARS = 4096;
const ROOT = /<(?:[\w.-]+:)?mediawiki[\s>/]/;

/** The file's bytes, gunzipped when the name ends in `.gz`; errors of either stream surface on the result. */
export async function openDump(file: InputFile): Promise<Readable> {
  const raw = await file.open();
  if (!/\.gz$/i.test(file.name)) return raw;
  // pipeline forwards a read error of the file to the gunzip stream the caller iterates.
  return pipeline(raw, createGunzip(), () => {});
}

/** Result of looking at a file's first characters. */
export type Sniff = { kind: 'dump' } | { kind: 'other' } | { kind: 'unreadable'; message: string };

/** Whether the first characters of the (decompressed) file hold a `<mediawiki` root element. */
export async function sniffDump(file: InputFile): Promise<Sniff> {
  let stream: Readable | null = null;
  let head = '';
  try {
    stream = await openDump(file);
    const decoder = new UnicodeStreamDecoder();
    for await (const chunk of stream) {
      if (typeof chunk === 'string') head += chunk;
      else if (chunk instanceof Uint8Array) head += decoder.push(chunk);
      else break;
      if (head.length >= SNIFF_CHARS) break;
    }
    if (head.length < SNIFF_CHARS) head += decoder.end();
    return ROOT.test(head) ? { kind: 'dump' } : { kind: 'other' };
  } catch (error) {
    // A short, cut gzip file fails before SNIFF_CHARS: what was decoded still tells.
    if (ROOT.test(head)) return { kind: 'dump' };
    return { kind: 'unreadable', message: error instanceof Error ? error.message : String(error) };
  } finally {
    stream?.destroy();
  }
}

/** The file name without folders and without `.xml` / `.xml.gz`: names a wiki that has no siteinfo. */
export function fileStem(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.replace(/\.xml(\.gz|\.bz2)?$/i, '');
}
