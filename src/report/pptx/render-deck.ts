/**
 * Draws the deck content with pptxgenjs: 16:9 slides, real text in the template's font and
 * colours, and native charts (chart XML with an embedded workbook) that a champion can restyle
 * and edit in PowerPoint, Keynote or LibreOffice. The only module that imports pptxgenjs.
 */
import { createRequire } from 'node:module';
// The typings declare an ES default export of a CommonJS package: under NodeNext that is `.default`.
import type * as PptxModule from 'pptxgenjs';
import type { ReportTemplate } from '../pdf/template.js';
import type { DeckChart, DeckContent } from './deck-content.js';

// pptxgenjs's ESM build has no "type": "module", which Node before 20.19 cannot load as ESM; the
// CommonJS build works on every supported Node.
const PptxGenJS: new () => Pptx = createRequire(import.meta.url)('pptxgenjs');

type Pptx = PptxModule.default;
type Slide = PptxModule.default.Slide;
type TextProps = PptxModule.default.TextProps;
type TableRow = PptxModule.default.TableRow;
type TableCell = PptxModule.default.TableCell;
type TableCellProps = PptxModule.default.TableCellProps;

/** The font when the template names none: the face the PDF embeds. */
export const DEFAULT_DECK_FONT = 'DejaVu Sans';

/** Slide geometry in inches (LAYOUT_WIDE is 13.333 × 7.5). */
const W = 13.333;
const MARGIN = 0.55;
const CONTENT_W = W - 2 * MARGIN;

interface Look {
  font: string;
  text: string;
  muted: string;
  accent: string;
  tileFill: string;
  rule: string;
  headerFill: string;
  good: string;
  bad: string;
  palette: string[];
}

