/**
 * The section's entries from the rows of the shown groups: a cluster of duplicate efforts (with
 * its gap, discussion and suggested action) or one person's cross-posts, each item as a reader
 * sees it (private spaces and titles hidden).
 */

import { publicTitle, shownSpace } from '../public-text.js';
import type { ItemRow } from './queries.js';
import type { CrossPost, RedundancyAction, RedundancyCluster, RedundantItem } from './result.js';

/** A kept group of item indexes and the rareShare range of its pairs. */
export interface RankedGroup {
  group: number[];
  similarity: { min: number; max: number };
}

/** The rows of a group, in order of first instant (then id). */
function rowsIn(group: readonly number[], rows: ReadonlyMap<number, ItemRow>): ItemRow[] {
  const found = group.flatMap((i) => {
    const row = rows.get(i);
    return row ? [row] : [];
  });
  return found.sort((a, b) => byId(a.first_at, b.first_at) || byId(a.item_id, b.item_id));
}

export function clusterOf(
  { group, similarity }: RankedGroup,
  rows: ReadonlyMap<number, ItemRow>,
  names: ReadonlyMap<string, string | null>,
  terms: string[],
): RedundancyCluster {
  const shown = rowsIn(group, rows);
  const items = shown.map((r) => itemOf(r, names));
  const firstAt = shown[0]?.first_at ?? '';
  const lastAt = shown.at(-1)?.first_at ?? '';
  return {
    items,
    spaces: new Set(shown.map((r) => r.space_id)).size,
    people: new Set(shown.map((r) => r.author)).size,
    firstAt,
    lastAt,
    gapDays: Math.floor((Date.parse(lastAt) - Date.parse(firstAt)) / 86_400_000),
    similarity,
    sharedTerms: shown.some((r) => r.is_private) ? [] : terms,
    responses: items.reduce((sum, item) => sum + item.responses, 0),
    action: actionOf(items),
  };
}

/**
 * What to suggest: a wiki page among the items is where the answer belongs; three or more
 * raisings call for an FAQ; two discussed threads hold two halves of one answer (merge); else the
 * undiscussed one only needs a link to the other.
 */
export function actionOf(items: readonly RedundantItem[]): RedundancyAction {
  if (items.some((item) => item.kind === 'wikiPage')) return 'pointToPage';
  if (items.length >= 3) return 'writeFaq';
  return items.every((item) => item.responses > 0) ? 'mergeThreads' : 'linkThreads';
}

export function crossPostOf(
  group: readonly number[],
  rows: ReadonlyMap<number, ItemRow>,
  names: ReadonlyMap<string, string | null>,
): CrossPost[] {
  const shown = rowsIn(group, rows);
  const personId = shown[0]?.author;
  if (personId === undefined) return [];
  const gap = Date.parse(shown.at(-1)?.first_at ?? '') - Date.parse(shown[0]?.first_at ?? '');
  return [
    {
      person: { id: String(personId), name: names.get(String(personId)) ?? null },
      items: shown.map((r) => itemOf(r, names)),
      gapMinutes: Math.round(gap / 60_000),
    },
  ];
}

export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function itemOf(r: ItemRow, names: ReadonlyMap<string, string | null>): RedundantItem {
  const item: RedundantItem = {
    id: r.item_id,
    kind: r.kind,
    spaceId: r.space_id,
    space: shownSpace(r.is_private, r.space_name),
    firstAt: r.first_at,
    lastAt: r.last_at,
    people: r.people.map((id) => ({ id: String(id), name: names.get(String(id)) ?? null })),
    responses: r.responses,
    responders: r.responders,
  };
  const title = publicTitle(r.is_private, r.title ?? r.body);
  if (title !== undefined) item.title = title;
  return item;
}
