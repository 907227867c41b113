/**
 * Loads the PDF's drawing code as the built CLI runs it, in whichever thread draws: the PDF's modules
 * joined into one file, dist/pdf-thread.bundle.cjs (scripts/bundle-cli.ts), through a V8 code cache
 * on Node 20 (compiled afresh, the drawing code alone took about 0.8 s more CPU per run than from
 * the cache); the packages it requires (pdfkit, fontkit, Chart.js) through caches of their own
 * (code-cache.ts's `cachePackageCode`), with tiny-inflate answered by zlib (native-inflate.ts) and
 * the parts the report never runs loaded only if used (unused-package-parts.ts).
 * The separate dist/ modules when the bundle is missing or older (a transpile run alone).
 */
import { statSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as RenderWorker from '../report/pdf/render-worker.js';
import { cachePackageCode, loadWithCodeCache } from './code-cache.js';
import { useNativeInflate } from './native-inflate.js';
import { deferUnusedPackageParts } from './unused-package-parts.js';

/** What the bundle exports (its entry is render-worker.ts). */
export type PdfCode = Pick<typeof RenderWorker, 'serveReportRendering' | 'renderReport'>;

/** The loaded drawing code, and how to keep its compiled code for the next run (after the drawing). */
export interface LoadedPdfCode {
  code: PdfCode;
  save: () => void;
  /**
   * Hands the compiling of package files back to Node. Packages this thread requires later (the
   * deck's pptxgenjs) must not go through `cachePackageCode`'s `vm.Script`: it cannot run their `import()`.
   */
  stop: () => void;
}

const BUNDLE = fileURLToPath(new URL('../pdf-thread.bundle.cjs', import.meta.url));
const ENTRY = new URL('../report/pdf/render-worker.js', import.meta.url);
// The launcher's cache folder (bin/pilot-report.js): node_modules/.cache/pilot-report/v8.
const CODE_CACHE = fileURLToPath(new URL('../../node_modules/.cache/pilot-report/v8', import.meta.url));

/**
 * The drawing code, its compiled code cached under `kind` (each way of drawing compiles other
 * functions: the PDF thread's warm-up page, or the report alone in the main thread).
 */
export async function loadPdfCode(kind: 'pdf' | 'pdf-main'): Promise<LoadedPdfCode> {
  // Before pdfkit is required, whichever way the code is loaded below.
  useNativeInflate(BUNDLE);
  deferUnusedPackageParts(BUNDLE);
  const none = () => undefined;
  if (!bundleIsCurrent()) return { code: (await import(ENTRY.href)) as PdfCode, save: none, stop: none };
  // Node 22+ (not in Node 20's types): its own compile cache, as in bin/pilot-report.js.
  const enableCompileCache: unknown = Reflect.get(module, 'enableCompileCache');
  if (typeof enableCompileCache === 'function') {
    Reflect.apply(enableCompileCache, module, []);
    return { code: createRequire(import.meta.url)(BUNDLE) as PdfCode, save: none, stop: none };
  }
  // Before the bundle runs: its top level requires pdfkit and Chart.js, which stay outside it.
  const packages = cachePackageCode(CODE_CACHE, kind);
  const loaded = loadWithCodeCache(BUNDLE, CODE_CACHE, kind);
  const save = () => {
    loaded.save();
    packages.save();
  };
  return { code: loaded.exports as PdfCode, save, stop: packages.stop };
}

/** The bundle, unless it is missing or older than its entry in dist/ (a transpile run alone). */
function bundleIsCurrent(): boolean {
  try {
    return statSync(BUNDLE).mtimeMs >= statSync(ENTRY).mtimeMs;
  } catch {
    return false;
  }
}
