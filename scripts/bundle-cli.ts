/**
 * Bundles the compiled CLI (dist/cli/main.js and the ~270 modules it imports) into one CommonJS
 * file, dist/cli.bundle.cjs, which bin/pilot-report.js runs. Node's ESM loader resolves, reads and
 * compiles every module separately; for a small pilot that was about a fifth of the run's CPU
 * (issue 16, item 4). Dependencies stay external (native DuckDB, pdfkit's data files read beside
 * its code), so only our own modules are joined. dist/ keeps the separate modules: tests import
 * them, and the reading worker threads start from dist/sources/parallel/worker.js.
 *
 * CommonJS, so that on Node 20 the launcher can compile it through `vm.Script` with a V8 code cache
 * (src/cli/code-cache.ts). Every dependency is then loaded with `require` (its CommonJS entry);
 * imported from an ES module, Node 20 also ran its CommonJS export scanner over the CommonJS ones
 * (@duckdb/node-api cost 0.48 s CPU imported against 0.17 s required).
 *
 * `import.meta.url` is rewritten per module to that module's own dist/ URL, so paths resolved from
 * it (templates, data, schema, package.json, the worker script) stay what they were.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const BUNDLE = join(DIST, 'cli.bundle.cjs');
/** The PDF thread's modules (src/cli/pdf-thread-worker.ts runs them the same way, code cache included). */
const PDF_THREAD_BUNDLE = join(DIST, 'pdf-thread.bundle.cjs');

/** `await import('package')` in our modules: the packages that are ES modules only (see below). */
const PACKAGE_IMPORT = /\bawait import\((['"])([^'"./][^'"]*)\1\)/g;

/**
 * Gives each bundled module the `import.meta.url` it had as a separate file, and routes its
 * `import()` of packages through `__importEsm` (see the banner).
 */
const ownMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(context) {
    context.onLoad({ filter: /\.js$/ }, async (args) => {
      const read = await readFile(args.path, 'utf8');
      const contents = read.replace(PACKAGE_IMPORT, 'await __importEsm($1$2$1)');
      if (!contents.includes('import.meta.url')) return { contents, loader: 'js' };
      const fromBundle = `./${relative(DIST, args.path).split(sep).join('/')}`;
      const url = `new URL(${JSON.stringify(fromBundle)}, __bundleUrl).href`;
      return { contents: contents.replaceAll('import.meta.url', url), loader: 'js' };
    });
  },
};

/**
 * The bundle is CommonJS so that the launcher can compile it through `vm.Script` with a V8 code
 * cache on Node 20 (src/cli/code-cache.ts). Code compiled that way cannot run `import()` on Node 20
 * without an experimental flag or warning, so the few packages imported dynamically (ES modules
 * only, loaded when used: the prompts of `init`, the embedding model's runtime) go through
 * `__importEsm`: the importer the launcher passes (`__loaderImport`), or Node's own `import()`
 * when the bundle is loaded by `require`.
 */
const BANNER = [
  // Strict like the ES modules it joins (the directive must come first).
  "'use strict';",
  // The bundle's own URL, from which each module's former `import.meta.url` is rebuilt (above).
  "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;",
  "const __importEsm = typeof __loaderImport === 'function' ? __loaderImport : (specifier) => import(specifier);",
].join('\n');

/**
 * Pure-JavaScript packages that every `analyze` run loads, joined into the main bundle: compiled
 * separately they missed the code cache, about 0.1 s of CPU each for zod and @duckdb/node-api at
 * every start (issue 16, item 4). Native code (@duckdb/node-bindings), packages that read files
 * beside their code (pdfkit's font metrics) and those loaded only by some commands stay outside.
 */
const MAIN_INLINED: readonly string[] = ['zod', 'commander', '@duckdb/node-api', 'csv-parse', 'saxes', 'yauzl'];

/** DuckDB's native binding, loaded by @duckdb/node-api: always required from node_modules. */
const NATIVE = '@duckdb/node-bindings';

/** Marks every package import external but those of `inlined` (by package name) and what they import. */
function packagesOutside(inlined: readonly string[]): Plugin {
  return {
    name: 'packages-outside',
    setup(context) {
      context.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        if (name === NATIVE) return { path: args.path, external: true };
        // What an inlined package imports is inlined with it (it may sit in that package's own node_modules).
        if (args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
        return inlined.includes(name ?? '') ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/** Joins `entry` and the modules it imports into the CommonJS file `outfile`, with the packages `inlined`. */
async function bundle(entry: string, outfile: string, inlined: readonly string[]): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    banner: { js: BANNER },
    platform: 'node',
    format: 'cjs',
    // Packages are loaded by `require` from dist/, as Node resolves them for a CommonJS file, except
    // the pure-JavaScript ones every analyze run loads (below), joined in so the code cache holds them.
    plugins: [ownMetaUrl, packagesOutside(inlined)],
    target: 'node20',
    // Same code as dist/, joined: no minifying, so stack traces of internal errors stay readable.
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Only `import.meta.url` is rebuilt (above): any other `import.meta` would be empty in CommonJS.
    logOverride: { 'empty-import-meta': 'error' },
  });
  // An `import("...")` left in the bundle would fail when the launcher runs it from the code cache.
  const left = (await readFile(outfile, 'utf8')).match(/(?<![\w$.])import\("[^"]*"\)/g);
  if (left) throw new Error(`${outfile}: import() of ${left.join(', ')} not routed through __importEsm`);
}

await bundle(join(DIST, 'cli', 'main.js'), BUNDLE, MAIN_INLINED);
await bundle(join(DIST, 'report', 'pdf', 'render-worker.js'), PDF_THREAD_BUNDLE, ['zod']);
