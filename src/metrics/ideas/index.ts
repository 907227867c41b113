import { publicTitle, shownSpace } from '../public-text.js';
import type { Query } from '../../model/query.js';
import type { MetricContext } from '../types.js';
import { departmentLabel } from '../uncertainty/survival.js';
import {
  ideaRules,
  matchIdeaRule,
  normalizeTags,
  spaceKey,
  tagPrefilter,
  type IdeaRule,
  type IdeaRules,
} from './detect.js';
import { applyLedger, ledgerKey, type LedgerOutcome, type LedgerRow, type LedgerTarget } from './ledger.js';
import { resolveThread, type ThreadLinkParser } from './links.js';
import {
  allSpaces,
  candidateStarters,
  ideaThreadActivities,
  linkingActivities,
  threadsOfActivities,
  type StarterRow,
} from './queries.js';
import type { IdeaItem, Ideas } from './result.js';
import {
  progressOf,
  type IdeaSeed,
  type OutsideEvidence,
  type Progress,
  type StageRules,
  type ThreadMessage,
} from './stages.js';
import { breakdownOf, conversionOf, daysFromRaisedOf, daysInStageOf, funnelOf, oldestOpenOf } from './summary.js';

export type * from './result.js';
export { IDEA_STAGES } from './result.js';
export type { LedgerRow, LedgerStage } from './ledger.js';

const DAY_MS = 86_400_000;

/** A thread whose starter matched an idea rule. */
interface Candidate {
  seed: IdeaSeed;
  row: StarterRow;
}

/**
 * Ideas, from idea to action (spec §5), over ideas raised in the period `[since, until)`.
 *
 * Decisions where the spec is silent (more in detect.ts, links.ts, stages.ts, ledger.ts and
 * summary.ts):
 * - Only message threads are ideas (a `post` that starts its thread); wiki pages are not, though
 *   their revisions' links are action evidence.
 * - Stages are as of the period end: evidence at or after `until` is not used, so a report on a
 *   past month does not show what happened later.
 * - Stalled is judged at the period end, or at `asOf` when that comes first; ages in
 *   `oldestOpen` are measured at the same instant.
 * - A link only counts from another thread (or a wiki revision), by anyone, and not before the
 *   idea was raised.
 * - `author` is a person id; `authorName` and `department` come from the persons table.
 */
export async function computeIdeas(
  query: Query,
  ctx: MetricContext,
  ledger: readonly LedgerRow[],
  threadLink: ThreadLinkParser,
): Promise<Ideas> {
  const since = Date.parse(ctx.period.since);
  const until = Date.parse(ctx.period.until);
  const all = await findIdeas(query, ideaRules(ctx.config));
  const inPeriod = all.filter((c) => c.seed.raisedAt >= since && c.seed.raisedAt < until);
  const stageRules: StageRules = {
    decisionTags: normalizeTags(ctx.config.decisionTags),
    actionTags: normalizeTags(ctx.config.actionTags),
    endorseThreshold: ctx.config.endorseThreshold,
  };
  const stageTags = new Set([...stageRules.decisionTags, ...stageRules.actionTags]);
  const rows = await ideaThreadActivities(
    query,
    inPeriod.map((c) => c.seed.threadId),
    tagPrefilter(stageTags),
    ctx.period.until,
  );
  const messages = new Map<string, ThreadMessage[]>();
  const threadOf = new Map<string, string>(inPeriod.map((c) => [c.seed.threadId, c.seed.threadId]));
  for (const r of rows) {
    threadOf.set(r.activity_id, r.thread_id);
    const list = messages.get(r.thread_id) ?? [];
    list.push({
      activityId: r.activity_id,
      kind: r.kind,
      at: Date.parse(r.occurred_at),
      person: r.person_id,
      text: r.text,
    });
    messages.set(r.thread_id, list);
  }
  const raisedAt = new Map(inPeriod.map((c) => [c.seed.threadId, c.seed.raisedAt]));
  const links = await linkEvidence(query, ctx, threadLink, threadOf, raisedAt);
  const fromLedger = await matchLedger(query, ledger, all, threadOf, ctx, threadLink);
  const reference = Math.min(Date.parse(ctx.asOf), until);
  const items = inPeriod.map((c) => {
    const outside = [...(links.get(c.seed.threadId) ?? []), ...(fromLedger.evidence.get(c.seed.threadId) ?? [])];
    const progress = progressOf(c.seed, messages.get(c.seed.threadId) ?? [], outside, stageRules);
    return itemOf(c, progress, reference - ctx.config.stallDays * DAY_MS);
  });
  return assemble(items, fromLedger, reference, ctx.config.minGroupSize);
}

/** Every thread in the dataset whose starter matches an idea rule, oldest first. */
async function findIdeas(query: Query, rules: IdeaRules): Promise<Candidate[]> {
  const spaces = await allSpaces(query);
  const spaceIds = spaces
    .filter((s) => rules.ideaSpaces.has(spaceKey(s.name)) || rules.ideaSpaces.has(spaceKey(s.space_id)))
    .map((s) => s.space_id);
  const rows = await candidateStarters(query, tagPrefilter(rules.ideaTags), spaceIds);
  const out: Candidate[] = [];
  for (const row of rows) {
    const rule: IdeaRule | null = matchIdeaRule(
      { text: row.text, title: row.title, spaceId: row.space_id, spaceName: row.space_name },
      rules,
    );
    if (rule)
      out.push({
        seed: { threadId: row.activity_id, author: row.person_id, raisedAt: Date.parse(row.occurred_at), rule },
        row,
      });
  }
  return out;
}

