import type { UnansweredThread } from '../../../metrics/types.js';
import type { MetricsDocument } from '../../json/document.js';
import { chartBlock } from '../chart-block.js';
import { formatCount, formatDate, formatDays, formatDecimal, formatHours, formatPercent } from '../format.js';
import { heading, paragraph, subheading } from '../layout.js';
import { table } from '../table.js';
import { monthLabel, omittedPart, PRIVATE_SPACE, shownTitle } from './common.js';
import type { ModerationView } from './views.js';
import type { ReportSection } from './types.js';
import { responseCurve } from './wait-curves.js';
import { intervalText, TOO_FEW } from '../../interval-text.js';
import type { Interval } from '../../../metrics/uncertainty/interval.js';
import { FILL_HINTS } from '../../../metrics/setup/gaps.js';

/** Threads, answers and response times, moderation, and the threads still waiting for an answer. */
export const conversationsSection: ReportSection = {
  id: 'conversations',
  title: 'Conversations and moderation',
  omittedBecause: (data) => (data.conversations.threads === 0 ? 'no thread was started in the period.' : null),
  render({ pdf, data, report }) {
    heading(pdf, 'Conversations and moderation', 150);
    table(pdf, {
      columns: [
        { header: 'Measure', width: 3 },
        { header: 'Value (95 % range)', width: 2.4, align: 'right' },
        { header: 'What it means', width: 5 },
      ],
      rows: measureRows(data),
    });
    responseTimes(pdf, data, report.moderation);
    responseCurve(pdf, data);
    moderation(pdf, report.moderation, moderatorShareInterval(data));
    unansweredThreads(pdf, data);
  },
};

function measureRows(data: MetricsDocument): string[][] {
  const c = data.conversations;
  return [
    ['Threads started', formatCount(c.threads), 'Conversations whose first message falls in the period.'],
    ['Answered', formatCount(c.answered), 'Threads with a reply from someone other than the author, at any time.'],
    [
      'Answered rate',
      intervalText(c.answeredRateInterval, formatPercent, formatPercent(c.answeredRate)),
      'Answered threads as a share of threads started.',
    ],
    ['Unanswered', formatCount(c.threads - c.answered), 'Threads still waiting for a reply from someone else.'],
    [
      'Median time to first response',
      intervalText(c.medianHoursToFirstResponseInterval, formatHours, formatHours(c.medianHoursToFirstResponse)),
      'Half of the answered threads got their first reply sooner than this.',
    ],
    [
      '90th percentile time to first response',
      formatHours(c.p90HoursToFirstResponse),
      'Nine in ten answered threads got their first reply sooner than this.',
    ],
    ['Replies per thread', formatDecimal(c.repliesPerThread), 'Mean number of replies per thread, by anyone.'],
    [
      'Questions asked',
      formatCount(c.questions.threads),
      'Threads whose first message asks (a question mark or a question word); announcements are not questions.',
    ],
    [
      'Questions answered',
      intervalText(
        c.questions.answeredRateInterval,
        formatPercent,
        `${formatPercent(c.questions.answeredRate)} (${formatCount(c.questions.answered)})`,
      ),
      'Questions with a reply from someone other than the author, at any time.',
    ],
    [
      'Median time to answer a question',
      intervalText(
        c.questions.medianHoursToFirstResponseInterval,
        formatHours,
        formatHours(c.questions.medianHoursToFirstResponse),
      ),
      'Half of the answered questions got their first reply sooner than this.',
    ],
  ];
}

/** Median and p90 of the whole period, and the medians of moderators' and others' first replies. */
function responseTimes(pdf: PDFKit.PDFDocument, data: MetricsDocument, mod: ModerationView | null): void {
  const c = data.conversations;
  if (c.medianHoursToFirstResponse === null) return;
  const byGroup = mod && mod.moderatorCount > 0;
  chartBlock(pdf, {
    title: 'Time to first response',
    chart: {
      kind: 'horizontalBar',
      categories: ['All answered threads', ...(byGroup ? ['First reply by a moderator', 'First reply by others'] : [])],
      series: [
        {
          label: 'Median',
          values: [
            c.medianHoursToFirstResponse,
            ...(byGroup ? [mod.medianHoursToFirstResponse.moderators, mod.medianHoursToFirstResponse.others] : []),
          ],
        },
        { label: '90th percentile', values: [c.p90HoursToFirstResponse, ...(byGroup ? [null, null] : [])] },
      ],
      categoryAxisTitle: '',
      valueAxisTitle: 'Hours to the first reply by someone else',
      valueFormat: 'decimal',
      valueLabels: true,
      height: byGroup ? 140 : 90,
    },
    note: 'Half of the threads were answered faster than the median, nine in ten faster than the 90th percentile.',
  });
}

