/**
 * `npm run build`: src/**\/*.ts to dist/ (one .js and one .js.map per source file, the layout tsc
 * gave), then the CLI bundle (scripts/bundle-cli.ts). esbuild only strips the types, file by file:
 * the one type check is `npm run typecheck` (src and tests, in pretest), so the build no longer
 * checks src a second time. tsc's emit was about 19 s of CPU of a 52 s pretest; the whole build, bundle
 * included, is now about 1.8 s (measured on a loaded machine, user+sys).
 * `isolatedModules` in tsconfig.json makes the type check reject what a per-file transpiler cannot
 * compile the way tsc would (a type re-exported without `type`, ...).
 *
 * Like tsc, the build writes over dist/ and leaves files it no longer produces.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => join(SRC, file));

await build({
  entryPoints: sources,
  outdir: join(ROOT, 'dist'),
  outbase: SRC,
  bundle: false,
  platform: 'node',
  format: 'esm',
  // tsconfig.json's target: the same syntax reaches Node (class fields, regex flags...).
  target: 'es2022',
  tsconfig: join(ROOT, 'tsconfig.json'),
  // tsc's maps: a .js.map beside each file, naming the .ts source, without a copy of it.
  sourcemap: 'linked',
  sourcesContent: false,
  // Non-ASCII text (typographic quotes, Unicode regexes) stays as written rather than \u-escaped.
  charset: 'utf8',
  logLevel: 'warning',
});

// The bundle is made from the files just written (its own script, kept runnable alone).
await import('./bundle-cli.js');
