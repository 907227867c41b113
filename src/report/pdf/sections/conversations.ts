import type { UnansweredThread } from '../../../metrics/types.js';
import type { MetricsDocument } from '../../json/document.js';
import { formatCount, formatDate, formatDecimal, formatHours, formatPercent, MISSING } from '../format.js';
import { heading, paragraph, subheading } from '../layout.js';
import { table } from '../table.js';
import type { ReportSection } from './types.js';

/** How spaces whose text must never be shown are named in the document (spec §1). */
const PRIVATE_SPACE = '(private space)';

/** Threads, answers and response times, and the oldest threads still waiting for an answer. */
export const conversationsSection: ReportSection = {
  id: 'conversations',
  title: 'Conversations',
  omittedBecause: (data) => (data.conversations.threads === 0 ? 'no thread was started in the period.' : null),
  render({ pdf, data }) {
    heading(pdf, 'Conversations', 150);
    table(pdf, {
      columns: [
        { header: 'Measure', width: 3 },
        { header: 'Value', width: 1.4, align: 'right' },
        { header: 'What it means', width: 6 },
      ],
      rows: measureRows(data),
    });
    subheading(pdf, 'Oldest unanswered threads');
    const unanswered = data.conversations.unanswered;
    if (unanswered.length === 0) {
      paragraph(pdf, 'No thread of the period is waiting for an answer.');
      return;
    }
    table(pdf, {
      columns: [
        { header: 'Started', width: 1.5 },
        { header: 'Space', width: 2.4 },
        { header: 'Source', width: 1.1 },
        { header: 'Age', width: 1, align: 'right' },
        { header: 'Opening words', width: 4.5 },
      ],
      rows: unanswered.map((thread) => unansweredRow(thread, data.period.timeZone)),
    });
  },
};

function measureRows(data: MetricsDocument): string[][] {
  const c = data.conversations;
  return [
    ['Threads started', formatCount(c.threads), 'Conversations whose first message falls in the period.'],
    ['Answered', formatCount(c.answered), 'Threads with a reply from someone other than the author, at any time.'],
    ['Answered rate', formatPercent(c.answeredRate), 'Answered threads as a share of threads started.'],
    ['Median time to first response', formatHours(c.medianHoursToFirstResponse), 'Half of the answered threads got their first reply sooner than this.'],
    ['90th percentile time to first response', formatHours(c.p90HoursToFirstResponse), 'Nine in ten answered threads got their first reply sooner than this.'],
    ['Replies per thread', formatDecimal(c.repliesPerThread), 'Mean number of replies per thread, by anyone.'],
  ];
}

/** A row of the unanswered list; the opening words never show for a private space. */
function unansweredRow(thread: UnansweredThread, timeZone: string): string[] {
  const isPrivate = thread.space === PRIVATE_SPACE;
  return [
    formatDate(thread.startedAt, timeZone),
    thread.space,
    thread.source,
    `${formatCount(thread.ageDays)} d`,
    isPrivate ? '(not shown: private space)' : (thread.title ?? MISSING),
  ];
}