/** `moderation.moderatorFirstResponseShareInterval`, when metrics.json holds one. */
function moderatorShareInterval(data: MetricsDocument): Interval | null {
  return data.moderation?.moderatorFirstResponseShareInterval ?? null;
}

function moderation(pdf: PDFKit.PDFDocument, mod: ModerationView | null, shareInterval: Interval | null): void {
  if (!mod) return omittedPart(pdf, 'Moderation', 'metrics.json holds no moderation figures.');
  if (mod.moderatorCount === 0)
    return omittedPart(pdf, 'Moderation', `no moderators were configured. To fill it, ${FILL_HINTS.moderators}`);
  subheading(pdf, 'Threads a moderator joined, and threads no moderator joined');
  const row = (label: string, pick: (group: ModerationView['withModerator']) => string): string[] => [
    label,
    pick(mod.withModerator),
    pick(mod.withoutModerator),
  ];
  table(pdf, {
    columns: [
      { header: 'Measure', width: 3 },
      { header: 'With a moderator', width: 1.6, align: 'right' },
      { header: 'Without', width: 1.6, align: 'right' },
    ],
    rows: [
      row('Threads', (g) => formatCount(g.threads)),
      row('Answered rate', (g) => formatPercent(g.answeredRate)),
      row('Replies per thread', (g) => formatDecimal(g.repliesPerThread)),
      row('People per thread', (g) => formatDecimal(g.participantsPerThread)),
    ],
  });
  const who = `${formatCount(mod.moderatorCount)} ${mod.moderatorCount === 1 ? 'moderator' : 'moderators'}`;
  const share = intervalText(shareInterval, formatPercent, formatPercent(mod.moderatorFirstResponseShare));
  const shareSentence = share.startsWith(TOO_FEW)
    ? `With ${formatCount(mod.answered)} answered threads there are too few to judge how often the ${who} gave the first reply.`
    : `${who} gave the first reply in ${share} of answered threads.`;
  paragraph(
    pdf,
    `${shareSentence} These are observations, not causes: a moderator's reply answers a thread by definition, and moderators may join the threads that need them most.`,
  );
  if (mod.monthly.length > 0) moderatorMonths(pdf, mod);
}

function moderatorMonths(pdf: PDFKit.PDFDocument, mod: ModerationView): void {
  chartBlock(pdf, {
    title: 'Moderator activity per month',
    chart: {
      kind: 'bar',
      categories: mod.monthly.map((month) => monthLabel(month.month)),
      series: [
        { label: 'Moderator replies', values: mod.monthly.map((month) => month.moderatorReplies) },
        { label: 'Active people', values: mod.monthly.map((month) => month.activePeople) },
      ],
      categoryAxisTitle: 'Month',
      valueAxisTitle: 'Replies / people',
      height: 150,
    },
  });
}

function unansweredThreads(pdf: PDFKit.PDFDocument, data: MetricsDocument): void {
  subheading(pdf, 'Oldest unanswered questions');
  const unanswered = data.conversations.questions.unanswered;
  if (unanswered.length === 0) {
    paragraph(
      pdf,
      data.conversations.questions.threads === 0
        ? 'No thread of the period asks a question, so none is waiting for an answer.'
        : 'Every question asked in the period got an answer.',
    );
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
}

/** A row of the unanswered list; the opening words never show for a private space. */
function unansweredRow(thread: UnansweredThread, timeZone: string): string[] {
  const isPrivate = thread.space === PRIVATE_SPACE;
  return [
    formatDate(thread.startedAt, timeZone),
    thread.space,
    thread.source,
    formatDays(thread.ageDays),
    isPrivate
      ? '(not shown: private space)'
      : thread.title === undefined
        ? '(no text in the export)'
        : shownTitle(thread.title),
  ];
}
