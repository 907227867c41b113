/**
 * Starts the thread that draws the PDF (src/report/pdf/report-renderer.ts says why), from the
 * compiled CLI. From TypeScript source (the tests' in-process runs) the PDF is drawn in the
 * calling thread instead: a thread would compile the PDF modules again through tsx on every run,
 * which costs more than it saves there.
 */
import { Worker } from 'node:worker_threads';
import { inThisThread, rendererOn, type ReportRenderer } from '../report/pdf/report-renderer.js';

export function startPdfThread(): ReportRenderer {
  if (import.meta.url.endsWith('.ts')) return inThisThread();
  return rendererOn(new Worker(new URL('./pdf-thread-worker.js', import.meta.url)));
}
