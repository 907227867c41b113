/**
 * The PDF's side of the thread that draws it (src/cli/pdf-thread.ts starts the thread). It loads
 * and warms pdfkit, fontkit, Chart.js and the fonts (warm-up.ts) as soon as the thread starts, on the other
 * core, while the main thread reads the exports and runs the metrics; then it renders the one
 * document it is sent and posts the bytes back (report-renderer.ts, the main thread's side).
 */
import type { MessagePort } from 'node:worker_threads';
import { renderReport } from './render-report.js';
import type { RendererReply, RendererRequest } from './renderer-messages.js';
import { loadTemplate } from './template.js';
import { warmUpDrawing } from './warm-up.js';

// dist/pdf-thread.bundle.cjs is made from this file: the main thread draws a small pilot's report
// with the same bundle, without the thread (src/cli/pdf-thread.ts).
export { renderReport };

/**
 * Serves one render on `port`. `beforeReply` runs once the PDF is drawn, before it is posted (the
 * thread's code cache is saved there: the main thread ends the thread when the reply arrives).
 */
export function serveReportRendering(port: MessagePort, beforeReply: () => void = () => undefined): void {
  port.on('message', (request: RendererRequest) => {
    renderReport(request.document, request.options).then(
      (pdf) => {
        beforeReply();
        // The bytes move to the main thread without a copy when they fill their own memory.
        const memory = pdf.buffer;
        const own = memory instanceof ArrayBuffer && pdf.byteOffset === 0 && pdf.byteLength === memory.byteLength;
        const bytes = new Uint8Array(memory, pdf.byteOffset, pdf.byteLength);
        port.postMessage({ type: 'done', pdf: bytes } satisfies RendererReply, own ? [memory] : []);
      },
      (error: unknown) => port.postMessage({ type: 'failed', error: thrown(error) } satisfies RendererReply),
    );
  });
  // Before the document arrives: the fonts, the report's fixed words (the default template's text)
  // and the drawing code, warmed on a throw-away page.
  warmUpDrawing(stringsOf(loadTemplate().text).join(' '));
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsOf);
}

function thrown(error: unknown): Extract<RendererReply, { type: 'failed' }>['error'] {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), stack: undefined };
  return { name: error.name, message: error.message, stack: error.stack };
}
