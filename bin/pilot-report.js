#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`, run by `npm ci` via `prepare`),
// joined into one CommonJS file (scripts/bundle-cli.ts) so start-up does not resolve and compile ~270 files.
import { statSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// V8 optimizes a function (TurboFan, on a background thread) after about 3 x 67,584 bytes of its
// bytecode have run. On a run as short as a small pilot's (a few seconds) most of those compiles
// never pay back: they were ~2.3 s of the sample pilot's ~6 s of CPU on 2 cores. About three times
// the budget: CPU 4.20 -> 3.58 s (median of 5 alternated pairs; 400k and 1M gave no more;
// bench/README.md, issue 16 item 4). `analyze` on large inputs goes back to V8's budget once they are
// known (dist/cli/v8-tiering.js). Set before any code is compiled or read from a code cache: V8
// checks its flags there.
v8.setFlagsFromString('--interrupt-budget=200000');
// TurboFan's inlining of callees into what it optimizes made the compiles of a small pilot's hot
// functions large (the word shaper's alone ~0.3 s under load; `--trace-opt`): optimizing
// compiles were ~16 % of the sample pilot's CPU (perf, V8's worker threads). Without inlining for
// `analyze`: CPU -7 to -10 % (alternated pairs, bench/README.md, s15-e). A large run turns it back
// on with V8's budget (dist/cli/v8-tiering.js); `validate` and `init` keep V8's inlining.
if (runKind(process.argv.slice(2)) === 'analyze') v8.setFlagsFromString('--no-turbo-inlining');

// Node 22+ keeps compiled code between runs itself (the dependencies' too); Node 20 has no such API.
const nodeCompileCache = typeof module.enableCompileCache === 'function';
if (nodeCompileCache) module.enableCompileCache();

const BUNDLE = fileURLToPath(new URL('../dist/cli.bundle.cjs', import.meta.url));
// Compiled code kept between runs (dist/cli/code-cache.js), beside the other tools' caches.
const CODE_CACHE = fileURLToPath(new URL('../node_modules/.cache/pilot-report/v8', import.meta.url));

/** The bundle, unless it is missing or older than dist/ (tsc run alone after the last `npm run build`). */
function bundleIsCurrent() {
  try {
    return statSync(BUNDLE).mtimeMs >= statSync(new URL('../dist/cli/main.js', import.meta.url)).mtimeMs;
  } catch {
    return false; // No bundle (or no dist/ at all, which the import of the modules reports).
  }
}

/**
 * The kind of run, which keeps a code cache of its own: the command, or `other` (`--version`,
 * `--help`, a mistyped command), which compile far less than `analyze`.
 */
function runKind(args) {
  const command = args.find((arg) => !arg.startsWith('-'));
  return command === 'analyze' || command === 'validate' || command === 'init' ? command : 'other';
}

/**
 * The CLI's `main` and what to do once it has run. On Node 20 the bundle goes through a V8 code
 * cache of its own per kind of run, saved after the first such run (it then holds every function
 * the run compiled).
 */
async function load() {
  if (!bundleIsCurrent()) return { main: (await import('../dist/cli/main.js')).main, after: () => {} };
  if (nodeCompileCache) return { main: createRequire(import.meta.url)(BUNDLE).main, after: () => {} };
  const { loadWithCodeCache } = await import('../dist/cli/code-cache.js');
  const loaded = loadWithCodeCache(BUNDLE, CODE_CACHE, runKind(process.argv.slice(2)));
  return { main: loaded.exports.main, after: loaded.save };
}

const { main, after } = await load();
process.exitCode = await main(process.argv.slice(2));
// Exit 0 or 1 (a target failed): the run did its work. A usage error (2) compiled too little to keep.
if (process.exitCode === 0 || process.exitCode === 1) after();
