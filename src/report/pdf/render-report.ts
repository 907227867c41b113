import { writeFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import type { MetricsDocument } from '../json/document.js';
import { registerPrimaryFonts } from './fonts.js';
import { formatDate, formatPeriod } from './format.js';
import { ensureSpace, NOTE } from './layout.js';
import { drawPageFurniture } from './page-furniture.js';
import { drawText, measureText, type TextStyle } from './rich-text.js';
import { REPORT_SECTIONS, type ReportSection } from './sections/index.js';
import { COLOURS, CONTENT_WIDTH, PAGE, SPACE, TYPE } from './theme.js';

/** Options of `renderReport`. */
export interface RenderOptions {
  /** Report title on the cover, in the running header and in the PDF metadata. */
  title?: string;
  /** When the report was made: printed on the cover and footers and written as the PDF dates, unless SOURCE_DATE_EPOCH is set (then that wins everywhere). */
  generatedAt: Date;
}

/** Title used when the caller gives none. */
export const DEFAULT_TITLE = 'Internal social media pilot report';

/**
 * The instant printed as "Generated ..." and written as the PDF's CreationDate and ModDate:
 * SOURCE_DATE_EPOCH (whole seconds) when set and valid, so identical inputs give byte-identical
 * files; otherwise `generatedAt`.
 * pdfkit derives the document ID from these metadata, so the ID is fixed by them too.
 */
export function pdfTimestamp(generatedAt: Date, sourceDateEpoch: string | undefined): Date {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch.trim())) {
    return new Date(Number(sourceDateEpoch.trim()) * 1000);
  }
  return generatedAt;
}

/** Renders the PDF report of `doc`. Every figure printed comes from `doc`. */
export async function renderReport(doc: MetricsDocument, options: RenderOptions): Promise<Buffer> {
  const title = options.title ?? DEFAULT_TITLE;
  const period = formatPeriod(doc.period.since, doc.period.until, doc.period.timeZone);
  const stamp = pdfTimestamp(options.generatedAt, process.env['SOURCE_DATE_EPOCH']);
  const pdf = new PDFDocument({
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
      Creator: `${doc.tool.name} ${doc.tool.version}`,
      Producer: 'pilot-report (PDFKit)',
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  const done = collect(pdf);
  registerPrimaryFonts(pdf);
  drawCover(pdf, doc, title, period, stamp);
  for (const section of REPORT_SECTIONS) drawSection(pdf, doc, section);
  const generated = formatDate(stamp.toISOString(), 'UTC');
  drawPageFurniture(pdf, { title, period, footer: `Generated ${generated} by ${doc.tool.name} ${doc.tool.version}` });
  pdf.end();
  return done;
}

/** Renders the report and writes it to `file`. */
export async function writeReport(doc: MetricsDocument, file: string, options: RenderOptions): Promise<void> {
  await writeFile(file, await renderReport(doc, options));
}

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

function drawCover(pdf: PDFKit.PDFDocument, doc: MetricsDocument, title: string, period: string, generatedAt: Date): void {
  const left = PAGE.margins.left;
  const titleStyle: TextStyle = { weight: 'bold', size: TYPE.title, color: COLOURS.text };
  const subtitle: TextStyle = { weight: 'regular', size: TYPE.subtitle, color: COLOURS.muted };
  pdf.save().rect(left, PAGE.margins.top - 22, 40, 4).fill(COLOURS.accent).restore();
  pdf.y = PAGE.margins.top - 6;
  drawText(pdf, title, { x: left, y: pdf.y, width: CONTENT_WIDTH, lineGap: 2 }, titleStyle);
  pdf.y += 4;
  const kinds = [...new Set(doc.sources.map((source) => source.kind))].sort();
  drawText(pdf, `${period} (${doc.period.timeZone})`, { x: left, y: pdf.y, width: CONTENT_WIDTH }, subtitle);
  const sources = kinds.length > 0 ? `Sources: ${kinds.join(', ')}` : 'No sources were read';
  const generated = `Generated ${formatDate(generatedAt.toISOString(), 'UTC')}. ${sources}.`;
  drawText(pdf, generated, { x: left, y: pdf.y + 2, width: CONTENT_WIDTH }, NOTE);
  pdf.y += SPACE.afterBlock + 6;
}

function drawSection(pdf: PDFKit.PDFDocument, doc: MetricsDocument, section: ReportSection): void {
  const reason = section.omittedBecause(doc);
  if (reason !== null) {
    const note = `${section.title}: not shown, ${reason}`;
    const style: TextStyle = { ...NOTE, size: TYPE.body };
    ensureSpace(pdf, measureText(pdf, note, CONTENT_WIDTH, style));
    drawText(pdf, note, { x: PAGE.margins.left, y: pdf.y, width: CONTENT_WIDTH }, style);
    pdf.y += SPACE.paragraphGap * 2;
    return;
  }
  if (section.newPage) pdf.addPage();
  section.render({ pdf, data: doc });
}
