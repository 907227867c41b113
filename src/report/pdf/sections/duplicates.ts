import type { Redundancy, RedundancyCluster, RedundantItem } from '../../../metrics/redundancy/index.js';
import { PRIVATE_SPACE_LABEL } from '../../../metrics/public-text.js';
import { formatCount, formatDate } from '../format.js';
import { NOTE, paragraph, subheading } from '../layout.js';
import { table } from '../table.js';
import { omittedPart, safeTitle } from './common.js';

/** Clusters the PDF lists; metrics.json keeps them all. */
const CLUSTERS_SHOWN = 8;

/**
 * Items listed per cluster; the rest read "and N more". A safety net: clusters are cliques of
 * near-duplicates and rarely grow past two or three, but a cluster of hundreds (an older
 * metrics.json, a pilot full of one bot's posts) must never fill pages.
 */
export const ITEMS_SHOWN = 4;

/** Duplicate-effort candidates: near-duplicate threads or pages in different spaces. */
export function duplicateEfforts(pdf: PDFKit.PDFDocument, redundancy: Redundancy | null, timeZone: string): void {
  if (!redundancy) return omittedPart(pdf, 'Duplicate-effort candidates', 'metrics.json holds no duplicate-effort figures.');
  subheading(pdf, `Duplicate-effort candidates (${formatCount(redundancy.clustersFound)})`);
  paragraph(pdf, `Near-duplicate texts in two or more spaces, among ${formatCount(redundancy.itemsCompared)} threads and wiki pages compared. ${redundancy.method} Candidates to check, not proof of duplicated work.`, NOTE);
  if (redundancy.clusters.length === 0) return paragraph(pdf, 'No candidate found.');
  table(pdf, {
    columns: [{ header: '#', width: 0.5 }, { header: 'Items (space: opening words)', width: 5.6 }, { header: 'Dates', width: 2.3 }, { header: 'People', width: 1.2, align: 'right' }, { header: 'Similarity', width: 1.6, align: 'right' }],
    rows: redundancy.clusters.slice(0, CLUSTERS_SHOWN).map((cluster, index) => [
      String(index + 1),
      `${itemLines(cluster)}\n${suggestion(cluster, timeZone)}`,
      `${formatDate(cluster.firstAt, timeZone)} – ${formatDate(cluster.lastAt, timeZone)}`,
      formatCount(cluster.people),
      // A range of one value (a pair) is that value.
      cluster.similarity.min.toFixed(2) === cluster.similarity.max.toFixed(2) ? cluster.similarity.min.toFixed(2) : `${cluster.similarity.min.toFixed(2)}–${cluster.similarity.max.toFixed(2)}`,
    ]),
  });
}

/**
 * One line a sponsor can act on: who to connect, and where the effort started first (so the
 * later one can join it rather than start over).
 */
export function suggestion(cluster: RedundancyCluster, timeZone: string): string {
  const byStart = [...cluster.items].sort((a, b) => (a.firstAt < b.firstAt ? -1 : a.firstAt > b.firstAt ? 1 : 0));
  const first = byStart[0];
  const people = cluster.people === 1 ? 'the person' : `the ${formatCount(cluster.people)} people`;
  const started = first ? `${spaceLabel(first.space)} on ${formatDate(first.firstAt, timeZone)}` : '—';
  return `Suggestion: connect ${people} behind this in ${spacesText(byStart)}; it started first in ${started}, so later efforts can join it.`;
}

/**
 * The spaces of a cluster, in order of their first item: named ones by name, private ones
 * counted (their names never appear, and several of them must not collapse into one label).
 */
function spacesText(items: readonly RedundantItem[]): string {
  const bySpace = new Map(items.map((item) => [item.spaceId, item.space]));
  const named = [...bySpace.values()].filter((name) => name !== PRIVATE_SPACE_LABEL);
  const hidden = bySpace.size - named.length;
  const parts = hidden === 0 ? named : [...named, hidden === 1 ? 'a private space' : `${formatCount(hidden)} private spaces`];
  if (parts.length > 3) return `${parts.slice(0, 3).join(', ')} and ${formatCount(bySpace.size - 3)} more spaces`;
  return parts.length === 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

function spaceLabel(space: string): string {
  return space === PRIVATE_SPACE_LABEL ? 'a private space' : space;
}

/** The first ITEMS_SHOWN items, one a line, then how many more metrics.json lists. */
export function itemLines(cluster: RedundancyCluster): string {
  const lines = cluster.items.slice(0, ITEMS_SHOWN).map(itemLine);
  const more = cluster.items.length - ITEMS_SHOWN;
  if (more > 0) lines.push(`and ${formatCount(more)} more, listed in metrics.json`);
  return lines.join('\n');
}

function itemLine(item: RedundantItem): string {
  const what = item.kind === 'wikiPage' ? 'wiki page' : 'thread';
  return `${item.space}: ${safeTitle(item.space, item.title, `(${what} in a private space)`)}`;
}
