#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`, run by `npm ci` via `prepare`),
// joined into one module (scripts/bundle-cli.ts) so start-up does not resolve and compile ~270 files.
import module from 'node:module';

// Node 22+ can keep compiled code between runs (start-up of a small pilot); Node 20 has no such API.
module.enableCompileCache?.();

const { main } = await import('../dist/cli.bundle.js');
process.exitCode = await main(process.argv.slice(2));
