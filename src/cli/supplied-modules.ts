/**
 * Modules this thread supplies itself: a package's dependency answered by our own exports through a
 * loaded `require.cache` entry (Node's documented way to supply a module), found the way Node
 * resolves it from the package that requires it. Used to put zlib in place of a JavaScript inflate
 * (native-inflate.ts) and to defer parts of pdfkit's dependencies the report never runs
 * (unused-package-parts.ts).
 */
import Module, { createRequire } from 'node:module';

/**
 * Makes `exports` what `require` of `file` gives from now on in this thread (a loaded
 * `require.cache` entry: Node's documented way to supply a module).
 */
export function supplyModule(from: string, file: string, exports: unknown): void {
  const module = new Module(file);
  module.filename = file;
  module.loaded = true;
  module.exports = exports;
  createRequire(from).cache[file] = module;
}

/** The file `chain`'s last package resolves to, each package required from the one before it. */
export function resolveThrough(from: string, chain: readonly string[]): string | null {
  let file = from;
  try {
    for (const name of chain) file = createRequire(file).resolve(name);
    return file;
  } catch {
    return null;
  }
}
