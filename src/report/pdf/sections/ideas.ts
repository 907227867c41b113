import { IDEA_STAGES, type IdeaBreakdown, type IdeaStage } from '../../../metrics/ideas/result.js';
import type { MetricsDocument } from '../../json/document.js';
import { chartBlock, chartPair } from '../chart-block.js';
import { formatCount, formatDate, formatDays, formatPercent } from '../format.js';
import { BODY, heading, paragraph, subheading } from '../layout.js';
import { measureText } from '../rich-text.js';
import { table } from '../table.js';
import { CONTENT_WIDTH } from '../theme.js';
import { configuredMinGroup, daysBetween, monthLabel, monthOf, safeTitle } from './common.js';
import type { IdeasView } from './views.js';
import type { ReportSection } from './types.js';
import { actionCurve } from './wait-curves.js';

const STAGE_LABEL: Record<IdeaStage, string> = {
  raised: 'Raised',
  discussed: 'Discussed',
  endorsed: 'Endorsed',
  decided: 'Decided',
  actioned: 'Actioned',
};
/** How many stalled ideas the table lists; metrics.json has them all. */
const STALLED_SHOWN = 10;

/** The ideas funnel, how long each stage takes, when ideas were acted on, and what is stuck. */
export const ideasSection: ReportSection = {
  id: 'ideas',
  title: 'From idea to action',
  omittedBecause: (_data, report) => {
    if (!report.ideas) return 'metrics.json holds no ideas figures.';
    return report.ideas.funnel.raised === 0 ? 'no idea was raised in the period.' : null;
  },
  render({ pdf, data, report }) {
    const ideas = report.ideas;
    if (!ideas) return;
    heading(pdf, 'From idea to action', 250);
    chartPair(pdf, funnelChart(ideas), stageDaysChart(ideas));
    timeline(pdf, data, ideas);
    actionCurve(pdf, data.ideas);
    stalledIdeas(pdf, data, ideas, report.template.text.stories.untitled);
    departments(pdf, ideas.byDepartment, configuredMinGroup(report.config));
  },
};

function funnelChart(ideas: IdeasView): Parameters<typeof chartBlock>[1] {
  const actioned = formatPercent(ideas.conversion.actioned);
  return {
    title: 'Idea funnel',
    chart: {
      kind: 'horizontalBar',
      categories: IDEA_STAGES.map((stage) => STAGE_LABEL[stage]),
      series: [{ label: 'Ideas', values: IDEA_STAGES.map((stage) => ideas.funnel[stage]) }],
      categoryAxisTitle: '',
      valueAxisTitle: 'Ideas reaching the stage',
      valueLabels: true,
      height: 170,
    },
    note: `${actioned} of the ideas raised were put into practice; ${formatCount(ideas.declined)} ${ideas.declined === 1 ? 'was' : 'were'} declined and ${formatCount(ideas.open)} ${ideas.open === 1 ? 'is' : 'are'} still open.`,
  };
}

function stageDaysChart(ideas: IdeasView): Parameters<typeof chartBlock>[1] {
  const open = ['raised', 'discussed', 'endorsed', 'decided'] as const;
  return {
    title: 'Days spent in each stage',
    chart: {
      kind: 'horizontalBar',
      categories: open.map(
        (stage, index) =>
          `${STAGE_LABEL[stage]} → ${(STAGE_LABEL[IDEA_STAGES[index + 1] ?? 'actioned']).toLowerCase()}`,
      ),
      series: [
        { label: 'Median', values: open.map((stage) => ideas.daysInStage[stage].median) },
        { label: '90th percentile', values: open.map((stage) => ideas.daysInStage[stage].p90) },
      ],
      categoryAxisTitle: '',
      valueAxisTitle: 'Days',
      valueFormat: 'decimal',
      height: 170,
    },
    note: `From raised to decision: median ${formatDays(ideas.medianDaysToDecision)}; to action: ${formatDays(ideas.medianDaysToAction)}. Over the ideas that reached each stage.`,
  };
}

