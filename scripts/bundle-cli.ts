/**
 * Bundles the compiled CLI (dist/cli/main.js and the ~270 modules it imports) into one file,
 * dist/cli.bundle.js, which bin/pilot-report.js runs. Node's ESM loader resolves, reads and compiles
 * every module separately; for a small pilot that was about a fifth of the run's CPU (issue 16,
 * item 4). Dependencies stay external (native DuckDB, pdfkit's data files read beside its
 * code), so only our own modules are joined. dist/ keeps the separate modules: tests import them,
 * and the reading worker threads start from dist/sources/parallel/worker.js.
 *
 * CommonJS dependencies (DuckDB's API, yauzl, saxes...) are loaded with
 * `require` rather than `import`: imported, Node 20 runs its CommonJS export scanner over every file
 * of the package, which made importing @duckdb/node-api cost 0.48 s CPU against 0.17 s required.
 * The module is the same either way (its `import` entry is that CommonJS file).
 *
 * `import.meta.url` is rewritten per module to that module's own dist/ URL, so paths resolved from
 * it (templates, data, schema, package.json, the worker script) stay what they were.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, sep } from 'node:path';
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

/** Whether `file`, a resolved `import` entry of a package, is CommonJS (Node's own rule). */
function isCommonJs(file: string): boolean {
  const extension = extname(file);
  if (extension === '.cjs') return true;
  if (extension !== '.js') return false;
  for (let folder = dirname(file); folder !== dirname(folder); folder = dirname(folder)) {
    try {
      const manifest: unknown = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
      const type = typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, 'type') : undefined;
      return type !== 'module';
    } catch {
      // No package.json here: look in the folder above.
    }
  }
  return true;
}

/** Keeps every package external; the CommonJS ones become `require` calls (see above). */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.namespace === 'required' || args.pluginData === 'probe') {
        return args.pluginData === 'probe' ? undefined : { path: args.path, external: true };
      }
      const resolved = await context.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'probe',
      });
      const commonJs = resolved.errors.length === 0 && args.kind === 'import-statement' && isCommonJs(resolved.path);
      return commonJs ? { path: args.path, namespace: 'required' } : { path: args.path, external: true };
    });
    context.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [join(DIST, 'cli', 'main.js')],
  outfile: BUNDLE,
  bundle: true,
  // esbuild's `require` calls need a `require` in an ES module: one resolving from dist/, like the imports.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);",
  },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Same code as dist/, joined: no minifying, so stack traces of internal errors stay readable.
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [externalPackages, ownMetaUrl],
});
