import { readFileSync } from 'node:fs';
import { ConfigError } from '../../errors.js';
import type { MetricsDocument } from '../json/document.js';
import { formatDate } from './format.js';
import { NOTE } from './layout.js';
import { drawText, fitOneLine, measureText, type TextStyle } from './rich-text.js';
import { fill, type TemplateText } from './template.js';
import { COLOURS, CONTENT_WIDTH, PAGE, TYPE } from './theme.js';

/** What the cover shows besides the document. */
export interface CoverInfo {
  title: string;
  organization: string | null;
  logoPath: string | null;
  period: string;
  generatedAt: Date;
  text: TemplateText;
}

/** One line of the contents: a drawn section (with its page) or an omitted one (with why). */
export interface ContentsEntry {
  title: string;
  /** Named destination of the section; null when omitted. */
  destination: string | null;
  /** 0-based page index of the section's first page; null when omitted. */
  page: number | null;
  /** Why the section is not shown; null when it is. */
  omitted: string | null;
}

const LOGO_BOX = { width: 140, height: 56 };

/** Draws the cover's title block on the current (first) page. Contents come later (`drawContents`). */
export function drawCover(pdf: PDFKit.PDFDocument, doc: MetricsDocument, info: CoverInfo): void {
  const left = PAGE.margins.left;
  if (info.logoPath) drawLogo(pdf, info.logoPath);
  pdf.save().rect(left, 120, 48, 5).fill(COLOURS.accent).restore();
  let y = drawLine(pdf, info.title, 136, { weight: 'bold', size: TYPE.title + 4, color: COLOURS.text }) + 6;
  const subtitle: TextStyle = { weight: 'regular', size: TYPE.subtitle + 1, color: COLOURS.muted };
  if (info.organization)
    y = drawLine(pdf, fill(info.text.cover.preparedFor, { organization: info.organization }), y, subtitle) + 2;
  y =
    drawLine(pdf, fill(info.text.cover.period, { period: info.period, timeZone: doc.period.timeZone }), y, subtitle) +
    8;
  const kinds = [...new Set(doc.sources.map((source) => source.kind))].sort();
  const sources =
    kinds.length > 0 ? fill(info.text.cover.sources, { sources: kinds.join(', ') }) : info.text.cover.noSources;
  const generated = fill(info.text.cover.generated, {
    date: formatDate(info.generatedAt.toISOString(), 'UTC'),
    tool: `${doc.tool.name} ${doc.tool.version}`,
  });
  y = drawLine(pdf, `${sources}.`, y, NOTE);
  drawLine(pdf, generated, y + 1, NOTE);
}

function drawLine(pdf: PDFKit.PDFDocument, text: string, y: number, style: TextStyle): number {
  return y + drawText(pdf, text, { x: PAGE.margins.left, y, width: CONTENT_WIDTH, lineGap: 2 }, style);
}

function drawLogo(pdf: PDFKit.PDFDocument, path: string): void {
  let image: Buffer;
  try {
    image = readFileSync(path);
  } catch (error) {
    throw new ConfigError(
      `report logo ${path}: cannot be read\n  hint: give a PNG or JPEG file (config report.logo or the template's theme.json "logo")`,
      { cause: error },
    );
  }
  const x = PAGE.width - PAGE.margins.right - LOGO_BOX.width;
  try {
    pdf.image(image, x, 48, { fit: [LOGO_BOX.width, LOGO_BOX.height], align: 'right' });
  } catch (error) {
    throw new ConfigError(`report logo ${path}: not a PNG or JPEG image`, { cause: error });
  }
}

/** Top of the contents block on the cover. */
const CONTENTS_TOP = 330;

/**
 * Draws the contents on the cover (page 0) once every section's page is known; each drawn entry
 * is a link to its section's named destination, each omitted one says why it is absent.
 */
export function drawContents(pdf: PDFKit.PDFDocument, entries: readonly ContentsEntry[], text: TemplateText): void {
  pdf.switchToPage(0);
  const left = PAGE.margins.left;
  let y = CONTENTS_TOP;
  drawText(
    pdf,
    text.cover.contents,
    { x: left, y, width: CONTENT_WIDTH },
    { weight: 'bold', size: TYPE.heading, color: COLOURS.text },
  );
  y += 26;
  const entryStyle: TextStyle = { weight: 'regular', size: TYPE.body + 0.5, color: COLOURS.text };
  let number = 0;
  for (const entry of entries) {
    if (entry.page === null || entry.destination === null) {
      const note = `${entry.title}: not shown, ${entry.omitted ?? ''}`;
      y += drawText(pdf, note, { x: left + 18, y, width: CONTENT_WIDTH - 18 }, NOTE) + 6;
      continue;
    }
    number += 1;
    const height = measureText(pdf, 'X', CONTENT_WIDTH, entryStyle);
    drawText(pdf, String(number), { x: left, y, width: 18 }, { ...entryStyle, color: COLOURS.accent, weight: 'bold' });
    drawText(
      pdf,
      fitOneLine(pdf, entry.title, CONTENT_WIDTH - 70, entryStyle),
      { x: left + 18, y, width: CONTENT_WIDTH - 70 },
      entryStyle,
    );
    drawText(pdf, String(entry.page + 1), { x: left + CONTENT_WIDTH - 50, y, width: 50, align: 'right' }, entryStyle);
    pdf
      .save()
      .moveTo(left + 18, y + height + 3)
      .lineTo(left + CONTENT_WIDTH, y + height + 3)
      .lineWidth(0.4)
      .strokeColor(COLOURS.rule)
      .stroke()
      .restore();
    pdf.goTo(left, y - 2, CONTENT_WIDTH, height + 6, entry.destination);
    y += height + 10;
  }
}