const hex = (colour: string): string => colour.replace(/^#/, '').toUpperCase();

function lookOf(template: ReportTemplate): Look {
  const c = template.theme.colours;
  return {
    font: template.theme.deckFont ?? DEFAULT_DECK_FONT,
    text: hex(c.text),
    muted: hex(c.muted),
    accent: hex(c.accent),
    tileFill: hex(c.tileFill),
    rule: hex(c.rule),
    headerFill: hex(c.tableHeaderFill),
    good: hex(c.good),
    bad: hex(c.bad),
    palette: template.theme.chartPalette.map(hex),
  };
}

/** The presentation as pptxgenjs writes it (not yet deterministic: see `deterministic-zip.ts`). */
export async function drawDeck(content: DeckContent, template: ReportTemplate, author: string): Promise<Buffer> {
  const look = lookOf(template);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = content.title;
  pptx.subject = `Pilot sponsorship deck, ${content.period}`;
  pptx.author = author;
  pptx.company = content.organization ?? '';
  pptx.theme = { headFontFace: look.font, bodyFontFace: look.font };
  headlineSlide(newSlide(pptx, content, content.headline.heading, look), content, look);
  storiesSlide(newSlide(pptx, content, content.stories.heading, look), content, look);
  businessCaseSlide(newSlide(pptx, content, content.businessCase.heading, look), content, look);
  bullets(
    newSlide(pptx, content, content.ask.heading, look),
    content.ask.lines,
    { x: MARGIN, y: 1.5, w: CONTENT_W, h: 5 },
    look,
    22,
  );
  sourcesSlide(newSlide(pptx, content, content.sources.heading, look), content, look);
  const output = await pptx.write({ outputType: 'nodebuffer', compression: true });
  if (!Buffer.isBuffer(output)) throw new TypeError('pptxgenjs returned no buffer');
  return output;
}

/** A slide with its title and a footer naming the report and the period. */
function newSlide(pptx: Pptx, content: DeckContent, heading: string, look: Look): Slide {
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  slide.addText(heading, {
    x: MARGIN,
    y: 0.35,
    w: CONTENT_W,
    h: 0.75,
    fontFace: look.font,
    fontSize: 28,
    bold: true,
    color: look.accent,
    margin: 0,
  });
  slide.addShape('line', { x: MARGIN, y: 1.15, w: CONTENT_W, h: 0, line: { color: look.rule, width: 1 } });
  const footer = [content.title, content.organization, content.period]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ');
  slide.addText(footer, {
    x: MARGIN,
    y: 7.0,
    w: CONTENT_W,
    h: 0.3,
    fontFace: look.font,
    fontSize: 10,
    color: look.muted,
    margin: 0,
  });
  return slide;
}

function headlineSlide(slide: Slide, content: DeckContent, look: Look): void {
  const tiles = content.headline.tiles;
  const perRow = 3;
  const gap = 0.25;
  const width = (CONTENT_W - gap * (perRow - 1)) / perRow;
  tiles.forEach((tile, index) => {
    const x = MARGIN + (index % perRow) * (width + gap);
    const y = 1.4 + Math.floor(index / perRow) * 1.45;
    slide.addShape('rect', { x, y, w: width, h: 1.3, fill: { color: look.tileFill }, line: { color: look.tileFill } });
    const runs: TextProps[] = [
      { text: tile.value, options: { fontSize: 26, bold: true, color: look.accent, breakLine: true } },
      { text: tile.label, options: { fontSize: 13, bold: true, color: look.text, breakLine: true } },
    ];
    if (tile.change) runs.push({ text: tile.change, options: { fontSize: 11, color: look.muted, breakLine: true } });
    if (tile.status)
      runs.push({
        text: tile.status.text,
        options: { fontSize: 11, bold: true, color: tile.status.met ? look.good : look.bad },
      });
    slide.addText(runs, {
      x: x + 0.1,
      y: y + 0.05,
      w: width - 0.2,
      h: 1.2,
      fontFace: look.font,
      valign: 'top',
      margin: 2,
    });
  });
  const rows = Math.ceil(tiles.length / perRow);
  const top = 1.4 + rows * 1.45 + 0.05;
  if (content.headline.chart)
    chart(slide, content.headline.chart, { x: MARGIN, y: top, w: CONTENT_W, h: 6.9 - top }, look);
}

function storiesSlide(slide: Slide, content: DeckContent, look: Look): void {
  const { lines, empty, chart: funnel } = content.stories;
  const textBox = { x: MARGIN, y: 1.45, w: funnel ? 6.4 : CONTENT_W, h: 5.3 };
  if (lines.length > 0) bullets(slide, lines, textBox, look, 18);
  else if (empty)
    slide.addText(empty, {
      ...textBox,
      fontFace: look.font,
      fontSize: 18,
      italic: true,
      color: look.muted,
      valign: 'top',
    });
  if (funnel) chart(slide, funnel, { x: MARGIN + 6.7, y: 1.45, w: CONTENT_W - 6.7, h: 5.3 }, look);
}

function businessCaseSlide(slide: Slide, content: DeckContent, look: Look): void {
  const business = content.businessCase;
  slide.addText(business.banner, {
    x: MARGIN,
    y: 1.35,
    w: CONTENT_W,
    h: 0.45,
    fontFace: look.font,
    fontSize: 12,
    bold: true,
    color: look.text,
    fill: { color: look.tileFill },
    line: { color: look.bad, width: 0.75 },
    margin: 6,
  });
  slide.addText(business.line, {
    x: MARGIN,
    y: 1.9,
    w: CONTENT_W,
    h: 0.5,
    fontFace: look.font,
    fontSize: 18,
    bold: true,
    color: look.accent,
    margin: 0,
  });
  if (!business.table) return;
  const [header = [], ...body] = business.table;
  const cell = (text: string, options: TableCellProps): TableCell => ({ text, options });
  const rows: TableRow[] = [
    header.map((text, i) =>
      cell(text, { bold: true, fill: { color: look.headerFill }, align: i === 0 ? 'left' : 'right' }),
    ),
    ...body.map((row) => row.map((text, i) => cell(text, { align: i === 0 ? 'left' : 'right' }))),
  ];
  slide.addTable(rows, {
    x: MARGIN,
    y: 2.55,
    w: 7.4,
    colW: [3.5, 1.3, 1.3, 1.3],
    fontFace: look.font,
    fontSize: 11,
    color: look.text,
    border: { type: 'solid', pt: 0.5, color: look.rule },
    rowH: 0.36,
    margin: 0.04,
  });
  if (business.chart) chart(slide, business.chart, { x: MARGIN + 7.7, y: 2.55, w: CONTENT_W - 7.7, h: 4.2 }, look);
}

function sourcesSlide(slide: Slide, content: DeckContent, look: Look): void {
  const { lines, definitions } = content.sources;
  bullets(slide, lines, { x: MARGIN, y: 1.35, w: CONTENT_W, h: 2.1 }, look, 12);
  const rows: TableRow[] = definitions.map(([term, text]) => [
    { text: term, options: { bold: true } },
    { text, options: {} },
  ]);
  if (rows.length === 0) return;
  slide.addTable(rows, {
    x: MARGIN,
    y: 3.55,
    w: CONTENT_W,
    colW: [2.6, CONTENT_W - 2.6],
    fontFace: look.font,
    fontSize: 10,
    color: look.text,
    border: { type: 'solid', pt: 0.5, color: look.rule },
    margin: 0.04,
  });
}

function bullets(
  slide: Slide,
  lines: readonly string[],
  box: { x: number; y: number; w: number; h: number },
  look: Look,
  size: number,
): void {
  const runs: TextProps[] = lines.map((text) => ({
    text,
    options: { bullet: true, breakLine: true, paraSpaceAfter: size * 0.5 },
  }));
  slide.addText(runs, { ...box, fontFace: look.font, fontSize: size, color: look.text, valign: 'top', margin: 2 });
}

/**
 * A native bar chart. A series with a missing figure is left out (the table beside it shows the
 * dash): a chart cannot draw "not computed", and a zero would be a figure nobody measured.
 */
function chart(slide: Slide, spec: DeckChart, box: { x: number; y: number; w: number; h: number }, look: Look): void {
  // A horizontal bar chart draws its first category at the bottom: reversed, stages read top down as in the PDF.
  const flip = <T>(items: readonly T[]): T[] => (spec.kind === 'horizontalBar' ? [...items].reverse() : [...items]);
  const series = spec.series.flatMap((s) => {
    const values = s.values.filter((v): v is number => v !== null);
    return values.length === s.values.length
      ? [{ name: s.label, labels: flip(spec.categories), values: flip(values) }]
      : [];
  });
  if (series.length === 0) return;
  // pptxgenjs picks a random colour for a series beyond the palette: repeat the palette instead.
  const colours = series.map((_s, i) => look.palette[i % look.palette.length] ?? look.accent);
  slide.addChart('bar', series, {
    ...box,
    barDir: spec.kind === 'horizontalBar' ? 'bar' : 'col',
    barGrouping: 'clustered',
    chartColors: colours,
    showTitle: true,
    title: spec.title,
    titleFontFace: look.font,
    titleFontSize: 14,
    titleColor: look.text,
    showLegend: series.length > 1,
    legendPos: 'b',
    legendFontFace: look.font,
    legendFontSize: 11,
    showValue: true,
    dataLabelFontFace: look.font,
    dataLabelFontSize: 10,
    dataLabelColor: look.text,
    dataLabelFormatCode: '#,##0',
    catAxisLabelFontFace: look.font,
    catAxisLabelFontSize: 11,
    catAxisLabelColor: look.text,
    valAxisLabelFontFace: look.font,
    valAxisLabelFontSize: 10,
    valAxisLabelColor: look.muted,
    valAxisLabelFormatCode: '#,##0',
    valGridLine: { color: 'E3E6EA', size: 0.5 },
  });
}
