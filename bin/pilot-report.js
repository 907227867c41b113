#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`, run by `npm ci` via `prepare`),
// joined into one module (scripts/bundle-cli.ts) so start-up does not resolve and compile ~270 files.
import { statSync } from 'node:fs';
import module from 'node:module';

// Node 22+ can keep compiled code between runs (start-up of a small pilot); Node 20 has no such API.
module.enableCompileCache?.();

/**
 * The bundle, unless it is missing or older than dist/ (tsc run alone after the last `npm run build`):
 * then the separate modules, slower to load but never stale code.
 */
function entry() {
  try {
    const bundle = statSync(new URL('../dist/cli.bundle.js', import.meta.url)).mtimeMs;
    const modules = statSync(new URL('../dist/cli/main.js', import.meta.url)).mtimeMs;
    if (bundle >= modules) return '../dist/cli.bundle.js';
  } catch {
    // No bundle (or no dist/ at all, which the import below reports).
  }
  return '../dist/cli/main.js';
}

const { main } = await import(entry());
process.exitCode = await main(process.argv.slice(2));