/**
 * Action evidence from links: the first activity in another thread (or a wiki revision) in the
 * period that links to each idea's thread or one of its messages, not before the idea was raised.
 */
async function linkEvidence(
  query: Query,
  ctx: MetricContext,
  threadLink: ThreadLinkParser,
  threadOf: ReadonlyMap<string, string>,
  raisedAt: ReadonlyMap<string, number>,
): Promise<Map<string, OutsideEvidence[]>> {
  const out = new Map<string, OutsideEvidence[]>();
  if (raisedAt.size === 0) return out;
  for (const row of await linkingActivities(query, ctx.period.since, ctx.period.until)) {
    const at = Date.parse(row.occurred_at);
    for (const link of row.links.split(/\s+/)) {
      const ref = threadLink(link);
      const thread = ref ? resolveThread(ref, threadOf) : null;
      const raised = thread === null ? undefined : raisedAt.get(thread);
      // Rows arrive oldest first, so the first link found per idea is its first evidence.
      if (thread === null || raised === undefined || thread === row.thread_id || at < raised || out.has(thread))
        continue;
      out.set(thread, [
        {
          at,
          evidence: {
            stage: 'actioned',
            at: new Date(at).toISOString(),
            kind: 'link',
            activityId: row.activity_id,
            person: row.person_id,
            link,
          },
        },
      ]);
    }
  }
  return out;
}

/** Resolves what ledger rows name (links to replies may need a lookup) and applies them. */
async function matchLedger(
  query: Query,
  ledger: readonly LedgerRow[],
  all: readonly Candidate[],
  threadOf: ReadonlyMap<string, string>,
  ctx: MetricContext,
  threadLink: ThreadLinkParser,
): Promise<LedgerOutcome> {
  const ideaIds = all.map((c) => c.seed.threadId);
  const known = new Set([...ideaIds, ...threadOf.keys()]);
  const unknown = ledger.flatMap((r) => {
    const named = ledgerKey(r.idea, ideaIds, threadLink);
    return 'key' in named && !known.has(named.key) ? [named.key] : [];
  });
  const looked = await threadsOfActivities(query, [...new Set(unknown)].sort());
  const since = Date.parse(ctx.period.since);
  const until = Date.parse(ctx.period.until);
  const ideas = new Map<string, LedgerTarget>(
    all.map((c) => [
      c.seed.threadId,
      {
        raisedAt: c.seed.raisedAt,
        inPeriod: c.seed.raisedAt >= since && c.seed.raisedAt < until,
        isPrivate: c.row.is_private,
      },
    ]),
  );
  return applyLedger(ledger, {
    threadOf: new Map([...threadOf, ...looked]),
    ideas,
    ideaIds,
    until,
    timeZone: ctx.period.timeZone,
    threadLink,
  });
}

function itemOf(c: Candidate, p: Progress, stalledBefore: number): IdeaItem {
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
  const { row } = c;
  const item: IdeaItem = {
    id: c.seed.threadId,
    source: row.source,
    spaceId: row.space_id,
    space: shownSpace(row.is_private, row.space_name),
    author: c.seed.author,
    authorName: row.author_name,
    department: row.department,
    stage: p.stage,
    declined: p.declinedAt !== null,
    stalled: p.reachedAt.actioned === null && p.declinedAt === null && p.lastActivityAt <= stalledBefore,
    raisedAt: new Date(c.seed.raisedAt).toISOString(),
    discussedAt: iso(p.reachedAt.discussed),
    endorsedAt: iso(p.reachedAt.endorsed),
    decidedAt: iso(p.reachedAt.decided),
    actionedAt: iso(p.reachedAt.actioned),
    declinedAt: iso(p.declinedAt),
    lastActivityAt: new Date(p.lastActivityAt).toISOString(),
    participants: p.participants,
    evidence: p.evidence,
  };
  const title = publicTitle(row.is_private, row.text ?? row.title);
  if (title !== undefined) item.title = title;
  return item;
}

function assemble(items: IdeaItem[], ledger: LedgerOutcome, reference: number, minGroupSize: number): Ideas {
  const funnel = funnelOf(items);
  const daysFromRaised = daysFromRaisedOf(items);
  return {
    funnel,
    conversion: conversionOf(funnel),
    medianDaysToDecision: daysFromRaised.decided.median,
    medianDaysToAction: daysFromRaised.actioned.median,
    daysFromRaised,
    daysInStage: daysInStageOf(items),
    stalled: items.filter((i) => i.stalled).length,
    declined: items.filter((i) => i.declined).length,
    open: items.filter((i) => i.actionedAt === null && !i.declined).length,
    oldestOpen: oldestOpenOf(items, reference),
    bySpace: breakdownOf(items, (i) => ({ key: i.spaceId, name: i.space }), minGroupSize),
    byDepartment: breakdownOf(items, (i) => departmentLabel(i.department), minGroupSize),
    ledgerValue: ledger.value,
    ledgerValues: ledger.values,
    ledgerUnmatched: ledger.misses,
    items,
  };
}
