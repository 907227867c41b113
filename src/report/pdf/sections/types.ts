import type { MetricsDocument } from '../../json/document.js';

/** What a section gets to draw with: the pdfkit document (positioned at `pdf.y`) and the data. */
export interface SectionContext {
  pdf: PDFKit.PDFDocument;
  data: MetricsDocument;
}

/**
 * One part of the report. Adding a section is one file in `sections/` and one line in
 * `REPORT_SECTIONS`. Every number a section prints comes from `data`.
 */
export interface ReportSection {
  /** Stable identifier, e.g. `conversations`. */
  id: string;
  /** Heading printed above the section (and in the omission note). */
  title: string;
  /** Start the section on a new page. */
  newPage?: boolean;
  /** Why the section has nothing to show (one plain sentence), or null when it has. */
  omittedBecause(data: MetricsDocument): string | null;
  /** Draws the section, heading included. */
  render(context: SectionContext): void;
}
