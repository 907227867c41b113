/** The PDF report. The only module that imports pdfkit. */
export { renderReport, writeReport, pdfTimestamp, type RenderOptions } from './render-report.js';
export {
  REPORT_SECTIONS,
  orderedSections,
  type ReportContext,
  type ReportSection,
  type SectionContext,
} from './sections/index.js';
export { loadTemplate, builtInTemplates, type ReportTemplate } from './template.js';

/** Title used when neither the caller nor the template gives one (the default template's). */
export const DEFAULT_TITLE = 'Internal social media pilot report';
