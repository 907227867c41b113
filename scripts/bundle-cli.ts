/**
 * Bundles the compiled CLI (dist/cli/main.js and the ~270 modules it imports) into one file,
 * dist/cli.bundle.js, which bin/pilot-report.js runs. Node's ESM loader resolves, reads and compiles
 * every module separately; for a small pilot that was about a fifth of the run's CPU (issue 16,
 * item 4). Dependencies stay external (native DuckDB and Skia, pdfkit's data files read beside its
 * code), so only our own modules are joined. dist/ keeps the separate modules: tests import them,
 * and the reading worker threads start from dist/sources/parallel/worker.js.
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
const BUNDLE = join(DIST, 'cli.bundle.js');

/** Gives each bundled module the `import.meta.url` it had as a separate file. */
const ownMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(context) {
    context.onLoad({ filter: /\.js$/ }, async (args) => {
      const contents = await readFile(args.path, 'utf8');
      if (!contents.includes('import.meta.url')) return { contents, loader: 'js' };
      const fromBundle = `./${relative(DIST, args.path).split(sep).join('/')}`;
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: contents.replaceAll('import.meta.url', url), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [join(DIST, 'cli', 'main.js')],
  outfile: BUNDLE,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Same code as dist/, joined: no minifying, so stack traces of internal errors stay readable.
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [ownMetaUrl],
});
