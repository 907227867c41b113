/**
 * The expected headline numbers of the sample pilot, counted from what the generator planted and
 * wrote, with a small reference reading of spec §5 for the planted ideas (so a wrong story fails a
 * test instead of shipping wrong expectations in fixtures/README.md).
 */
import { PILOT_END } from './calendar.js';
import type { MediaWikiDumpResult } from './mediawiki-writer.js';
import { DAY, type PageSpec, type ThreadSpec } from './model.js';
import type { ExportStats } from './stats.js';
import { LEDGER, PLANTED_IDEAS, STAGES, type Stage } from './story-files.js';

/** Numbers of one message export (arrays and sets reduced to counts and medians). */
export type SourceFacts = Omit<ExportStats, 'firstResponseHours' | 'contributors'> & { contributors: number };

/** What the evidence in the files says about one planted idea. */
export interface IdeaFact {
  key: string;
  /** The starter's activity id as the adapters spell it: `yammer:<id>` or `slack:<channel id>:<ts>`. */
  activityId: string;
  source: 'yammer' | 'slack';
  space: string;
  isPrivate: boolean;
  stage: Stage;
  stalled: boolean;
  declined: boolean;
  raisedAt: string;
  decidedAt: string | null;
  actionedAt: string | null;
}

/** Inputs of the ideas reading: the planted threads and what links to them. */
export interface IdeaEvidence {
  threads: ReadonlyMap<string, ThreadSpec>;
  /** Yammer thread URL of each planted Yammer thread key (what wiki pages and the ledger link to). */
  urls: ReadonlyMap<string, string>;
  /** Activity id of each planted thread's starter. */
  activityIds: ReadonlyMap<string, string>;
  pages: readonly PageSpec[];
}

const DECISION = /#(approved|accepted|decision|planned)\b/i;
const ACTION = /#(done|implemented|shipped|launched)\b/i;

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z');
}

function firstAt(thread: ThreadSpec, test: RegExp): number | null {
  return thread.posts.find((p) => p.deleted === undefined && test.test(p.text))?.at ?? null;
}

function linkedAt(url: string | undefined, pages: readonly PageSpec[]): number | null {
  if (url === undefined) return null;
  const times = pages.flatMap((page) => page.revisions.filter((r) => r.text.includes(url)).map((r) => r.at));
  return times.length === 0 ? null : Math.min(...times);
}

function ledgerAt(key: string, stage: 'actioned' | 'declined'): number | null {
  const row = LEDGER.find((r) => r.key === key && r.stage === stage);
  return row === undefined ? null : Date.parse(`${row.date}T00:00:00Z`);
}

function minOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.min(...present);
}

/** Reads one planted idea the way spec §5 defines its stage, from its thread, the wiki and the ledger. */
export function readIdea(key: string, evidence: IdeaEvidence): IdeaFact {
  const thread = evidence.threads.get(key);
  const starter = thread?.posts[0];
  const planted = PLANTED_IDEAS.find((i) => i.key === key);
  if (thread === undefined || starter === undefined || planted === undefined)
    throw new Error(`facts: no planted idea ${key}`);
  const live = thread.posts.filter((p) => p.deleted === undefined);
  const others = new Set<string>();
  for (const post of live) {
    if (post !== starter && post.author !== starter.author) others.add(post.author.key);
    for (const r of post.reactions ?? []) for (const p of r.by) if (p !== starter.author) others.add(p.key);
  }
  const discussed = live.slice(1).some((p) => p.author !== starter.author);
  const decidedAt = firstAt(thread, DECISION);
  const actionedAt = minOf([
    firstAt(thread, ACTION),
    linkedAt(evidence.urls.get(key), evidence.pages),
    ledgerAt(key, 'actioned'),
  ]);
  const reached = [true, discussed, others.size >= 3, decidedAt !== null, actionedAt !== null];
  const stage = STAGES[reached.lastIndexOf(true)] ?? 'raised';
  const lastActivity = Math.max(...live.map((p) => p.at));
  return {
    key,
    activityId: evidence.activityIds.get(key) ?? '',
    source: planted.source,
    space: thread.space.name,
    isPrivate: thread.space.kind === 'private',
    stage,
    stalled: actionedAt === null && lastActivity < PILOT_END - 30 * DAY,
    declined: ledgerAt(key, 'declined') !== null,
    raisedAt: iso(starter.at) ?? '',
    decidedAt: iso(decidedAt),
    actionedAt: iso(actionedAt),
  };
}

/** The ideas funnel: each idea counts in its stage and every earlier one. */
export function funnel(ideas: readonly IdeaFact[]): Record<Stage, number> {
  const counts = { raised: 0, discussed: 0, endorsed: 0, decided: 0, actioned: 0 };
  for (const idea of ideas) for (const stage of STAGES.slice(0, STAGES.indexOf(idea.stage) + 1)) counts[stage] += 1;
  return counts;
}

/** Median as spec §2 defines it (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

/** Drops the arrays of an ExportStats, keeping counts. */
export function sourceFacts(stats: ExportStats): SourceFacts {
  const { firstResponseHours: _f, contributors, ...counts } = stats;
  return { ...counts, contributors: contributors.size };
}

/** Observational moderation figures over the answered threads of both message sources. */
export interface ModerationFacts {
  answered: number;
  firstResponsesByModerators: number;
  moderatorFirstResponseShare: number;
  medianHoursModerators: number | null;
  medianHoursOthers: number | null;
}

/** Moderation figures from the writers' first-response lists. */
export function moderationFacts(all: readonly ExportStats[]): ModerationFacts {
  const mods = all.flatMap((s) => s.firstResponseHours.moderator);
  const others = all.flatMap((s) => s.firstResponseHours.other);
  const answered = mods.length + others.length;
  const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);
  return {
    answered,
    firstResponsesByModerators: mods.length,
    moderatorFirstResponseShare: answered === 0 ? 0 : Math.round((mods.length / answered) * 1000) / 1000,
    medianHoursModerators: round(median(mods)),
    medianHoursOthers: round(median(others)),
  };
}

/** Word-set Jaccard similarity of two texts (words of 3+ letters), as a rough duplicate measure. */
export function wordJaccard(a: string, b: string): number {
  const words = (t: string): Set<string> => new Set(t.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
  const wa = words(a);
  const wb = words(b);
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return Math.round((shared / (wa.size + wb.size - shared)) * 100) / 100;
}

/** Everything fixtures/README.md states about the sample pilot. */
export interface PilotFacts {
  period: { since: string; until: string };
  people: {
    roster: number;
    onYammer: number;
    onSlack: number;
    slackWithoutEmail: number;
    wikiEditors: number;
    moderators: string[];
    sponsor: string;
  };
  yammer: SourceFacts;
  slack: SourceFacts & { dayFiles: number };
  wiki: MediaWikiDumpResult & { botRevisions: number };
  /** Distinct persons with a contribution in any source (wiki editors resolved through aliases). */
  contributors: number;
  ideas: {
    funnel: Record<Stage, number>;
    stalled: number;
    declined: number;
    ledgerRows: number;
    ledgerUnmatched: number;
    items: IdeaFact[];
  };
  moderation: ModerationFacts;
  duplicates: { planted: [string, string]; similarity: number; negative: [string, string]; negativeSimilarity: number };
}
