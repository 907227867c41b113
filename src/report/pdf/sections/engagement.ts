import type { MetricsDocument } from '../../json/document.js';
import { chartBlock, chartPair } from '../chart-block.js';
import { formatCoefficient, formatCount, formatPercent } from '../format.js';
import { heading } from '../layout.js';
import { table } from '../table.js';
import { intervalText } from '../../interval-text.js';
import { monthLabel } from './common.js';
import type { ReportSection } from './types.js';

/** Who takes part, month by month, and how evenly. */
export const engagementSection: ReportSection = {
  id: 'engagement',
  title: 'Engagement',
  omittedBecause: (data) => (data.engagement.monthly.length === 0 ? 'the period holds no month with data.' : null),
  render({ pdf, data }) {
    heading(pdf, 'Engagement', 250);
    monthlyChart(pdf, data);
    growthCharts(pdf, data);
    participation(pdf, data);
  },
};

function monthlyChart(pdf: PDFKit.PDFDocument, data: MetricsDocument): void {
  const months = data.engagement.monthly;
  chartBlock(pdf, {
    title: 'Active people and contributors per month',
    chart: {
      // Bars read better for a few months; a line shows the trend of a longer pilot.
      kind: months.length > 6 ? 'line' : 'bar',
      categories: months.map((month) => monthLabel(month.month)),
      series: [
        { label: 'Active people', values: months.map((month) => month.activePeople) },
        { label: 'Contributors', values: months.map((month) => month.contributors) },
      ],
      categoryAxisTitle: `Month (${data.period.timeZone})`,
      valueAxisTitle: 'People (distinct)',
      height: 140,
    },
    note: 'Active people did anything (post, reply, reaction, edit); contributors posted, replied or edited.',
  });
}

function growthCharts(pdf: PDFKit.PDFDocument, data: MetricsDocument): void {
  const months = data.engagement.monthly;
  const categories = months.map((month) => monthLabel(month.month));
  chartPair(
    pdf,
    {
      title: 'Contributors: new, returning, back after a gap',
      chart: {
        kind: 'stackedBar',
        categories,
        series: [
          { label: 'New', values: months.map((month) => month.newContributors) },
          { label: 'Returning', values: months.map((month) => month.returningContributors) },
          { label: 'Back after a gap', values: months.map((month) => month.reactivatedContributors) },
        ],
        categoryAxisTitle: 'Month',
        valueAxisTitle: 'Contributors',
        height: 135,
      },
      note: 'New: first contribution ever. Returning: also contributed the month before. Back after a gap: contributed before, not the month before. The three add up to the month’s contributors.',
    },
    {
      title: 'Retention and stickiness',
      chart: {
        kind: 'line',
        categories,
        series: [
          { label: 'Retention', values: months.map((month) => month.retention) },
          { label: 'Stickiness', values: months.map((month) => month.stickiness) },
        ],
        categoryAxisTitle: 'Month',
        valueAxisTitle: 'Share',
        valueFormat: 'percent',
        height: 135,
      },
      note: `Retention: last month’s contributors who came back. Stickiness: daily over monthly active people.${periodRetention(data)}`,
    },
  );
}

/** The period's retention with its interval, when the period before it had contributors (uncertainty/). */
function periodRetention(data: MetricsDocument): string {
  const interval = data.engagement.totals.retentionInterval;
  if (!interval || interval.value === null || interval.n === 0) return '';
  return ` Over the period, the previous period's contributors who contributed again: ${intervalText(interval, formatPercent, formatPercent(interval.value))}.`;
}

function participation(pdf: PDFKit.PDFDocument, data: MetricsDocument): void {
  const p = data.engagement.participation;
  const categories = ['Top 1% of contributors', 'Top 10% of contributors'];
  chartBlock(pdf, {
    title: 'Participation inequality beside the 90-9-1 rule of thumb',
    chart: {
      kind: 'horizontalBar',
      categories,
      series: [
        { label: 'This pilot', values: [p.top1Share, p.top10Share] },
        { label: '90-9-1 reference', values: [null, 0.9] },
      ],
      categoryAxisTitle: '',
      valueAxisTitle: 'Share of all contributions',
      valueFormat: 'percent',
      valueMax: 1,
      valueLabels: true,
      height: 105,
    },
    note: '90-9-1 rule of thumb: about 90 % of members only read, 9 % contribute now and then, 1 % make most of the content; so the most active tenth of contributors make about 90 % of contributions.',
  });
  table(pdf, {
    columns: [
      { header: 'Measure', width: 3 },
      { header: 'Value', width: 1.3, align: 'right' },
      { header: 'What it means', width: 6 },
    ],
    rows: [
      [
        'Contributions',
        formatCount(p.contributions),
        `Posts, replies and wiki edits in the period, by ${formatCount(p.contributors)} contributors.`,
      ],
      [
        'Gini coefficient',
        formatCoefficient(p.gini),
        '0 means everyone contributes equally; close to 1 means a few people do almost everything.',
      ],
      [
        'Absence factor',
        formatCount(p.absenceFactor),
        'The fewest contributors who together made half of all contributions (CHAOSS).',
      ],
    ],
  });
}
