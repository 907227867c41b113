import type {
  CrossPost,
  Redundancy,
  RedundancyAction,
  RedundancyCluster,
  RedundantItem,
} from '../../../metrics/redundancy/index.js';
import { PRIVATE_SPACE_LABEL } from '../../../metrics/public-text.js';
import { formatCount, formatDate, formatDays, formatDuration } from '../format.js';
import { bulletList, NOTE, paragraph, subheading } from '../layout.js';
import { measureText } from '../rich-text.js';
import { table } from '../table.js';
import { CONTENT_WIDTH, SPACE } from '../theme.js';
import { omittedPart, safeTitle } from './common.js';

/** Points of a table's header and first row, kept on the page with the section's title. */
const TABLE_START = 70;

/** Clusters the PDF lists; metrics.json keeps them all. */
const CLUSTERS_SHOWN = 8;

/**
 * Items listed per cluster; the rest read "and N more". A safety net: clusters are cliques of
 * near-duplicates and rarely grow past two or three, but a cluster of hundreds (an older
 * metrics.json, a pilot full of one bot's posts) must never fill pages.
 */
export const ITEMS_SHOWN = 4;

/** Cross-post groups the PDF lists; metrics.json keeps more. */
const CROSS_POSTS_SHOWN = 5;

/**
 * Duplicate-effort candidates: posts by two or more people raising the same thing, each with why
 * it matched, the time between, what each side drew, and what to do; then one person's
 * cross-posts, apart (a moderator's matter, not a duplicate effort).
 */
export function duplicateEfforts(pdf: PDFKit.PDFDocument, redundancy: Redundancy | null, timeZone: string): void {
  if (!redundancy)
    return omittedPart(pdf, 'Duplicate-effort candidates', 'metrics.json holds no duplicate-effort figures.');
  const left = redundancy.templatesLeftOut;
  const templates =
    left === 0
      ? ''
      : ` ${formatCount(left)} ${left === 1 ? 'post was' : 'posts were'} left out as recurring templates.`;
  const intro = `Among ${formatCount(redundancy.itemsCompared)} threads and wiki pages compared. ${redundancy.method}${templates} Candidates to check, not proof of duplicated work.`;
  // The title and its note stay with the table's first rows: a title alone at a page's foot reads as an empty section.
  const keepWith = measureText(pdf, intro, CONTENT_WIDTH, NOTE) + SPACE.paragraphGap + TABLE_START;
  subheading(pdf, `Duplicate-effort candidates (${formatCount(redundancy.clustersFound)})`, keepWith);
  paragraph(pdf, intro, NOTE);
  if (redundancy.clusters.length === 0) paragraph(pdf, 'No candidate found.');
  else {
    table(pdf, {
      columns: [
        { header: '#', width: 0.5 },
        { header: 'Items (space: opening words, replies), why, what to do', width: 6.6 },
        { header: 'Dates', width: 2.3 },
        { header: 'People', width: 1.0, align: 'right' },
        { header: 'Replies', width: 1.0, align: 'right' },
      ],
      rows: redundancy.clusters
        .slice(0, CLUSTERS_SHOWN)
        .map((cluster, index) => [
          String(index + 1),
          `${itemLines(cluster)}\n${reasonLine(cluster)}\n${suggestion(cluster, timeZone)}`,
          `${formatDate(cluster.firstAt, timeZone)} – ${formatDate(cluster.lastAt, timeZone)}\n${gapText(cluster.gapDays)} apart`,
          formatCount(cluster.people),
          formatCount(cluster.responses),
        ]),
    });
  }
  crossPosts(pdf, redundancy);
}

/** Why the items were matched: the rare words they share (hidden for a private space). */
export function reasonLine(cluster: RedundancyCluster): string {
  // metrics.json already leaves them out for a private space; an edited or older file might not.
  const hidden = cluster.items.some((item) => item.space === PRIVATE_SPACE_LABEL);
  if (cluster.sharedTerms.length === 0 || hidden)
    return 'Why: they share rare words (not shown: a private space is involved).';
  return `Why: both use the rare words ${cluster.sharedTerms.map((t) => `“${t}”`).join(', ')}.`;
}

