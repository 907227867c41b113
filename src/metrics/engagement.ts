import type { Query } from '../model/query.js';
import {
  contributionsPerContributor,
  monthlyDaily,
  monthlyRetention,
  periodRetention,
  windowCounts,
  withPersonDays,
  type WindowCountsRow,
} from './engagement-sql.js';
import { periodCalendar, previousPeriod, type PeriodMonth } from '../time/period.js';
import { absenceFactor, gini, topShare } from './stats.js';
import type {
  Engagement,
  EngagementMonth,
  EngagementWeek,
  EngagementWindow,
  MetricContext,
  Participation,
  Period,
  SourceCapabilities,
} from './types.js';

/**
 * What `computeEngagement` returns: the section without the totals' retention interval, which the
 * registry adds from uncertainty/ (its own query over the previous period's contributors).
 */
export type EngagementFigures = Omit<Engagement, 'totals'> & { totals: EngagementWindow };

/**
 * Engagement (spec §3): one row per local calendar month of the period (also empty months), one
 * per ISO week that overlaps it, totals and participation.
 *
 * Decisions where the spec is silent:
 * - Monthly and weekly windows are clipped to the period, so a `--since` in mid-month gives a
 *   partial first month and the months add up to the totals; stickiness then divides by the
 *   days of the month inside the period.
 * - `returningContributors` of a month: its contributors who also contributed in the previous
 *   calendar month, looked up in all loaded data (for the first month, the month before the
 *   period); `retention` divides by that previous month's contributors and is null when it had
 *   none.
 * - Totals compare with the previous period of equal length (`previousPeriod`: the same number of
 *   calendar months when the period is whole months, else the same duration), with the same rules.
 * - `reactivatedContributors` of a month: its contributors who contributed at some earlier time
 *   (all loaded data) but not in the previous calendar month; new + returning + reactivated =
 *   contributors in every month.
 * - `newContributors` of the totals: first contribution in the whole dataset falls in the period.
 */
export async function computeEngagement(query: Query, ctx: MetricContext): Promise<EngagementFigures> {
  // The window, daily and retention queries all read the person-days: one table for them (engagement-tables.ts).
  return withPersonDays(query, ctx.period, () => engagement(query, ctx));
}

async function engagement(query: Query, ctx: MetricContext): Promise<EngagementFigures> {
  const { period, capabilities } = ctx;
  const calendar = periodCalendar(period);
  // One connection runs one statement at a time, so the queries run in sequence.
  const monthly = await monthlyRows(query, period, calendar.months, capabilities);
  const weekCounts = new Map((await windowCounts(query, period, 'week')).map((r) => [r.bucket_key, r]));
  const weekly = calendar.weeks.map((week): EngagementWeek => {
    const r = weekCounts.get(week);
    return { week, activePeople: r?.active_people ?? 0, contributors: r?.contributors ?? 0 };
  });
  const [totalCounts] = await windowCounts(query, period, 'period');
  const previous = await periodRetention(query, period, previousPeriod(period));
  const totals: EngagementWindow = {
    ...toWindow(totalCounts, capabilities),
    ...returning(previous.returning, previous.previousContributors),
  };
  const contributions = await contributionsPerContributor(query, period);
  return { totals, monthly, weekly, participation: participation(contributions) };
}

/** One row per month of the calendar, zeros for months without activity. */
async function monthlyRows(
  query: Query,
  period: Period,
  months: readonly PeriodMonth[],
  capabilities: SourceCapabilities,
): Promise<EngagementMonth[]> {
  const counts = new Map((await windowCounts(query, period, 'month')).map((r) => [r.bucket_key, r]));
  const daily = new Map((await monthlyDaily(query, period)).map((r) => [r.month, r]));
  const retention = new Map((await monthlyRetention(query, period)).map((r) => [r.month, r]));
  return months.map(({ month, days }): EngagementMonth => {
    const window = toWindow(counts.get(month), capabilities);
    const r = retention.get(month);
    const personDays = daily.get(month)?.person_days ?? 0;
    return {
      month,
      ...window,
      ...returning(r?.returning_contributors ?? 0, r?.previous_contributors ?? 0),
      reactivatedContributors: r?.reactivated_contributors ?? 0,
      // Mean daily active people over the month's days in the period, over the month's active people.
      stickiness: window.activePeople === 0 || days === 0 ? null : personDays / days / window.activePeople,
      activeWikiEditors: capabilities.wiki ? (daily.get(month)?.active_wiki_editors ?? 0) : null,
    };
  });
}

/** A window's counts, with kinds no loaded source can record as null (not 0). */
function toWindow(
  row: WindowCountsRow | undefined,
  capabilities: SourceCapabilities,
): Omit<EngagementWindow, 'returningContributors' | 'retention'> {
  return {
    activePeople: row?.active_people ?? 0,
    contributors: row?.contributors ?? 0,
    posts: capabilities.messages ? (row?.posts ?? 0) : null,
    replies: capabilities.messages ? (row?.replies ?? 0) : null,
    reactions: capabilities.reactions ? (row?.reactions ?? 0) : null,
    wikiEdits: capabilities.wiki ? (row?.wiki_edits ?? 0) : null,
    newContributors: row?.new_contributors ?? 0,
  };
}

function returning(
  returningContributors: number,
  previousContributors: number,
): Pick<EngagementWindow, 'returningContributors' | 'retention'> {
  return {
    returningContributors,
    retention: previousContributors === 0 ? null : returningContributors / previousContributors,
  };
}

/** Inequality of contributions among the period's contributors (spec §3). */
export function participation(contributionCounts: readonly number[]): Participation {
  return {
    contributors: contributionCounts.length,
    contributions: contributionCounts.reduce((total, n) => total + n, 0),
    gini: gini(contributionCounts),
    top1Share: topShare(contributionCounts, 0.01),
    top10Share: topShare(contributionCounts, 0.1),
    absenceFactor: absenceFactor(contributionCounts),
  };
}
