/**
 * What the deck says, slide by slide, as plain data: no pptxgenjs here, so tests read the content
 * without opening a file. Every sentence and figure comes from the same functions the PDF prints
 * with (tiles, stories, the ask, the scenario table), so the deck and the PDF cannot disagree.
 */
import { IDEA_STAGES, type IdeaStage } from '../../metrics/ideas/result.js';
import type { MetricsDocument } from '../json/document.js';
import { formatCount, formatDate, formatMoney, formatPercent, formatPeriod } from '../pdf/format.js';
import type { KpiTile } from '../pdf/kpi-tiles.js';
import { monthLabel } from '../pdf/sections/common.js';
import { METRIC_DEFINITIONS } from '../pdf/sections/definitions.js';
import { scenarioRows } from '../pdf/sections/business-case.js';
import { defaultAsk, ideaStories } from '../pdf/sections/executive-summary.js';
import { summaryTiles } from '../pdf/sections/summary-tiles.js';
import type { ReportContext } from '../pdf/sections/types.js';
import { fill } from '../pdf/template.js';

/** A native chart: categories along one axis, one or more series of numbers (null: no figure). */
export interface DeckChart {
  title: string;
  kind: 'bar' | 'horizontalBar';
  categories: string[];
  series: { label: string; values: (number | null)[] }[];
}

/** The five slides, in order. */
export interface DeckContent {
  title: string;
  /** `1 Mar 2026 – 31 Oct 2026`, in the report time zone. */
  period: string;
  organization: string | null;
  headline: { heading: string; tiles: KpiTile[]; chart: DeckChart | null };
  stories: { heading: string; lines: string[]; empty: string | null; chart: DeckChart | null };
  businessCase: { heading: string; banner: string; line: string; table: string[][] | null; chart: DeckChart | null };
  ask: { heading: string; lines: string[] };
  sources: { heading: string; lines: string[]; definitions: [string, string][] };
}

/** Options beyond the report context: the title and organization as the PDF's cover prints them. */
export interface DeckContentOptions {
  title: string;
  organization: string | null;
  /** When the figures were made (SOURCE_DATE_EPOCH when set), printed on the sources slide. */
  generatedAt: Date;
}

const STAGE_LABEL: Record<IdeaStage, string> = {
  raised: 'Raised',
  discussed: 'Discussed',
  endorsed: 'Endorsed',
  decided: 'Decided',
  actioned: 'Actioned',
};
const SCENARIOS = ['low', 'base', 'high'] as const;
/** The definitions a sponsor needs for the figures on the slides (the PDF's appendix has them all). */
const DEFINED_TERMS = [
  'Active people',
  'Contributors',
  'Answered',
  'Time to first response',
  'Idea stages',
  'Business case',
  'Privacy threshold',
];

/** The deck's content from the document and the report context the PDF is drawn with. */
export function deckContent(data: MetricsDocument, report: ReportContext, options: DeckContentOptions): DeckContent {
  const text = report.template.text;
  const stories = ideaStories(data, report);
  return {
    title: options.title,
    period: formatPeriod(data.period.since, data.period.until, data.period.timeZone),
    organization: options.organization,
    headline: {
      heading: text.deck.headline,
      tiles: summaryTiles(data, report),
      chart: monthlyChart(data, text.deck.monthlyChart),
    },
    stories: {
      heading: text.stories.heading,
      lines: stories,
      empty: stories.length === 0 ? text.stories.none : null,
      chart: funnelChart(report, text.deck.funnelChart),
    },
    businessCase: businessCaseSlide(report),
    ask: { heading: text.ask.heading, lines: report.ask ? [report.ask] : defaultAsk(report) },
    sources: {
      heading: text.deck.sources,
      lines: sourceLines(data, report, options.generatedAt),
      definitions: definitions(),
    },
  };
}

/** Active people and contributors per month: the engagement figures behind the first two tiles. */
function monthlyChart(data: MetricsDocument, title: string): DeckChart | null {
  const months = data.engagement.monthly;
  if (months.length === 0) return null;
  return {
    title,
    kind: 'bar',
    categories: months.map((m) => monthLabel(m.month)),
    series: [
      { label: 'Active people', values: months.map((m) => m.activePeople) },
      { label: 'Contributors', values: months.map((m) => m.contributors) },
    ],
  };
}

function funnelChart(report: ReportContext, title: string): DeckChart | null {
  const ideas = report.ideas;
  if (!ideas || ideas.funnel.raised === 0) return null;
  return {
    title,
    kind: 'horizontalBar',
    categories: IDEA_STAGES.map((stage) => STAGE_LABEL[stage]),
    series: [{ label: 'Ideas', values: IDEA_STAGES.map((stage) => ideas.funnel[stage]) }],
  };
}

function businessCaseSlide(report: ReportContext): DeckContent['businessCase'] {
  const text = report.template.text;
  const business = report.businessCase;
  const heading = text.deck.businessCase;
  if (!business)
    return { heading, banner: text.estimateLabel, line: text.deck.noBusinessCase, table: null, chart: null };
  const base = business.scenarios.base;
  const money = (value: number | null): string => formatMoney(value, business.currency);
  const line =
    base.value === null
      ? fill(text.deck.hoursLine, { hours: formatCount(base.hoursSaved) })
      : fill(text.deck.moneyLine, { value: money(base.value), cost: money(base.cost), roi: formatPercent(base.roi) });
  const header = ['Figure', ...SCENARIOS.map((name) => `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`)];
  const hasValue = base.value !== null;
  const chart: DeckChart = {
    title: hasValue
      ? `Value against program cost (${business.currency ?? 'currency not set'})`
      : 'Hours saved by answered questions',
    kind: 'bar',
    categories: header.slice(1),
    series: hasValue
      ? [
          { label: 'Value', values: SCENARIOS.map((name) => business.scenarios[name].value) },
          { label: 'Cost', values: SCENARIOS.map((name) => business.scenarios[name].cost) },
        ]
      : [{ label: 'Hours saved', values: SCENARIOS.map((name) => business.scenarios[name].hoursSaved) }],
  };
  return { heading, banner: text.estimateLabel, line, table: [header, ...scenarioRows(business)], chart };
}

function sourceLines(data: MetricsDocument, report: ReportContext, generatedAt: Date): string[] {
  const period = `Period: ${formatPeriod(data.period.since, data.period.until, data.period.timeZone)} (${data.period.timeZone}).`;
  const sources = data.sources.map(
    (s) =>
      `${s.kind}: ${s.path} (${formatCount(s.files)} file${s.files === 1 ? '' : 's'}, ${formatCount(s.records.used)} of ${formatCount(s.records.read)} records used).`,
  );
  const generated = `Generated ${formatDate(generatedAt.toISOString(), 'UTC')} by ${data.tool.name} ${data.tool.version}; every figure is in metrics.json and the PDF report.`;
  return [period, ...sources, ...(report.anonymized ? [report.template.text.deck.anonymized] : []), generated];
}

function definitions(): [string, string][] {
  return DEFINED_TERMS.flatMap((term) => {
    const found = METRIC_DEFINITIONS.find(([name]) => name === term);
    return found ? [[found[0], found[1]] satisfies [string, string]] : [];
  });
}
