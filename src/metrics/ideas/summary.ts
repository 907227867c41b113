import { median, p90 } from '../stats.js';
import {
  IDEA_STAGES,
  type DaysSummary,
  type IdeaBreakdown,
  type IdeaItem,
  type IdeaStage,
  type LaterStage,
  type OpenIdea,
  type OpenStage,
} from './result.js';

/**
 * Figures over the idea items (spec §5). Decisions where the spec is silent:
 * - Durations are over ideas that reached the later stage, from the stage times in the items
 *   (own evidence or implied by a later stage), so they are never negative.
 * - Breakdowns by space and by department follow the privacy threshold of spec §6: fewer than
 *   `minGroupSize` distinct authors and the counts are null. Spaces are treated as groups.
 */

const DAY_MS = 86_400_000;
/** How many open ideas `oldestOpen` lists. */
export const OLDEST_OPEN_LIMIT = 10;

/** The instant each stage was reached, as listed in an item. */
export function stageTime(item: IdeaItem, stage: IdeaStage): string | null {
  switch (stage) {
    case 'raised':
      return item.raisedAt;
    case 'discussed':
      return item.discussedAt;
    case 'endorsed':
      return item.endorsedAt;
    case 'decided':
      return item.decidedAt;
    case 'actioned':
      return item.actionedAt;
  }
}

/** Ideas that reached each stage (reaching a stage counts in every earlier one). */
export function funnelOf(items: readonly IdeaItem[]): Record<IdeaStage, number> {
  const count = (stage: IdeaStage): number => items.filter((i) => stageTime(i, stage) !== null).length;
  return {
    raised: count('raised'),
    discussed: count('discussed'),
    endorsed: count('endorsed'),
    decided: count('decided'),
    actioned: count('actioned'),
  };
}

/** Each stage / raised; null when nothing was raised. */
export function conversionOf(funnel: Record<IdeaStage, number>): Record<IdeaStage, number | null> {
  const share = (n: number): number | null => (funnel.raised === 0 ? null : n / funnel.raised);
  return {
    raised: share(funnel.raised),
    discussed: share(funnel.discussed),
    endorsed: share(funnel.endorsed),
    decided: share(funnel.decided),
    actioned: share(funnel.actioned),
  };
}

function daysBetween(items: readonly IdeaItem[], from: IdeaStage, to: IdeaStage): DaysSummary {
  const days: number[] = [];
  for (const item of items) {
    const start = stageTime(item, from);
    const end = stageTime(item, to);
    if (start !== null && end !== null) days.push((Date.parse(end) - Date.parse(start)) / DAY_MS);
  }
  return { median: median(days), p90: p90(days), ideas: days.length };
}

/** Days from raised to each later stage. */
export function daysFromRaisedOf(items: readonly IdeaItem[]): Record<LaterStage, DaysSummary> {
  const from = (to: LaterStage): DaysSummary => daysBetween(items, 'raised', to);
  return {
    discussed: from('discussed'),
    endorsed: from('endorsed'),
    decided: from('decided'),
    actioned: from('actioned'),
  };
}

/** Days spent in each stage before reaching the next one. */
export function daysInStageOf(items: readonly IdeaItem[]): Record<OpenStage, DaysSummary> {
  const next = (stage: OpenStage): DaysSummary =>
    daysBetween(items, stage, IDEA_STAGES[IDEA_STAGES.indexOf(stage) + 1] ?? 'actioned');
  return { raised: next('raised'), discussed: next('discussed'), endorsed: next('endorsed'), decided: next('decided') };
}

/** Open (not actioned, not declined) ideas, oldest first, aged at `reference` (UTC ms). */
export function oldestOpenOf(items: readonly IdeaItem[], reference: number): OpenIdea[] {
  return items
    .filter((i) => i.actionedAt === null && !i.declined)
    .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id))
    .slice(0, OLDEST_OPEN_LIMIT)
    .map((i) => {
      const open: OpenIdea = {
        id: i.id,
        source: i.source,
        space: i.space,
        stage: i.stage,
        raisedAt: i.raisedAt,
        ageDays: (reference - Date.parse(i.raisedAt)) / DAY_MS,
        stalled: i.stalled,
      };
      if (i.title !== undefined) open.title = i.title;
      return open;
    });
}

/** Ideas grouped by `keyOf`, with the privacy threshold applied. */
export function breakdownOf(
  items: readonly IdeaItem[],
  keyOf: (i: IdeaItem) => { key: string | null; name: string },
  minGroupSize: number,
): IdeaBreakdown[] {
  const groups = new Map<string, { key: string | null; name: string; items: IdeaItem[] }>();
  for (const item of items) {
    const { key, name } = keyOf(item);
    const id = key === null ? '\u0000' : `k${key}`;
    const group = groups.get(id) ?? { key, name, items: [] };
    group.items.push(item);
    groups.set(id, group);
  }
  const rows = [...groups.values()].map(({ key, name, items: group }): IdeaBreakdown => {
    const authors = new Set(group.map((i) => i.author)).size;
    if (authors < minGroupSize)
      return { key, name, suppressed: true, authors: null, raised: null, decided: null, actioned: null };
    const decided = group.filter((i) => i.decidedAt !== null).length;
    const actioned = group.filter((i) => i.actionedAt !== null).length;
    return { key, name, suppressed: false, authors, raised: group.length, decided, actioned };
  });
  // Suppressed entries go last, by name, so their order does not hint at their size.
  return rows.sort(
    (a, b) =>
      Number(a.suppressed) - Number(b.suppressed) ||
      (b.raised ?? 0) - (a.raised ?? 0) ||
      a.name.localeCompare(b.name) ||
      (a.key ?? '').localeCompare(b.key ?? ''),
  );
}
