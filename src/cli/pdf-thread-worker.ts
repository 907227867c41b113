/**
 * The PDF thread's entry (started by pdf-thread.ts). Like bin/pilot-report.js for the main thread,
 * it runs the PDF's modules joined into one file through a V8 code cache (pdf-bundle.ts), then
 * serves the one drawing the main thread asks for.
 */
import { parentPort } from 'node:worker_threads';
import { loadPdfCode } from './pdf-bundle.js';

const port = parentPort;
if (port === null) throw new Error('pdf-thread-worker.js runs only as a worker thread');

const { code, save } = await loadPdfCode('pdf');
code.serveReportRendering(port, save);
