/**
 * The editable slide deck (`--pptx`): five slides a champion drops into a budget proposal, drawn
 * from the same document, template and report context as the PDF.
 */
import { writeFile } from 'node:fs/promises';
import type { MetricsDocument } from '../json/document.js';
import { titleFor } from '../period-label.js';
import { pdfTimestamp, reportContext, type RenderOptions } from '../pdf/render-report.js';
import { loadTemplate } from '../pdf/template.js';
import { deckContent, type DeckContent } from './deck-content.js';
import { deterministicZip } from './deterministic-zip.js';
import { drawDeck } from './render-deck.js';

export { deckContent, type DeckContent, type DeckChart } from './deck-content.js';

/** The deck takes the PDF's options: the same title, template, ask, deltas and targets. */
export type DeckOptions = RenderOptions;

/** The deck's content, as `renderDeck` draws it (for tests and for the summary of outputs). */
export function deckContentOf(doc: MetricsDocument, options: DeckOptions): DeckContent {
  const template = typeof options.template === 'object' ? options.template : loadTemplate(options.template);
  const stamp = pdfTimestamp(options.generatedAt, process.env['SOURCE_DATE_EPOCH']);
  return deckContent(doc, reportContext(doc, options, template), {
    // The PDF's title: `{period}` filled in the same way.
    title: titleFor(options.title ?? template.text.reportTitle, doc.period),
    organization: options.organization ?? template.theme.organization ?? null,
    generatedAt: stamp,
  });
}

/**
 * The .pptx bytes. With SOURCE_DATE_EPOCH set (or the same `generatedAt`), the same document gives
 * byte-identical files: the document dates and zip dates are that instant.
 */
export async function renderDeck(doc: MetricsDocument, options: DeckOptions): Promise<Buffer> {
  const template = typeof options.template === 'object' ? options.template : loadTemplate(options.template);
  const stamp = pdfTimestamp(options.generatedAt, process.env['SOURCE_DATE_EPOCH']);
  const content = deckContentOf(doc, { ...options, template });
  return deterministicZip(await drawDeck(content, template, `${doc.tool.name} ${doc.tool.version}`), stamp);
}

/** Renders the deck and writes it to `file`. */
export async function writeDeck(doc: MetricsDocument, file: string, options: DeckOptions): Promise<void> {
  await writeFile(file, await renderDeck(doc, options));
}
