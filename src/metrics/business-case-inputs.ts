import type { BusinessCaseInputs } from './business-case.js';
import type { IdentityReconciliation } from './identities.js';
import type { IdeasSection } from './ideas/section.js';
import { monthKey } from '../time/calendar.js';
import { periodCalendar } from '../time/period.js';
import { localDateOf } from '../time/zone.js';
import type { Conversations, Engagement, Period } from './types.js';

/** Average month length in milliseconds (365.25 / 12 days), for periods that are not whole months. */
const MONTH_MS = (365.25 / 12) * 24 * 3600 * 1000;

/**
 * Months in the period: each calendar month counts as the share of its days inside the period, so
 * March to October is 8 months, not 8.05 average months; the cost recurs per calendar month.
 */
export function periodMonths(period: Period): number {
  const calendar = periodCalendar(period);
  if (calendar.months.length === 0) return (Date.parse(period.until) - Date.parse(period.since)) / MONTH_MS;
  return calendar.months.reduce((n, m) => n + m.days / daysInMonth(m.month), 0);
}

function daysInMonth(month: string): number {
  const [year, mon] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, mon ?? 1, 0)).getUTCDate();
}

/** The measured sections the business case is computed from. */
export interface MeasuredForBusinessCase {
  identities: IdentityReconciliation;
  engagement: Engagement;
  conversations: Conversations;
  ideas: IdeasSection;
}

/** The business case's inputs from figures already measured (spec §6). */
export function businessCaseInputs(measured: MeasuredForBusinessCase, period: Period): BusinessCaseInputs {
  const { ideas } = measured;
  const monthOf = (iso: string): string => monthKey(localDateOf(Date.parse(iso), period.timeZone));
  const valued = new Set(ideas.ledgerValues.map((v) => v.ideaId));
  return {
    answeredThreads: measured.conversations.questions.answered,
    months: periodMonths(period),
    actionedIdeas: ideas.funnel.actioned,
    ledgerValue: ideas.ledgerValue,
    ledgerEntries: ideas.ledgerValues.map((v) => ({
      ideaId: v.ideaId,
      line: v.line,
      value: v.value,
      month: monthOf(v.at),
    })),
    actionedWithoutValue: ideas.items
      .filter((item) => item.actionedAt !== null && !valued.has(item.id))
      .map((item) => ({ ideaId: item.id, month: monthOf(item.actionedAt ?? '') })),
    monthKeys: periodCalendar(period).months.map((m) => m.month),
    activePeople: measured.engagement.totals.activePeople,
    contributors: measured.engagement.totals.contributors,
    persons: measured.identities.persons,
  };
}
