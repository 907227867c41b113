/** What the main thread and the PDF thread (render-worker.ts) say to each other. */
import type { MetricsDocument } from '../json/document.js';
import type { RenderOptions } from './render-report.js';

/** Main thread → PDF thread: the one document to draw. */
export interface RendererRequest {
  document: MetricsDocument;
  options: RenderOptions;
}

/** PDF thread → main thread. */
export type RendererReply =
  | { type: 'done'; pdf: Uint8Array }
  | { type: 'failed'; error: { name: string; message: string; stack: string | undefined } };
