/**
 * The main thread's side of drawing the PDF in a thread of its own (issue 16, item 4; the thread
 * is started by src/cli/pdf-thread.ts for large pilots and runs render-worker.ts). The main thread
 * loads the analysis modules, reads the exports, waits for DuckDB, runs the metrics, then drew the
 * PDF, loading pdfkit (fontkit's tables, the cipher tables), Chart.js and the fonts on the way; the
 * thread loads and warms all of that on the other core meanwhile. A small pilot's PDF is drawn in
 * the main thread again (pdf-thread.ts says why). Output is unchanged: the same `renderReport`,
 * the same bytes (tested).
 *
 * Imports no pdfkit: the main thread loads it only when it draws the PDF itself.
 */
import type { Worker } from 'node:worker_threads';
import { ConfigError, InternalError } from '../../errors.js';
import type { MetricsDocument } from '../json/document.js';
import type { RenderOptions } from './render-report.js';
import type { RendererReply, RendererRequest } from './renderer-messages.js';

export interface ReportRenderer {
  /** The PDF of `document`, as `renderReport` draws it; once per renderer. */
  render(document: MetricsDocument, options: RenderOptions): Promise<Buffer>;
  /** Ends the thread when it is no longer needed (a failed run); safe to call again. */
  close(): void;
  /** Whether `render` draws in the calling thread (it then blocks it while it draws). */
  readonly drawsHere: boolean;
}

/** A renderer over a started thread running `serveReportRendering`. */
export function rendererOn(worker: Worker): ReportRenderer {
  // Never what keeps the process alive before the PDF is asked for: a run that fails first just exits.
  worker.unref();
  const outcome = replyOf(worker);
  outcome.catch(() => undefined);
  let sent = false;
  return {
    async render(document, options) {
      if (sent) throw new InternalError('a report renderer draws one document');
      sent = true;
      worker.ref();
      worker.postMessage({ document, options } satisfies RendererRequest);
      try {
        return await outcome;
      } finally {
        void worker.terminate();
      }
    },
    close: () => void worker.terminate(),
    drawsHere: false,
  };
}

/** Draws in the calling thread, loading the PDF modules when first asked. */
export function inThisThread(): ReportRenderer {
  return {
    async render(document, options) {
      const { renderReport } = await import('./render-report.js');
      return renderReport(document, options);
    },
    close: () => undefined,
    drawsHere: true,
  };
}

/** The thread's one reply: the PDF, or the error it threw (as its class: a bad logo is still exit 2). */
function replyOf(worker: Worker): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    worker.on('message', (reply: RendererReply) => {
      if (reply.type === 'done') resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      else reject(revive(reply.error));
    });
    worker.on('error', (error) =>
      reject(new InternalError(`the PDF thread failed: ${error.message}`, { cause: error })),
    );
    worker.on('exit', (code) => reject(new InternalError(`the PDF thread stopped with exit code ${code}`)));
  });
}

function revive(thrown: Extract<RendererReply, { type: 'failed' }>['error']): Error {
  // What renderReport throws: a ConfigError (an unusable logo, exit 2) or a bug (exit 3).
  const error =
    thrown.name === 'ConfigError'
      ? new ConfigError(thrown.message)
      : thrown.name === 'InternalError'
        ? new InternalError(thrown.message)
        : new Error(thrown.message);
  if (thrown.stack) error.stack = thrown.stack;
  return error;
}
