import { previousPeriod } from '../../../time/period.js';
import { PERSONAS, type Persona } from '../../../metrics/recognition/personas.js';
import type { Period } from '../../../metrics/types.js';
import type { MetricsDocument } from '../../json/document.js';
import { chartBlock } from '../chart-block.js';
import { formatCount, formatDecimal, formatPeriod } from '../format.js';
import { heading, NOTE, paragraph, subheading } from '../layout.js';
import { table } from '../table.js';
import type { RecognitionView } from './views.js';
import type { ReportSection } from './types.js';

/** How many people each recognition list shows in the PDF (metrics.json keeps the full lists). */
const LIST_SHOWN = 5;

const PERSONA_LABEL: Record<Persona, string> = {
  engager: 'Engagers',
  catalyst: 'Catalysts',
  responder: 'Responders',
  broadcaster: 'Broadcasters',
  observer: 'Observers',
};

/** Who carries the community: recognition lists and personas. */
export const contributorsSection: ReportSection = {
  id: 'contributors',
  title: 'Contributors',
  omittedBecause: (_data, report) => (report.recognition ? null : 'metrics.json holds no recognition figures.'),
  render({ pdf, data, report }) {
    const recognition = report.recognition;
    if (!recognition) return;
    heading(pdf, 'Contributors', 200);
    const names = report.anonymized
      ? ' Names are stable pseudonyms (--anonymize), except people who opted in to be named.'
      : '';
    paragraph(
      pdf,
      `People are ranked by what they did for others, not by volume alone. Score: ${recognition.formula}.${names}`,
      NOTE,
    );
    lists(pdf, recognition);
    rising(pdf, recognition, data);
    personas(pdf, recognition);
  },
};

const person = (entry: { name: string | null; id: string }): string => entry.name ?? '(name unknown)';

function lists(pdf: PDFKit.PDFDocument, r: RecognitionView): void {
  const show = (title: string, headers: string[], rows: string[][]): void => {
    subheading(pdf, title);
    if (rows.length === 0) return paragraph(pdf, 'Nobody qualifies in this period.', NOTE);
    table(pdf, {
      columns: headers.map((header, index) => ({
        header,
        width: index === 0 ? 4 : 1.6,
        align: index === 0 ? 'left' : 'right',
      })),
      rows,
    });
  };
  show(
    'Helpers: most first responses',
    ['Person', 'First responses'],
    r.helpers.slice(0, LIST_SHOWN).map((h) => [person(h), formatCount(h.firstResponses)]),
  );
  show(
    'Thought leaders: most responses per post',
    ['Person', 'Posts', 'Responses per post'],
    r.thoughtLeaders
      .slice(0, LIST_SHOWN)
      .map((t) => [person(t), formatCount(t.posts), formatDecimal(t.responsesPerPost)]),
  );
  const reach = r.connectorsBy === 'departments' ? 'Other departments reached' : 'Spaces';
  show(
    `Connectors: widest reach across ${r.connectorsBy}`,
    ['Person', reach],
    r.connectors
      .slice(0, LIST_SHOWN)
      .map((c) => [person(c), formatCount(r.connectorsBy === 'departments' ? c.departmentsReached : c.spaces)]),
  );
}

/**
 * Rising contributors. Without data in the previous period every gain is just the score, so the
 * list would repeat another ranking with "0.0" beside each name: a note says why there is none.
 */
function rising(pdf: PDFKit.PDFDocument, r: RecognitionView, data: MetricsDocument): void {
  subheading(pdf, 'Rising: largest gain over the previous period');
  const previous = previousBounds(data.period);
  if (r.rising.length === 0) return paragraph(pdf, 'Nobody qualifies in this period.', NOTE);
  if (r.rising.every((x) => x.previousScore === 0) && !hasDataIn(data, previous)) {
    const dates = previous ? ` (${formatPeriod(previous.since, previous.until, previous.timeZone)})` : '';
    return paragraph(pdf, `No data in the previous period of equal length${dates}, so there is no gain to show.`, NOTE);
  }
  table(pdf, {
    columns: [
      { header: 'Person', width: 4 },
      { header: 'Previous score', width: 1.6, align: 'right' },
      { header: 'Score', width: 1.6, align: 'right' },
      { header: 'Gain', width: 1.6, align: 'right' },
    ],
    rows: r.rising
      .slice(0, LIST_SHOWN)
      .map((x) => [person(x), formatDecimal(x.previousScore), formatDecimal(x.score), `+${formatDecimal(x.gain)}`]),
  });
}

/** The period of equal length right before the report's, as the metric computes it; null when unreadable. */
function previousBounds(period: Period): Period | null {
  try {
    const previous = previousPeriod(period);
    return Number.isFinite(Date.parse(previous.since)) ? previous : null;
  } catch {
    return null;
  }
}

/** Whether any source's first-to-last activity range overlaps `[since, until)`; without bounds, whether any source has dated activity. */
function hasDataIn(data: MetricsDocument, previous: Period | null): boolean {
  if (!previous) return data.sources.some((source) => source.firstAt !== null);
  const since = Date.parse(previous.since);
  const until = Date.parse(previous.until);
  return data.sources.some((source) => {
    const first = source.firstAt ? Date.parse(source.firstAt) : Number.NaN;
    const last = source.lastAt ? Date.parse(source.lastAt) : Number.NaN;
    return first < until && last >= since;
  });
}

function personas(pdf: PDFKit.PDFDocument, r: RecognitionView): void {
  if (r.personas.people === 0) return;
  chartBlock(pdf, {
    title: 'Personas',
    chart: {
      kind: 'horizontalBar',
      categories: PERSONAS.map((persona) => PERSONA_LABEL[persona]),
      series: [{ label: 'Share of people', values: PERSONAS.map((persona) => r.personas.shares[persona]) }],
      categoryAxisTitle: '',
      valueAxisTitle: `Share of the ${formatCount(r.personas.people)} people with a persona`,
      valueFormat: 'percent',
      valueLabels: true,
      height: 120,
    },
    note: 'Personas after SWOOP Analytics, from contributions given against responses received. Catalysts’ posts draw many replies and reactions; engagers give and receive in balance; responders mostly reply and react to others; broadcasters mostly post and get little back; observers only react.',
  });
}
