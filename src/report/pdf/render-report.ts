import { writeFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import type { BaselineDelta, TargetResult } from '../../metrics/targets.js';
import type { IdentityReconciliation } from '../json/identities.js';
import type { MetricsDocument } from '../json/document.js';
import { drawContents, drawCover, type ContentsEntry } from './cover.js';
import { registerPrimaryFonts } from './fonts.js';
import { titleFor } from '../period-label.js';
import { formatDate, formatPeriod } from './format.js';
import { bufferPageContent } from './page-content.js';
import { drawPageFurniture } from './page-furniture.js';
import { orderedSections } from './sections/index.js';
import type { ReportContext } from './sections/types.js';
import { loadTemplate, type ReportTemplate } from './template.js';
import { applyTheme, PAGE } from './theme.js';
import { moderationView, recognitionView } from './sections/views.js';

/** Options of `renderReport`; everything but `generatedAt` is optional. */
export interface RenderOptions {
  /** The pilot's name: report title on the cover, in the running header and in the PDF metadata (config `report.title`). */
  title?: string | undefined;
  /** When the report was made: printed on the cover and footers and written as the PDF dates, unless SOURCE_DATE_EPOCH is set (then that wins everywhere). */
  generatedAt: Date;
  /** `--template`: a built-in name, a folder, or a template already loaded. Default `default`. */
  template?: string | ReportTemplate | undefined;
  /** Organization on the cover (config `report.organization`); overrides the template's. */
  organization?: string | undefined;
  /** Logo file for the cover (config `report.logo`); overrides the template's. */
  logo?: string | undefined;
  /** What the report asks the sponsor (config `report.ask`); default: built from the figures. */
  ask?: string | undefined;
  /** `--baseline` comparison per metric path (from `baselineDeltas`). */
  deltas?: Readonly<Record<string, BaselineDelta>> | undefined;
  /** Target outcomes; default the document's `targets`. */
  targets?: readonly TargetResult[] | undefined;
  /** The resolved configuration, printed in the appendix (already anonymized under `--anonymize`). */
  config?: Readonly<Record<string, unknown>> | undefined;
  /** Identity reconciliation; default the document's `identities` section when it has one. */
  identities?: IdentityReconciliation | undefined;
  /** Names in the document are pseudonyms (`--anonymize`): the report says so. */
  anonymized?: boolean | undefined;
}

/**
 * The instant printed as "Generated ..." and written as the PDF's CreationDate and ModDate:
 * SOURCE_DATE_EPOCH (whole seconds) when set and valid, so identical inputs give byte-identical
 * files; otherwise `generatedAt`.
 * pdfkit derives the document ID from these metadata, so the ID is fixed by them too.
 */
export function pdfTimestamp(generatedAt: Date, sourceDateEpoch: string | undefined): Date {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch.trim())) {
    const stamp = new Date(Number(sourceDateEpoch.trim()) * 1000);
    // Beyond what a Date holds (the CLI refuses such a value first): the run's own time.
    if (!Number.isNaN(stamp.getTime())) return stamp;
  }
  return generatedAt;
}

/** Renders the PDF report of `doc`. Every figure printed comes from `doc` (and the options' deltas). */
export async function renderReport(doc: MetricsDocument, options: RenderOptions): Promise<Buffer> {
  const template = typeof options.template === 'object' ? options.template : loadTemplate(options.template);
  // A `{period}` in the title names the period reported; a fixed title keeps the period beneath it.
  const title = titleFor(options.title ?? template.text.reportTitle, doc.period);
  const period = formatPeriod(doc.period.since, doc.period.until, doc.period.timeZone);
  const stamp = pdfTimestamp(options.generatedAt, process.env['SOURCE_DATE_EPOCH']);
  const pdf = newDocument(doc, title, period, stamp);
  const done = collect(pdf);
  bufferPageContent(pdf);
  applyTheme(template.theme.colours, template.theme.chartPalette);
  registerPrimaryFonts(pdf);
  const report = reportContext(doc, options, template);
  drawCover(pdf, doc, {
    title,
    period,
    generatedAt: stamp,
    text: template.text,
    organization: options.organization ?? template.theme.organization ?? null,
    logoPath: options.logo ?? template.logoPath,
  });
  const contents = drawSections(pdf, doc, report);
  drawContents(pdf, contents, template.text);
  const generated = formatDate(stamp.toISOString(), 'UTC');
  drawPageFurniture(pdf, { title, period, footer: `Generated ${generated} by ${doc.tool.name} ${doc.tool.version}` });
  pdf.end();
  return done;
}

/** Renders the report and writes it to `file`. */
export async function writeReport(doc: MetricsDocument, file: string, options: RenderOptions): Promise<void> {
  await writeFile(file, await renderReport(doc, options));
}

function newDocument(doc: MetricsDocument, title: string, period: string, stamp: Date): PDFKit.PDFDocument {
  return new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    info: {
      Title: title,
      Author: 'pilot-report',
      Subject: `Pilot sponsorship report, ${period}`,
      Keywords: 'pilot, engagement, ideas, business case',
      Creator: `${doc.tool.name} ${doc.tool.version}`,
      Producer: 'pilot-report (PDFKit)',
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
}

/** The document's sections as the report draws them, once, so every section sees the same data. Exported for tests. */
export function reportContext(doc: MetricsDocument, options: RenderOptions, template: ReportTemplate): ReportContext {
  return {
    template,
    deltas: options.deltas ?? {},
    targets: options.targets ?? doc.targets,
    ask: options.ask ?? null,
    config: options.config ?? null,
    anonymized: options.anonymized ?? false,
    ideas: doc.ideas,
    businessCase: doc.businessCase,
    moderation: moderationView(doc.moderation),
    recognition: recognitionView(doc.recognition),
    network: doc.network,
    identities: options.identities ?? doc.identities,
  };
}

/** Draws every section the template lists, each from a new page, and returns the contents. */
function drawSections(pdf: PDFKit.PDFDocument, doc: MetricsDocument, report: ReportContext): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  for (const section of orderedSections(report.template.theme.sectionOrder)) {
    const omitted = section.omittedBecause(doc, report);
    if (omitted !== null) {
      entries.push({ title: section.title, destination: null, page: null, omitted });
      continue;
    }
    pdf.addPage();
    const page = pdf.bufferedPageRange().count - 1;
    const destination = `section-${section.id}`;
    pdf.addNamedDestination(destination, 'XYZ', PAGE.margins.left, PAGE.margins.top, null);
    pdf.outline.addItem(section.title);
    section.render({ pdf, data: doc, report });
    entries.push({ title: section.title, destination, page, omitted: null });
  }
  return entries;
}

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}
