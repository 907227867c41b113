import type { Interval } from '../../../metrics/uncertainty/interval.js';
import type { BaselineDelta, TargetResult } from '../../../metrics/targets.js';
import type { MetricsDocument } from '../../json/document.js';
import { formatCount, formatDecimal, formatHours, formatPercent, formatSigned } from '../format.js';
import type { KpiTile, TileStatus } from '../kpi-tiles.js';
import { fill } from '../template.js';
import { monthLabel } from './common.js';
import type { ReportContext } from './types.js';

/** How a figure prints, and so how its change and target print. */
type Kind = 'count' | 'percent' | 'hours';

const FORMAT: Record<Kind, (value: number) => string> = {
  count: formatCount,
  percent: formatPercent,
  hours: formatHours,
};

/** The 4–6 headline tiles of the executive summary, in reading order. Exported for tests. */
export function summaryTiles(data: MetricsDocument, report: ReportContext): KpiTile[] {
  const text = report.template.text.tiles;
  const { activePeople, contributors } = data.engagement.totals;
  const c = data.conversations;
  const tiles: KpiTile[] = [
    tile(
      report,
      'engagement.totals.activePeople',
      'count',
      activePeople,
      text.activePeople,
      { value: formatCount(activePeople) },
      monthChange(data, 'activePeople'),
    ),
    tile(
      report,
      'engagement.totals.contributors',
      'count',
      contributors,
      text.contributors,
      {
        value: formatCount(contributors),
        share: activePeople > 0 ? formatPercent(contributors / activePeople) : formatPercent(null),
      },
      monthChange(data, 'contributors'),
    ),
    withRange(
      tile(report, 'conversations.questions.answeredRate', 'percent', c.questions.answeredRate, text.answeredRate, {
        answered: formatCount(c.questions.answered),
        threads: formatCount(c.questions.threads),
      }),
      c.questions.answeredRateInterval,
      formatPercent,
    ),
    withRange(
      tile(
        report,
        'conversations.medianHoursToFirstResponse',
        'hours',
        c.medianHoursToFirstResponse,
        text.firstResponse,
        { value: formatHours(c.medianHoursToFirstResponse) },
      ),
      c.medianHoursToFirstResponseInterval,
      formatHours,
    ),
  ];
  const ideas = report.ideas;
  if (ideas && ideas.funnel.raised > 0) {
    tiles.push(
      tile(report, 'ideas.funnel.actioned', 'count', ideas.funnel.actioned, text.ideasActioned, {
        value: formatCount(ideas.funnel.actioned),
        raised: formatCount(ideas.funnel.raised),
        stalled: formatCount(ideas.stalled),
      }),
    );
  }
  const business = report.businessCase;
  if (business) {
    const minutes = business.assumptions.find((entry) => entry.key === 'minutesSavedPerAnsweredQuestion')?.value;
    const hours = business.scenarios.base.hoursSaved;
    tiles.push(
      tile(report, 'businessCase.scenarios.base.hoursSaved', 'count', hours, text.hoursSaved, {
        value: formatCount(hours),
        minutes: typeof minutes === 'number' ? formatDecimal(minutes).replace(/\.0$/, '') : '—',
      }),
    );
  }
  return tiles;
}

/**
 * The tile's sentence followed by the figure's 95 % interval (uncertainty/), or by "too few to
 * judge" when the figure rests on fewer observations than the configured minimum.
 */
function withRange(tile: KpiTile, interval: Interval | undefined, format: (value: number) => string): KpiTile {
  if (!interval || interval.value === null) return tile;
  const range =
    interval.low === null || interval.high === null
      ? `Too few to judge (n = ${formatCount(interval.n)}).`
      : `95% interval ${format(interval.low)} to ${format(interval.high)}.`;
  return { ...tile, sentence: `${tile.sentence} ${range}` };
}

function tile(
  report: ReportContext,
  path: string,
  kind: Kind,
  value: number | null,
  text: { label: string; sentence: string },
  values: Record<string, string>,
  fallbackChange?: string,
): KpiTile {
  return {
    value: value === null ? '—' : FORMAT[kind](value),
    label: text.label,
    sentence: value === null ? `${text.label}: not measured in this period.` : fill(text.sentence, values),
    change: changeText(report.deltas[path], kind) ?? fallbackChange,
    status: statusOf(report.targets, path, kind),
  };
}

/** `+12 (+9%) vs baseline`, `+4.0 pts vs baseline`, `−1.2 h vs baseline`; undefined without a baseline. */
export function changeText(delta: BaselineDelta | undefined, kind: Kind): string | undefined {
  if (!delta) return undefined;
  if (delta.delta === null) return 'No baseline figure to compare';
  if (kind === 'percent')
    return `${formatSigned(delta.delta * 100, (points) => formatDecimal(points))} pts vs baseline`;
  const change = formatSigned(delta.delta, FORMAT[kind]);
  const pct = delta.deltaPct === null ? '' : ` (${formatSigned(delta.deltaPct / 100, formatPercent)})`;
  return `${change}${pct} vs baseline`;
}

/** The first configured target on `path`, as `Target ≥ 70%: met`. */
export function statusOf(targets: readonly TargetResult[], path: string, kind: Kind): TileStatus | undefined {
  const target = targets.find((entry) => entry.metric === path);
  if (!target) return undefined;
  const op = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '!=': '≠' }[target.op];
  return {
    text: `Target ${op} ${FORMAT[kind](target.expected)}: ${target.passed ? 'met' : 'not met'}`,
    met: target.passed,
  };
}

/** Without a baseline: the last month against the one before, e.g. `+15 vs Feb 2026`. */
function monthChange(data: MetricsDocument, key: 'activePeople' | 'contributors'): string | undefined {
  const months = data.engagement.monthly;
  const last = months[months.length - 1];
  const previous = months[months.length - 2];
  if (!last || !previous) return undefined;
  return `${monthLabel(last.month)}: ${formatSigned(last[key] - previous[key], formatCount)} vs ${monthLabel(previous.month)}`;
}
