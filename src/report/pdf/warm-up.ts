/**
 * What the PDF thread (render-worker.ts) does before its document arrives, on the other core while
 * the main thread reads and computes: the first report of a process pays for loading the fonts and
 * for running pdfkit's, fontkit's and Chart.js's code cold (V8 interprets it, then optimizes it),
 * so the thread draws a throw-away page of the same kinds of things first: the template's words
 * in both weights, wrapped as paragraphs, a heading, a line chart and a bar chart with value
 * labels, then ends it (fonts subset and compressed). Nothing of it reaches the report: what it
 * leaves behind (decoded fonts, shaped words, coverage) is per font file and already shared by
 * every document of the process, and each report sets its own theme (applyTheme); the thread's
 * report is byte-identical to one drawn cold (tested).
 */
import PDFDocument from 'pdfkit';
import { chartBlock } from './chart-block.js';
import { warmUpFonts } from './fonts.js';
import { heading } from './layout.js';
import { bufferPageContent } from './page-content.js';
import { drawText } from './rich-text.js';
import { CONTENT_WIDTH, PAGE } from './theme.js';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

/** Draws and ends a throw-away page with `words` (the report's fixed text). */
export function warmUpDrawing(words: string): void {
  const pdf = new PDFDocument({ size: PAGE.size, margins: PAGE.margins, bufferPages: true, autoFirstPage: false });
  bufferPageContent(pdf);
  warmUpFonts(pdf, words);
  pdf.addPage();
  heading(pdf, 'Engagement over the period');
  const box = { x: PAGE.margins.left, y: pdf.y, width: CONTENT_WIDTH };
  drawText(pdf, words, box, { weight: 'regular', size: 10, color: '#333333' });
  drawText(pdf, words.slice(0, 400), box, { weight: 'bold', size: 10, color: '#333333' });
  pdf.y = PAGE.margins.top;
  chartBlock(pdf, {
    title: 'Active people per month',
    chart: {
      kind: 'line',
      categories: MONTHS,
      series: [
        { label: 'Active', values: [12, 30, 41, 38, 52, 60] },
        { label: 'Contributors', values: [5, 11, 19, 17, null, 28] },
      ],
      categoryAxisTitle: 'Month',
      valueAxisTitle: 'People (distinct)',
    },
    note: 'A warm-up chart: never written.',
  });
  chartBlock(pdf, {
    title: 'Share answered',
    chart: {
      kind: 'horizontalBar',
      categories: ['ops-help', 'customer-success', 'general'],
      series: [{ label: 'Answered', values: [0.62, 0.48, 0.3] }],
      categoryAxisTitle: 'Space',
      valueAxisTitle: 'Threads answered',
      valueFormat: 'percent',
      valueLabels: true,
    },
  });
  pdf.end();
}
