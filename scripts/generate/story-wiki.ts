/**
 * The Aurora wiki: 15 pages with full history (~100 revisions) by named editors whose user names
 * link to people through people.csv aliases, two IP edits, a bot account, and the "Sales playbook"
 * page whose first revision links to the Yammer idea thread it came from (actioned evidence).
 */
import { DAY, HOUR, utc, type PageSpec, type RevisionSpec, type WikiContributor } from './model.js';
import type { Rng } from './prng.js';

/** Wiki user ids of the named editors (the bot is listed as a bot in people.csv). */
export const WIKI_USER_IDS: Readonly<Record<string, number>> = {
  OKovalenko: 2,
  JNunez: 3,
  MLindqvist: 4,
  AnaR: 5,
  SThompson: 6,
  WangWei: 7,
  'Aerin.S': 8,
  TBecker: 9,
  LBianchi: 10,
  PriyaR: 11,
  PMartin: 12,
  'Zoe.L': 13,
  AuroraBot: 14,
};

/** Yammer's web address of a thread: the link the ideas metric looks for. */
export function yammerThreadUrl(threadId: string): string {
  return `https://www.yammer.com/aurora.example/threads/${threadId}`;
}

interface PagePlan {
  title: string;
  ns: number;
  start: string;
  editors: readonly string[];
  revisions: number;
  /** Mean days between revisions. */
  every: number;
  /** Revision index -> IP address: an anonymous edit. */
  ip?: Readonly<Record<number, string>>;
  firstLine?: string;
}

function user(name: string): WikiContributor {
  const id = WIKI_USER_IDS[name];
  if (id === undefined) throw new Error(`story: unknown wiki user ${name}`);
  return { user: name, userId: id };
}

const COMMENTS: readonly string[] = [
  'Add section',
  'Update figures',
  'Fix typo',
  'Reword intro',
  'Add links',
  'Clarify owners',
  'Expand examples',
];

function build(plan: PagePlan, rng: Rng): PageSpec {
  const revisions: RevisionSpec[] = [];
  let at = utc(plan.start);
  let text = `${plan.firstLine ?? `'''${plan.title}''' is maintained by the Aurora pilot.`}\n`;
  for (let i = 0; i < plan.revisions; i += 1) {
    const ip = plan.ip?.[i];
    const editor = plan.editors[i % plan.editors.length] ?? 'OKovalenko';
    if (i > 0) text += `\n== Part ${i} ==\n${plan.title}: note ${i}, see [[Aurora pilot FAQ]] & ask in the group.\n`;
    const bot = editor === 'AuroraBot' && ip === undefined;
    revisions.push({
      at,
      contributor: ip !== undefined ? { ip } : user(editor),
      text,
      comment: i === 0 ? 'Created page' : bot ? 'Bot: normalise headings' : (COMMENTS[i % COMMENTS.length] ?? ''),
      minor: bot || i % 5 === 4,
    });
    at += Math.max(HOUR, Math.round(rng.exponential(plan.every * DAY) / 1000) * 1000);
    if (at >= utc('2026-10-31T12:00:00')) break;
  }
  return { title: plan.title, ns: plan.ns, revisions };
}

/** The wiki's pages; `playbookThreadId` is the Yammer id of the sales playbook idea thread. */
export function wikiStory(rng: Rng, playbookThreadId: string): PageSpec[] {
  const plans: PagePlan[] = [
    {
      title: 'Main Page',
      ns: 0,
      start: '2026-03-03T09:00:00',
      editors: ['OKovalenko', 'MLindqvist', 'PriyaR'],
      revisions: 8,
      every: 25,
    },
    {
      title: 'Aurora pilot FAQ',
      ns: 0,
      start: '2026-03-04T10:00:00',
      editors: ['OKovalenko', 'SThompson', 'JNunez', 'PriyaR'],
      revisions: 10,
      every: 20,
      ip: { 6: '192.0.2.44' },
    },
    {
      title: 'Sales playbook',
      ns: 0,
      start: '2026-05-12T08:00:00',
      editors: ['AnaR', 'TBecker', 'Zoe.L'],
      revisions: 12,
      every: 12,
      firstLine: `'''Sales playbook''': objections, pricing rules and demo scripts.\nOrigin: the idea thread ${yammerThreadUrl(playbookThreadId)}`,
    },
    {
      title: 'Onboarding checklist',
      ns: 0,
      start: '2026-04-14T09:00:00',
      editors: ['SThompson', 'OKovalenko'],
      revisions: 9,
      every: 18,
    },
    {
      title: 'On-call rotation (draft)',
      ns: 0,
      start: '2026-07-20T09:00:00',
      editors: ['PMartin'],
      revisions: 5,
      every: 6,
    },
    {
      title: 'Customer FAQ bot',
      ns: 0,
      start: '2026-05-02T09:00:00',
      editors: ['JNunez', 'PriyaR'],
      revisions: 6,
      every: 15,
    },
    {
      title: 'Release checklist',
      ns: 0,
      start: '2026-03-16T09:00:00',
      editors: ['MLindqvist', 'WangWei', 'Aerin.S'],
      revisions: 8,
      every: 22,
    },
    { title: 'Expense policy', ns: 0, start: '2026-04-01T09:00:00', editors: ['LBianchi'], revisions: 6, every: 30 },
    {
      title: 'Warehouse safety',
      ns: 0,
      start: '2026-03-18T09:00:00',
      editors: ['PMartin', 'OKovalenko'],
      revisions: 5,
      every: 35,
      ip: { 3: '2001:db8::7a' },
    },
    {
      title: 'Talk:Aurora pilot FAQ',
      ns: 1,
      start: '2026-03-20T09:00:00',
      editors: ['JNunez', 'OKovalenko'],
      revisions: 5,
      every: 30,
    },
    {
      title: 'User:OKovalenko',
      ns: 2,
      start: '2026-03-03T08:00:00',
      editors: ['OKovalenko'],
      revisions: 3,
      every: 60,
      firstLine: 'Олена Коваленко, Operations, Kyiv.',
    },
    {
      title: 'Glossary',
      ns: 0,
      start: '2026-04-20T09:00:00',
      editors: ['WangWei', 'AuroraBot', 'Aerin.S', 'AuroraBot', 'JNunez', 'AuroraBot'],
      revisions: 7,
      every: 20,
    },
    {
      title: 'Meeting notes/2026-06',
      ns: 0,
      start: '2026-06-05T09:00:00',
      editors: ['PriyaR', 'MLindqvist'],
      revisions: 4,
      every: 5,
    },
    {
      title: 'Hybrid work guidelines',
      ns: 0,
      start: '2026-03-25T09:00:00',
      editors: ['SThompson', 'LBianchi'],
      revisions: 6,
      every: 35,
    },
    {
      title: 'Support escalation matrix',
      ns: 0,
      start: '2026-04-07T09:00:00',
      editors: ['PriyaR', 'JNunez'],
      revisions: 6,
      every: 28,
    },
  ];
  return plans.map((plan) => build(plan, rng.fork(plan.title)));
}