/** Ideas raised and actioned per month of the period: counted here from `ideas.items`. */
function timeline(pdf: PDFKit.PDFDocument, data: MetricsDocument, ideas: IdeasView): void {
  const months = data.engagement.monthly.map((month) => month.month);
  if (months.length === 0) return;
  const raised = new Map<string, number>();
  const actioned = new Map<string, number>();
  const add = (counts: Map<string, number>, iso: string | null): void => {
    const key = iso ? monthOf(iso, data.period.timeZone) : null;
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const item of ideas.items) {
    add(raised, item.raisedAt);
    add(actioned, item.actionedAt);
  }
  chartBlock(pdf, {
    title: 'Ideas raised and actioned per month',
    chart: {
      kind: 'bar',
      categories: months.map(monthLabel),
      series: [
        { label: 'Raised', values: months.map((month) => raised.get(month) ?? 0) },
        { label: 'Actioned', values: months.map((month) => actioned.get(month) ?? 0) },
      ],
      categoryAxisTitle: `Month (${data.period.timeZone})`,
      valueAxisTitle: 'Ideas',
      height: 150,
    },
    note: 'Actioned: a #done (or similar) tag in the thread, a link to it from elsewhere, or a ledger row. Counted in the month of that evidence.',
  });
}

function stalledIdeas(pdf: PDFKit.PDFDocument, data: MetricsDocument, ideas: IdeasView, untitled: string): void {
  subheading(pdf, `Stalled ideas (${formatCount(ideas.stalled)})`);
  const stalled = ideas.items
    .filter((item) => item.stalled)
    .sort((a, b) => a.lastActivityAt.localeCompare(b.lastActivityAt) || a.id.localeCompare(b.id));
  if (stalled.length === 0) {
    paragraph(pdf, 'No idea is stalled: every open idea saw activity recently.');
    return;
  }
  table(pdf, {
    columns: [
      { header: 'Raised', width: 1.4 },
      { header: 'Space', width: 2 },
      { header: 'Stage', width: 1.2 },
      { header: 'Quiet for', width: 1.1, align: 'right' },
      { header: 'Idea', width: 5 },
    ],
    rows: stalled
      .slice(0, STALLED_SHOWN)
      .map((item) => [
        formatDate(item.raisedAt, data.period.timeZone),
        item.space,
        STAGE_LABEL[item.stage],
        formatDays(daysBetween(item.lastActivityAt, data.period.until)),
        safeTitle(item.space, item.title, untitled),
      ]),
  });
  if (stalled.length > STALLED_SHOWN)
    paragraph(pdf, `And ${formatCount(stalled.length - STALLED_SHOWN)} more, listed in metrics.json.`);
}

function departments(pdf: PDFKit.PDFDocument, rows: readonly IdeaBreakdown[], minGroup: number): void {
  if (rows.length === 0) return;
  const title = 'Ideas by department of the author';
  // A table of identical "fewer than" rows says nothing a sentence would not.
  if (rows.every((row) => row.suppressed)) {
    const sentence = `No department had ${formatCount(minGroup)} or more idea authors, so ideas are not broken down by department (privacy threshold).`;
    subheading(pdf, title, measureText(pdf, sentence, CONTENT_WIDTH, BODY));
    paragraph(pdf, sentence);
    return;
  }
  subheading(pdf, title);
  const fewer = `fewer than ${minGroup} authors`;
  table(pdf, {
    columns: [
      { header: 'Department', width: 3 },
      { header: 'Raised', width: 1.6, align: 'right' },
      { header: 'Decided', width: 1, align: 'right' },
      { header: 'Actioned', width: 1, align: 'right' },
    ],
    rows: rows.map((row) =>
      row.suppressed
        ? [row.name, fewer, '', '']
        : [row.name, formatCount(row.raised), formatCount(row.decided), formatCount(row.actioned)],
    ),
  });
}
