/**
 * Node's own zlib in place of `tiny-inflate` for the packages the PDF thread loads (issue 16, item 4).
 * fontkit, unicode-properties and linebreak build their Unicode tables (`unicode-trie`) when they are
 * required, inflating each one twice with tiny-inflate, a DEFLATE decoder written in JavaScript: in
 * the sample pilot's run that was the PDF thread's largest single cost after compiling (V8 runs the
 * decoder cold, then optimizes it on another thread), 80-160 ms of CPU to require fontkit and
 * linebreak in a fresh process against ~110 ms with zlib. DEFLATE decodes to one output, so the
 * tables (and every PDF) are the same bytes either way (tested).
 */
import { inflateRawSync } from 'node:zlib';
import { resolveThrough, supplyModule } from './supplied-modules.js';

/** tiny-inflate's function: `source` (raw DEFLATE) into `dest`, returning `dest` cut to what was written. */
export type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;

/** tiny-inflate's contract over zlib: fills `dest`, returns it, or a copy of what was written when that is shorter. */
export const inflateNatively: Inflate = (source, dest) => {
  const inflated = inflateRawSync(source);
  const written = Math.min(inflated.length, dest.length);
  dest.set(inflated.subarray(0, written));
  // As tiny-inflate: a shorter output comes back as a slice (its own buffer, which unicode-trie reads).
  return written < dest.length ? dest.slice(0, written) : dest;
};

/**
 * The packages whose `require('tiny-inflate')` is answered with {@link inflateNatively}, each
 * reached from pdfkit the way Node resolves it (a nested copy resolves to its own file).
 */
const REQUIRERS: readonly (readonly string[])[] = [
  ['pdfkit', 'fontkit'],
  ['pdfkit', 'fontkit', 'unicode-properties', 'unicode-trie'],
  ['pdfkit', 'linebreak', 'unicode-trie'],
];

/**
 * From now on in this thread, tiny-inflate as required by pdfkit's dependencies is zlib
 * (`require.cache` entries, Node's documented way to supply a module). Call it before pdfkit is
 * loaded. A package that cannot be resolved keeps its own decoder. Returns the files replaced.
 */
export function useNativeInflate(from: string): string[] {
  const replaced = new Set<string>();
  for (const chain of REQUIRERS) {
    const file = resolveThrough(from, [...chain, 'tiny-inflate']);
    if (file === null || replaced.has(file)) continue;
    supplyModule(from, file, inflateNatively);
    replaced.add(file);
  }
  return [...replaced];
}