function gapText(days: number): string {
  return days < 1 ? 'under a day' : formatDays(Math.round(days));
}

/** One person's copies in other spaces: listed apart, for moderators. */
function crossPosts(pdf: PDFKit.PDFDocument, redundancy: Redundancy): void {
  // Keep the heading with its note and first lines rather than alone at the foot of a page.
  subheading(pdf, `Cross-posts (${formatCount(redundancy.crossPostsFound)})`, 90);
  paragraph(
    pdf,
    'One person posting the same text to several spaces. Useful to moderators (where should it live?); never counted as a duplicate effort.',
    NOTE,
  );
  if (redundancy.crossPosts.length === 0) return paragraph(pdf, 'No cross-post found.');
  bulletList(pdf, redundancy.crossPosts.slice(0, CROSS_POSTS_SHOWN).map(crossPostLine));
  const more = redundancy.crossPostsFound - Math.min(CROSS_POSTS_SHOWN, redundancy.crossPosts.length);
  if (more > 0)
    paragraph(
      pdf,
      `and ${formatCount(more)} more (metrics.json lists up to ${formatCount(redundancy.crossPosts.length)}).`,
      NOTE,
    );
}

function crossPostLine(post: CrossPost): string {
  const who = post.person.name ?? 'One person';
  const where = spacesText(post.items);
  const first = post.items[0];
  const title = first ? safeTitle(first.space, first.title, '(in a private space)') : '';
  const gap =
    post.gapMinutes < 60
      ? formatDuration(Math.round(post.gapMinutes), 'minutes')
      : post.gapMinutes < 2880
        ? formatDuration(Math.round(post.gapMinutes / 60), 'hours')
        : formatDays(Math.round(post.gapMinutes / 1440));
  return `${who} in ${where}, ${gap} apart: ${title}`;
}

const ACTION_TEXT: Record<RedundancyAction, string> = {
  linkThreads: 'link the two threads, so that whoever finds one finds the other',
  mergeThreads: 'merge the two threads, or link them both ways: each holds part of the answer',
  writeFaq: 'write an FAQ or wiki page: the same thing keeps coming back',
  pointToPage: 'point the threads to the wiki page and keep it current',
};

/**
 * One line a sponsor can act on: what to do, who to connect, and where the effort started first
 * (so the later one can join it rather than start over).
 */
export function suggestion(cluster: RedundancyCluster, timeZone: string): string {
  const byStart = [...cluster.items].sort((a, b) => (a.firstAt < b.firstAt ? -1 : a.firstAt > b.firstAt ? 1 : 0));
  const first = byStart[0];
  const started = first ? `${spaceLabel(first.space)} on ${formatDate(first.firstAt, timeZone)}` : '—';
  return `Suggestion: ${ACTION_TEXT[cluster.action]}; connect the ${formatCount(cluster.people)} people behind it in ${spacesText(byStart)} (it started first in ${started}).`;
}

/**
 * The spaces of a cluster, in order of their first item: named ones by name, private ones
 * counted (their names never appear, and several of them must not collapse into one label).
 */
function spacesText(items: readonly RedundantItem[]): string {
  const bySpace = new Map(items.map((item) => [item.spaceId, item.space]));
  const named = [...bySpace.values()].filter((name) => name !== PRIVATE_SPACE_LABEL);
  const hidden = bySpace.size - named.length;
  const parts =
    hidden === 0 ? named : [...named, hidden === 1 ? 'a private space' : `${formatCount(hidden)} private spaces`];
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
  const drew =
    item.kind === 'wikiPage'
      ? `${formatCount(item.responses)} later revisions`
      : item.responses === 1
        ? '1 reply'
        : `${formatCount(item.responses)} replies`;
  return `${item.space}: ${safeTitle(item.space, item.title, `(${what} in a private space)`)} (${drew})`;
}
