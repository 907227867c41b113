import { firstTag, type IdeaRule } from './detect.js';
import { IDEA_STAGES, type IdeaEvidence, type IdeaStage } from './result.js';

/**
 * Stage logic of one idea (spec §5). Decisions where the spec is silent:
 * - Discussed and endorsed count other persons only: the author's own replies and reactions never
 *   count. Decision and action tags count whoever writes them, the author included (a decision is a
 *   decision whoever writes it), and in the starter too: Yammer topics added to a thread later land
 *   on the starter, and the export does not say when, so they are dated at the starter.
 * - Endorsed is reached at the reply or reaction that brings the distinct other persons who replied
 *   or reacted to `endorseThreshold` (a threshold below 1 acts as 1).
 * - Reaching a stage reaches every earlier one (the funnel never grows): a stage's time is the
 *   earliest of its own first evidence and the time of any later stage, so a decision tag without
 *   prior discussion makes the idea discussed and endorsed at the decision, with `implied` evidence.
 * - Ledger rows and links are evidence like any other; the earliest evidence of a stage wins.
 *   `declined` (ledger only) closes the idea and leaves its stage unchanged.
 * - The last activity (for stalled) is the last thread activity or applied ledger row.
 */

/** One activity in an idea's thread, as the stage logic needs it. */
export interface ThreadMessage {
  activityId: string;
  /** `post`, `reply` or `reaction`. */
  kind: string;
  /** UTC milliseconds. */
  at: number;
  /** Person id of the actor. */
  person: string;
  /** The text when it may carry a stage tag (prefiltered in SQL), else null. */
  text: string | null;
}

/** What is known of an idea before its thread is read. */
export interface IdeaSeed {
  threadId: string;
  /** Person id of the starter's author. */
  author: string;
  /** UTC milliseconds of the starter. */
  raisedAt: number;
  rule: IdeaRule;
}

/** Evidence from outside the thread (a link elsewhere, a ledger row), with its time in ms. */
export interface OutsideEvidence {
  at: number;
  evidence: IdeaEvidence;
}

/** Normalized stage settings. */
export interface StageRules {
  decisionTags: ReadonlySet<string>;
  actionTags: ReadonlySet<string>;
  endorseThreshold: number;
}

/** Where one idea stands at the end of the period. */
export interface Progress {
  stage: IdeaStage;
  /** UTC ms each stage was reached (own evidence or implied), null when not reached. */
  reachedAt: Record<IdeaStage, number | null>;
  declinedAt: number | null;
  /** Evidence of each reached stage in stage order, then `declined`. */
  evidence: IdeaEvidence[];
  participants: number;
  lastActivityAt: number;
}

type Found = Partial<Record<IdeaStage | 'declined', OutsideEvidence>>;

/** Where an idea stands, from its thread's activities and evidence from outside the thread. */
export function progressOf(
  seed: IdeaSeed,
  messages: readonly ThreadMessage[],
  outside: readonly OutsideEvidence[],
  rules: StageRules,
): Progress {
  const found: Found = { raised: { at: seed.raisedAt, evidence: ruleEvidence(seed) } };
  const sorted = [...messages].sort((a, b) => a.at - b.at || a.activityId.localeCompare(b.activityId));
  const engaged = new Set<string>();
  const participants = new Set<string>([seed.author]);
  let lastActivityAt = seed.raisedAt;
  for (const m of sorted) {
    participants.add(m.person);
    lastActivityAt = Math.max(lastActivityAt, m.at);
    if (m.person !== seed.author && (m.kind === 'reply' || m.kind === 'reaction')) {
      engaged.add(m.person);
      if (m.kind === 'reply') keepFirst(found, 'discussed', m.at, inThread(m, 'discussed', 'reply'));
      if (engaged.size >= Math.max(1, rules.endorseThreshold)) {
        keepFirst(found, 'endorsed', m.at, { ...inThread(m, 'endorsed', 'engagement'), persons: engaged.size });
      }
    }
    if (m.kind !== 'reaction') noteTags(found, m, rules);
  }
  for (const o of outside) {
    keepFirst(found, o.evidence.stage, o.at, o.evidence);
    if (o.evidence.kind === 'ledger') lastActivityAt = Math.max(lastActivityAt, o.at);
  }
  return settle(found, participants.size, lastActivityAt);
}

function noteTags(found: Found, m: ThreadMessage, rules: StageRules): void {
  const decision = firstTag(m.text, rules.decisionTags);
  if (decision) keepFirst(found, 'decided', m.at, { ...inThread(m, 'decided', 'tag'), tag: decision });
  const action = firstTag(m.text, rules.actionTags);
  if (action) keepFirst(found, 'actioned', m.at, { ...inThread(m, 'actioned', 'tag'), tag: action });
}

/** Applies "reaching a stage reaches every earlier one" and lists the evidence. */
function settle(found: Found, participants: number, lastActivityAt: number): Progress {
  const reachedAt: Record<IdeaStage, number | null> = {
    raised: null,
    discussed: null,
    endorsed: null,
    decided: null,
    actioned: null,
  };
  const byStage = new Map<IdeaStage, IdeaEvidence>();
  let later: { at: number; stage: IdeaStage } | null = null;
  for (const stage of [...IDEA_STAGES].reverse()) {
    const own = found[stage];
    if (own && (later === null || own.at <= later.at)) {
      later = { at: own.at, stage };
      byStage.set(stage, own.evidence);
    } else if (later) {
      byStage.set(stage, {
        stage,
        at: new Date(later.at).toISOString(),
        kind: 'implied',
        activityId: null,
        person: null,
        impliedBy: later.stage,
      });
    }
    reachedAt[stage] = later?.at ?? null;
  }
  const evidence = IDEA_STAGES.flatMap((s) => byStage.get(s) ?? []);
  const declined = found.declined;
  if (declined) evidence.push(declined.evidence);
  const stage = [...IDEA_STAGES].reverse().find((s) => reachedAt[s] !== null) ?? 'raised';
  return { stage, reachedAt, declinedAt: declined?.at ?? null, evidence, participants, lastActivityAt };
}

function keepFirst(found: Found, stage: IdeaStage | 'declined', at: number, evidence: IdeaEvidence): void {
  const current = found[stage];
  if (!current || at < current.at) found[stage] = { at, evidence };
}

function inThread(m: ThreadMessage, stage: IdeaStage, kind: 'reply' | 'engagement' | 'tag'): IdeaEvidence {
  return { stage, at: new Date(m.at).toISOString(), kind, activityId: m.activityId, person: m.person };
}

function ruleEvidence(seed: IdeaSeed): IdeaEvidence {
  const base: IdeaEvidence = {
    stage: 'raised',
    at: new Date(seed.raisedAt).toISOString(),
    kind: 'rule',
    activityId: seed.threadId,
    person: seed.author,
    rule: seed.rule.rule,
  };
  return seed.rule.rule === 'tag' ? { ...base, tag: seed.rule.tag } : base;
}
