/**
 * The PDF thread's entry (started by pdf-thread.ts). Like bin/pilot-report.js for the main thread,
 * it runs the PDF's modules joined into one file, dist/pdf-thread.bundle.cjs (scripts/bundle-cli.ts),
 * through a V8 code cache on Node 20: compiled afresh, the drawing code alone took about 0.8 s more
 * CPU per run than from the cache; the packages it requires (pdfkit, fontkit, Chart.js) go through
 * caches of their own (code-cache.ts's `cachePackageCode`). The separate dist/ modules when the
 * bundle is missing or older.
 */
import { statSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import type { serveReportRendering } from '../report/pdf/render-worker.js';
import { cachePackageCode, loadWithCodeCache } from './code-cache.js';
import { useNativeInflate } from './native-inflate.js';

type Serve = typeof serveReportRendering;

const BUNDLE = fileURLToPath(new URL('../pdf-thread.bundle.cjs', import.meta.url));
const ENTRY = new URL('../report/pdf/render-worker.js', import.meta.url);
// The main thread's cache folder (bin/pilot-report.js): node_modules/.cache/pilot-report/v8.
const CODE_CACHE = fileURLToPath(new URL('../../node_modules/.cache/pilot-report/v8', import.meta.url));

const port = parentPort;
if (port === null) throw new Error('pdf-thread-worker.js runs only as a worker thread');

const { serve, save } = await load();
serve(port, save);

async function load(): Promise<{ serve: Serve; save: () => void }> {
  // Before pdfkit is required, whichever way the drawing code is loaded below.
  useNativeInflate(BUNDLE);
  if (!bundleIsCurrent()) return { serve: (await import(ENTRY.href)).serveReportRendering, save: () => undefined };
  // Node 22+ (not in Node 20's types): its own compile cache, as in bin/pilot-report.js.
  const enableCompileCache: unknown = Reflect.get(module, 'enableCompileCache');
  if (typeof enableCompileCache === 'function') {
    Reflect.apply(enableCompileCache, module, []);
    return { serve: createRequire(import.meta.url)(BUNDLE).serveReportRendering, save: () => undefined };
  }
  // Before the bundle runs: its top level requires pdfkit and Chart.js, which stay outside it.
  const packages = cachePackageCode(CODE_CACHE, 'pdf');
  const loaded = loadWithCodeCache(BUNDLE, CODE_CACHE, 'pdf');
  const save = () => {
    loaded.save();
    packages.save();
  };
  return { serve: (loaded.exports as { serveReportRendering: Serve }).serveReportRendering, save };
}

/** The bundle, unless it is missing or older than its entry in dist/ (a transpile run alone). */
function bundleIsCurrent(): boolean {
  try {
    return statSync(BUNDLE).mtimeMs >= statSync(ENTRY).mtimeMs;
  } catch {
    return false;
  }
}
