import type { MetricsDocument } from '../../json/document.js';
import { chartBlock } from '../chart-block.js';
import { heading } from '../layout.js';
import type { ReportSection } from './types.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-03` -> `Mar 2026`; anything else is shown as it is. */
export function monthLabel(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const name = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : month;
}

/** Active people and contributors per calendar month of the period. */
export const monthlyActivitySection: ReportSection = {
  id: 'monthly-activity',
  title: 'Activity by month',
  omittedBecause: (data: MetricsDocument) => (data.engagement.monthly.length === 0 ? 'the period holds no month with data.' : null),
  render({ pdf, data }) {
    const months = data.engagement.monthly;
    heading(pdf, 'Activity by month', 250);
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
      },
      note: 'Active people did anything (post, reply, reaction, edit); contributors posted, replied or edited.',
    });
  },
};
