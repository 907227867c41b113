import type { BusinessCase } from '../../../metrics/business-case-schema.js';
import type { BaselineDelta, TargetResult } from '../../../metrics/targets.js';
import type { IdentityReconciliation } from '../../json/identities.js';
import type { MetricsDocument } from '../../json/document.js';
import type { ReportTemplate, SectionId } from '../template.js';
import type { IdeasView } from './views.js';
import type { ModerationView } from './views.js';
import type { NetworkView } from './views.js';
import type { RecognitionView } from './views.js';

/**
 * What every section may read besides the document: the template, the run's options, and the
 * document's open sections already read into their real types (null when absent or malformed).
 */
export interface ReportContext {
  template: ReportTemplate;
  /** Baseline comparison per metric path (empty without `--baseline`). */
  deltas: Readonly<Record<string, BaselineDelta>>;
  /** Configured KPI targets and their outcome. */
  targets: readonly TargetResult[];
  /** The configured "ask" (config `report.ask`); null builds one from the figures. */
  ask: string | null;
  /** The resolved configuration, for the appendix; null when not given. */
  config: Readonly<Record<string, unknown>> | null;
  /** Whether names were replaced by pseudonyms (`--anonymize`). */
  anonymized: boolean;
  ideas: IdeasView | null;
  businessCase: BusinessCase | null;
  moderation: ModerationView | null;
  recognition: RecognitionView | null;
  network: NetworkView | null;
  identities: IdentityReconciliation | null;
}

/** What a section gets to draw with: the pdfkit document (positioned at `pdf.y`) and the data. */
export interface SectionContext {
  pdf: PDFKit.PDFDocument;
  data: MetricsDocument;
  report: ReportContext;
}

/**
 * One part of the report. Adding a section is one file in `sections/` and one line in
 * `REPORT_SECTIONS`. Every number a section prints comes from `data` or `report`.
 */
export interface ReportSection {
  /** Stable identifier; templates order sections by it. */
  id: SectionId;
  /** Heading printed above the section, in the contents and in the outline. */
  title: string;
  /** Why the section has nothing to show (one plain sentence), or null when it has. */
  omittedBecause(data: MetricsDocument, report: ReportContext): string | null;
  /** Draws the section, heading included, starting at the top of a fresh page. */
  render(context: SectionContext): void;
}
