/** The PDF report. The only module that imports pdfkit. */
export { renderReport, writeReport, pdfTimestamp, DEFAULT_TITLE, type RenderOptions } from './render-report.js';
export { REPORT_SECTIONS, type ReportSection, type SectionContext } from './sections/index.js';
