import { ideaEvidenceSchema, type IdeaEvidence } from '../../../metrics/uncertainty/index.js';
import type { Survival } from '../../../metrics/uncertainty/survival.js';
import { drawnSection } from '../../drawn-section.js';
import type { MetricsDocument } from '../../json/document.js';
import { intervalText } from '../../interval-text.js';
import { chartBlock } from '../chart-block.js';
import { formatCount, formatDays, formatHours, formatPercent } from '../format.js';
import { paragraph, subheading } from '../layout.js';
import { table } from '../table.js';

/** How many departments the wait table lists; metrics.json has them all. */
const GROUPS_SHOWN = 8;

/** Where a wait curve's axis may stop: the first end past most of the curve's fall (see `axisEnd`). */
const AXIS_ENDS = { hours: [24, 48, 72, 168, 336], days: [30, 60, 90, 180, 365] } as const;

/**
 * The Kaplan-Meier curve of the wait for a first response, the sentence that says why its median
 * is longer than the median over answered threads, and the waits per department.
 */
export function responseCurve(pdf: PDFKit.PDFDocument, data: MetricsDocument): void {
  const c = data.conversations;
  const s = c.responseSurvival;
  if (!s || s.n === 0) return;
  chartBlock(pdf, {
    title: 'Threads still waiting for a first response',
    chart: curveChart(s, 'Hours since the thread started'),
    note: `Share of the ${formatCount(s.n)} threads with no reply from someone else yet, by hours since the start. Threads still unanswered when the data ends (${formatCount(s.censored)}) count as waiting up to then (Kaplan-Meier). The axis stops at ${formatHours(axisEnd(s, s.curve.at(-1)?.time ?? 0))}.`,
  });
  paragraph(pdf, whyLonger(s, c.medianHoursToFirstResponse));
  groupTable(pdf, 'Waiting for a first response, by department of the starter', s, formatHours, 'threads');
}

/** The sentence the issue asks for: why the curve's median is longer than the answered-only one. */
function whyLonger(s: Survival, answeredMedian: number | null): string {
  const answered = formatHours(answeredMedian);
  if (s.median === null) {
    return `More than half of the threads were still waiting when the data ends, so the curve never reaches one half and has no median; the median over answered threads (${answered}) describes only the threads that got an answer.`;
  }
  return `Counting the threads still waiting, half of all threads had a first response within ${formatHours(s.median)} (the curve's median), against ${answered} over answered threads alone: the unanswered ${formatCount(s.censored)} wait too, and leaving them out makes responses look faster than they are.`;
}

/** The idea-action curve, with the intervals of the funnel's end and of the days to action. */
export function actionCurve(pdf: PDFKit.PDFDocument, ideas: MetricsDocument['ideas']): void {
  const evidence = readIdeaEvidence(ideas);
  if (!evidence || evidence.actionSurvival.n === 0) return;
  const s = evidence.actionSurvival;
  const actioned = intervalText(
    evidence.conversionInterval.actioned,
    formatPercent,
    formatPercent(evidence.conversionInterval.actioned.value),
  );
  const days = intervalText(
    evidence.medianDaysToActionInterval,
    formatDays,
    formatDays(evidence.medianDaysToActionInterval.value),
  );
  chartBlock(pdf, {
    title: 'Ideas still waiting for action',
    chart: curveChart(s, 'Days since the idea was raised'),
    note: `Share of the ${formatCount(s.n)} ideas not yet put into practice, by days since raised. Ideas still open at the end of the period (or declined) count as waiting up to then (Kaplan-Meier).`,
  });
  const median =
    s.median === null
      ? 'fewer than half of the ideas were actioned by the end of the period, so the curve has no median'
      : `half of all ideas were actioned within ${formatDays(s.median)} (the curve's median, open ideas included)`;
  paragraph(pdf, `Ideas actioned: ${actioned}. Days from raised to action, over actioned ideas: ${days}; ${median}.`);
}

function curveChart(s: Survival, axis: string): Parameters<typeof chartBlock>[1]['chart'] {
  const last = s.curve.at(-1)?.time ?? 0;
  return {
    kind: 'step',
    categories: [],
    xValues: [s.curve.map((p) => p.time)],
    xMax: axisEnd(s, last),
    series: [{ label: 'Still waiting', values: s.curve.map((p) => p.survival) }],
    categoryAxisTitle: axis,
    valueAxisTitle: 'Still waiting',
    valueFormat: 'percent',
    valueMax: 1,
    height: 150,
  };
}

/**
 * The axis ends at the first of AXIS_ENDS past the time the curve has made 95 % of its fall (a
 * late straggler would otherwise squeeze the part a reader needs into the first centimetre), at
 * most the largest end, and never past the data.
 */
function axisEnd(s: Survival, last: number): number {
  const fall = 1 - (s.curve.at(-1)?.survival ?? 1);
  const mostly = s.curve.find((p) => 1 - p.survival >= 0.95 * fall)?.time ?? last;
  const ends = AXIS_ENDS[s.unit];
  const end = ends.find((e) => e >= mostly) ?? ends[ends.length - 1] ?? last;
  return Math.max(1, Math.min(end, Math.ceil(last)));
}

function groupTable(
  pdf: PDFKit.PDFDocument,
  title: string,
  s: Survival,
  format: (v: number | null) => string,
  noun: string,
): void {
  const groups = s.byDepartment.slice(0, GROUPS_SHOWN);
  if (groups.length === 0) return;
  subheading(pdf, title);
  // The headers say what the columns mean; a curve that never falls that far has no such time.
  const wait = (v: number | null): string => (v === null ? 'not reached' : format(v));
  table(pdf, {
    columns: [
      { header: 'Department', width: 2.6 },
      { header: noun[0]!.toUpperCase() + noun.slice(1), width: 1, align: 'right' },
      { header: 'Still waiting', width: 1.2, align: 'right' },
      { header: 'Half answered within', width: 2.4, align: 'right' },
      { header: 'Nine in ten within', width: 2.4, align: 'right' },
    ],
    rows: groups.map((g) => [g.name, formatCount(g.n), formatCount(g.censored), wait(g.median), wait(g.p90)]),
  });
  if (s.byDepartment.length > GROUPS_SHOWN)
    paragraph(
      pdf,
      `And ${formatCount(s.byDepartment.length - GROUPS_SHOWN)} more departments, listed in metrics.json.`,
    );
}

/** The ideas' intervals and curve, or null when metrics.json holds none (no ideas, a document built without them). */
function readIdeaEvidence(ideas: MetricsDocument['ideas']): IdeaEvidence | null {
  if (!ideas) return null;
  const { conversionInterval, medianDaysToDecisionInterval, medianDaysToActionInterval, actionSurvival } = ideas;
  const picked = { conversionInterval, medianDaysToDecisionInterval, medianDaysToActionInterval, actionSurvival };
  if (Object.values(picked).every((v) => v === undefined)) return null;
  return drawnSection(ideaEvidenceSchema, picked, 'ideas');
}
