import { ideasSectionSchema } from '../../../metrics/ideas/schema.js';
import { drawnSection } from '../../drawn-section.js';
import type { MetricsDocument } from '../../json/document.js';
import { periodLabel } from '../../period-label.js';
import {
  formatCount,
  formatDate,
  formatDays,
  formatMoney,
  formatMoneyTwoSignificant,
  formatPercent,
  formatTwoSignificant,
} from '../format.js';
import { moneyLines } from './money-line.js';
import { kpiTiles } from '../kpi-tiles.js';
import { BODY, bulletList, heading, NOTE, paragraph, subheading } from '../layout.js';
import { fill } from '../template.js';
import { daysBetween, safeTitle } from './common.js';
import { assumptionNumber } from './views.js';
import type { IdeaItemView } from './views.js';
import { summaryTiles } from './summary-tiles.js';
import type { ReportContext, ReportSection } from './types.js';

/** The first page a sponsor reads: headline tiles, three idea-to-action stories, and the ask. */
export const executiveSummarySection: ReportSection = {
  id: 'executive-summary',
  title: 'Executive summary',
  omittedBecause: () => null,
  render({ pdf, data, report }) {
    heading(pdf, 'Executive summary', 160);
    kpiTiles(pdf, summaryTiles(data, report));
    subheading(pdf, 'The money (estimate)');
    bulletList(pdf, moneyLines(report), BODY);
    subheading(pdf, report.template.text.stories.heading);
    const stories = ideaStories(data, report);
    const earlier = earlierOutcomes(data);
    if (stories.length > 0) bulletList(pdf, stories);
    else
      paragraph(
        pdf,
        earlier
          ? `No idea raised in ${periodLabel(data.period)} has reached a decision or an action yet.`
          : report.template.text.stories.none,
        NOTE,
      );
    if (earlier) paragraph(pdf, earlier, NOTE);
    subheading(pdf, report.template.text.ask.heading);
    if (report.ask) paragraph(pdf, report.ask, { ...BODY, weight: 'bold' });
    else bulletList(pdf, defaultAsk(report), BODY);
  },
};

/**
 * Up to three ideas that went furthest, one sentence each: actioned ideas first (most recent
 * action first), then decided ones; ideas whose title may be shown come before private ones.
 */
export function ideaStories(data: MetricsDocument, report: ReportContext): string[] {
  const ideas = report.ideas;
  if (!ideas) return [];
  const text = report.template.text.stories;
  const reached = (item: IdeaItemView): string | null => item.actionedAt ?? item.decidedAt;
  return ideas.items
    .filter((item) => reached(item) !== null)
    .sort((a, b) => rank(a) - rank(b) || (reached(b) ?? '').localeCompare(reached(a) ?? '') || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map((item) =>
      fill(item.actionedAt ? text.actioned : text.decided, {
        idea: storyIdea(item, text.untitled),
        raisedAt: formatDate(item.raisedAt, data.period.timeZone),
        // {days} is the bare number (templates written before 0.1 say "{days} days"); {duration} has its unit.
        days: formatCount(daysBetween(item.raisedAt, reached(item))),
        duration: formatDays(daysBetween(item.raisedAt, reached(item))),
        participants: formatCount(item.participants),
      }),
    );
}

/** `“Title” (Space)`; an idea in a private space is only named as such. */
function storyIdea(item: IdeaItemView, untitled: string): string {
  const title = safeTitle(item.space, item.title, '');
  return title === '' ? untitled : `“${title}” (${item.space})`;
}

/** Actioned before decided, public before private. */
function rank(item: IdeaItemView): number {
  return (item.actionedAt ? 0 : 2) + (item.title === undefined ? 1 : 0);
}

/**
 * Outcomes of ideas raised before the period (`ideas.earlier`), said apart from the period's own:
 * a month's report is about that month, and earlier wins are not lost from it. Null without any.
 */
export function earlierOutcomes(data: MetricsDocument): string | null {
  const e = drawnSection(ideasSectionSchema.shape.earlier, data.ideas?.earlier, 'ideas.earlier');
  if (!e || e.raised === 0) return null;
  const when = periodLabel({ since: e.since, until: e.until, timeZone: data.period.timeZone });
  const ideas = e.raised === 1 ? 'idea' : 'ideas';
  return `Earlier, in ${when}: ${formatCount(e.raised)} ${ideas} raised; by the start of this period ${formatCount(e.decided)} had reached a decision, ${formatCount(e.actioned)} of them put into practice.`;
}

/** The ask built from the figures when the config gives none: decisions, moderation, scale-up. */
export function defaultAsk(report: ReportContext): string[] {
  const text = report.template.text.ask;
  const asks: string[] = [];
  if (report.ideas && report.ideas.stalled > 0) {
    asks.push(
      fill(text.stalled, {
        stalled: formatCount(report.ideas.stalled),
        stallDays: formatCount(configNumber(report.config, 'stallDays') ?? 30),
      }),
    );
  }
  const business = report.businessCase;
  const hours = business ? assumptionNumber(business, 'moderatorHoursPerMonth') : null;
  const share = report.moderation?.moderatorFirstResponseShare ?? null;
  const monthlyCost = business?.scenarios.base.monthlyCost ?? null;
  const cost =
    monthlyCost === null || !business ? '' : `, about ${formatMoney(monthlyCost, business.currency)} a month`;
  if (hours !== null && share !== null)
    asks.push(fill(text.moderation, { hours: formatCount(hours), share: formatPercent(share), cost }));
  const projection = business?.scenarios.base.projection ?? null;
  if (projection && business) {
    const value =
      projection.valuePerYear === null
        ? ''
        : ` and about ${formatMoneyTwoSignificant(projection.valuePerYear, business.currency)}`;
    asks.push(
      fill(text.scaleUp, {
        orgSize: formatCount(projection.orgSize),
        hours: formatTwoSignificant(projection.hoursSavedPerYear),
        value,
      }),
    );
  }
  return asks.length > 0 ? asks : [text.fallback];
}

/** A number anywhere in the resolved config under `key` (e.g. `stallDays`), first found depth-first. */
function configNumber(config: Readonly<Record<string, unknown>> | null, key: string): number | null {
  if (!config) return null;
  const direct = config[key];
  if (typeof direct === 'number') return direct;
  for (const value of Object.values(config)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const found = configNumber(Object.fromEntries(Object.entries(value)), key);
      if (found !== null) return found;
    }
  }
  return null;
}
