import type { MetricsDocument } from '../../json/document.js';
import { formatCount, formatHours, formatPercent } from '../format.js';
import { kpiTiles, type KpiTile } from '../kpi-tiles.js';
import { heading } from '../layout.js';
import type { ReportSection } from './types.js';

/** The headline figures of the cover page, as tiles. */
export const summarySection: ReportSection = {
  id: 'summary',
  title: 'Summary',
  omittedBecause: () => null,
  render({ pdf, data }) {
    heading(pdf, 'Summary', 160);
    kpiTiles(pdf, summaryTiles(data));
  },
};

/** The six summary tiles, in reading order. Exported for tests. */
export function summaryTiles(data: MetricsDocument): KpiTile[] {
  return [activePeopleTile(data), contributorsTile(data), threadsTile(data), answeredRateTile(data), firstResponseTile(data), messagesTile(data)];
}

function activePeopleTile(data: MetricsDocument): KpiTile {
  return {
    value: formatCount(data.engagement.totals.activePeople),
    label: 'Active people',
    sentence: 'Distinct people who posted, replied, reacted or edited during the period.',
  };
}

function contributorsTile(data: MetricsDocument): KpiTile {
  const { activePeople, contributors } = data.engagement.totals;
  const share = activePeople > 0 ? ` (${formatPercent(contributors / activePeople)} of active people)` : '';
  return {
    value: formatCount(contributors),
    label: 'Contributors',
    sentence: `People who posted, replied or edited a page${share}.`,
  };
}

function threadsTile(data: MetricsDocument): KpiTile {
  const { threads, answered } = data.conversations;
  return {
    value: formatCount(threads),
    label: 'Threads started',
    sentence: threads > 0 ? `Conversations started in the period; ${formatCount(answered)} got an answer.` : 'No conversation was started in the period.',
  };
}

function answeredRateTile(data: MetricsDocument): KpiTile {
  const { threads, answered, answeredRate } = data.conversations;
  return {
    value: formatPercent(answeredRate),
    label: 'Answered rate',
    sentence: answeredRate === null
      ? 'No rate: no thread was started in the period.'
      : `${formatCount(answered)} of ${formatCount(threads)} threads got a reply from someone other than the author.`,
  };
}

function firstResponseTile(data: MetricsDocument): KpiTile {
  const median = data.conversations.medianHoursToFirstResponse;
  return {
    value: formatHours(median),
    label: 'Median time to first response',
    sentence: median === null
      ? 'No thread in the period was answered.'
      : `Half of the answered threads had a first reply within ${formatHours(median)}.`,
  };
}

function messagesTile(data: MetricsDocument): KpiTile {
  const { posts, replies } = data.engagement.totals;
  const label = 'Posts and replies';
  if (posts === null && replies === null) {
    return { value: formatCount(null), label, sentence: 'Not measured: no message source was loaded.' };
  }
  return {
    value: formatCount((posts ?? 0) + (replies ?? 0)),
    label,
    sentence: `${formatCount(posts)} thread starters and ${formatCount(replies)} replies.`,
  };
}
