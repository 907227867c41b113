/**
 * Who draws the PDF of a run. A large pilot's PDF is drawn in a thread of its own, started when the
 * inputs are known (src/report/pdf/report-renderer.ts says why): it loads pdfkit, fontkit, Chart.js
 * and the fonts on the other core while this thread reads and computes. A small pilot's is drawn
 * in this thread once the metrics are done: on two cores the second V8 isolate (its start, its
 * warm-up page, its own compiling of the same code) cost more CPU than the overlap saved, and the
 * CPU is the wall time there (bench/README.md, issue 16 item 4). From TypeScript source (the tests'
 * in-process runs) the PDF is drawn in the calling thread from the separate modules.
 */
import { Worker } from 'node:worker_threads';
import { inThisThread, rendererOn, type ReportRenderer } from '../report/pdf/report-renderer.js';
import { loadPdfCode } from './pdf-bundle.js';

/** Where the PDF of a run is drawn: this thread for small inputs (analyzed in memory), else a thread. */
export function pdfRendererFor(small: boolean): ReportRenderer {
  if (import.meta.url.endsWith('.ts')) return inThisThread();
  return small ? drawnHere() : startPdfThread();
}

/** The thread that draws the PDF, started now. */
export function startPdfThread(): ReportRenderer {
  if (import.meta.url.endsWith('.ts')) return inThisThread();
  return rendererOn(new Worker(new URL('./pdf-thread-worker.js', import.meta.url)));
}

/** Draws in this thread with the PDF thread's bundle and code caches, loaded when first asked. */
export function drawnHere(): ReportRenderer {
  return {
    async render(document, options) {
      const { code, save, stop } = await loadPdfCode('pdf-main');
      try {
        const pdf = await code.renderReport(document, options);
        save();
        return pdf;
      } finally {
        stop();
      }
    },
    close: () => undefined,
    drawsHere: true,
  };
}
