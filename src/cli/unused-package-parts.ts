/**
 * Stand-ins for two parts of pdfkit's dependencies that pdfkit requires when it is loaded and the
 * report never runs (issue 16, item 4): fontkit's WOFF2 decoder (`brotli/decompress.js`, which
 * decodes its 120 KB dictionary when required; the report's fonts are TrueType files) and the AES
 * ciphers of encrypted PDFs (`@noble/ciphers/aes`, which builds its tables when required; the
 * report is never encrypted). Together about 40-55 ms of the sample pilot's ~250 ms spent loading
 * the drawing code (bench/README.md). Each stand-in loads the real file on first use, so a WOFF2
 * font or an encrypted document still works, the same way. Like native-inflate.ts, they are
 * `require.cache` entries, Node's documented way to supply a module; call before pdfkit is loaded.
 */
import Module, { createRequire } from 'node:module';
import { resolveThrough, supplyModule } from './supplied-modules.js';

/** Where each part is required from, the way Node resolves it from pdfkit, and how it is used. */
const PARTS: readonly { chain: readonly string[]; shape: 'function' | 'namespace' }[] = [
  { chain: ['pdfkit', 'fontkit', 'brotli/decompress.js'], shape: 'function' },
  { chain: ['pdfkit', '@noble/ciphers/aes'], shape: 'namespace' },
];

/**
 * From now on in this thread, the parts above are loaded when first called rather than when
 * pdfkit is. A part that cannot be resolved is left alone. Returns the files stood in for.
 */
export function deferUnusedPackageParts(from: string): string[] {
  const deferred: string[] = [];
  for (const { chain, shape } of PARTS) {
    const file = resolveThrough(from, chain);
    if (file === null || createRequire(from).cache[file] !== undefined) continue;
    supplyModule(from, file, shape === 'function' ? deferredFunction(file) : deferredNamespace(file));
    deferred.push(file);
  }
  return deferred;
}

/** The module's exports, loaded from `file` once, outside `require.cache` (where the stand-in stays). */
function loaderOf(file: string): () => unknown {
  let exports: unknown;
  let loaded = false;
  return () => {
    if (!loaded) {
      const real = new Module(file);
      // Module#load: reads, compiles (through whatever compile step is in place) and runs the file.
      Reflect.apply(Reflect.get(real, 'load') as (filename: string) => void, real, [file]);
      exports = real.exports;
      loaded = true;
    }
    return exports;
  };
}

/** A module whose exports are one function (brotli's decompressor). */
function deferredFunction(file: string): (...args: unknown[]) => unknown {
  const load = loaderOf(file);
  return (...args) => Reflect.apply(load() as (...a: unknown[]) => unknown, undefined, args);
}

/** A module whose exports are named functions, read as `part.name(...)` when used (pdfkit's `aes.cbc`). */
function deferredNamespace(file: string): object {
  const load = loaderOf(file);
  return new Proxy(
    {},
    {
      get: (_target, key) => Reflect.get(load() as object, key),
      has: (_target, key) => Reflect.has(load() as object, key),
      ownKeys: () => Reflect.ownKeys(load() as object),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load() as object, key);
        // A proxy may report only configurable properties its (empty) target lacks.
        return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
      },
    },
  );
}
