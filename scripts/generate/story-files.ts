/**
 * The two hand-kept files a champion would add beside the exports: people.csv (departments,
 * roles, aliases that link accounts without a shared e-mail) and ideas-ledger.csv (outcomes that
 * happened outside the tools), plus the list of planted ideas and the stage each should reach.
 */
import type { Person } from './model.js';
import { csvRow } from './output.js';
import { yammerThreadUrl } from './story-wiki.js';

/** Stages of spec §5, in order. */
export const STAGES = ['raised', 'discussed', 'endorsed', 'decided', 'actioned'] as const;
/** One stage of the ideas funnel. */
export type Stage = (typeof STAGES)[number];

/** A planted idea and what the story intends for it (checked against the evidence by facts.ts). */
export interface PlantedIdea {
  key: string;
  source: 'yammer' | 'slack';
  stage: Stage;
  stalled: boolean;
  declined: boolean;
  evidence: string;
}

function idea(
  key: string,
  source: 'yammer' | 'slack',
  stage: Stage,
  stalled: boolean,
  evidence: string,
  declined = false,
): PlantedIdea {
  return { key, source, stage, stalled, declined, evidence };
}

/** The 14 planted ideas. */
export const PLANTED_IDEAS: readonly PlantedIdea[] = [
  idea(
    'idea-onboarding-checklist',
    'yammer',
    'actioned',
    false,
    'HR group, "Idea:" prefix; #approved then #done replies (the ledger repeats it with a value)',
  ),
  idea(
    'idea-sales-playbook',
    'yammer',
    'actioned',
    false,
    'Sales group, #idea; no decision tag; the wiki page "Sales playbook" links to the thread',
  ),
  idea(
    'idea-lunch-and-learn',
    'yammer',
    'actioned',
    false,
    'All Company, #idea; #approved reply; actioned only through the ledger (evidence alone: decided)',
  ),
  idea('idea-expense-reminders', 'yammer', 'decided', false, 'Finance group, #idea; #planned reply by the sponsor'),
  idea(
    'idea-after-hours-ops',
    'yammer',
    'endorsed',
    true,
    'Operations group, Yammer topic [[tag:idea]]; 3 other repliers; half of the planted duplicate; last activity 2026-08-20',
  ),
  idea(
    'idea-customer-visits',
    'yammer',
    'endorsed',
    false,
    'Engineering group, #idea; 4 other repliers, a moderator first',
  ),
  idea(
    'idea-four-day-week',
    'yammer',
    'endorsed',
    false,
    'All Company, #idea; 4 other repliers; declined in the ledger',
    true,
  ),
  idea(
    'idea-standing-desks',
    'yammer',
    'discussed',
    true,
    'All Company, #idea; one other replier; last activity 2026-06-02',
  ),
  idea(
    'idea-champion-hour',
    'yammer',
    'discussed',
    false,
    'private group Aurora Champions (PRIVATE-MARKER-GROUP): title never shown',
  ),
  idea('idea-travel-tool', 'yammer', 'raised', true, 'All Company, "Idea:" prefix; no reply at all'),
  idea('idea-renewal-reminder', 'yammer', 'raised', true, 'Customer Success group, #idea; answered only by its author'),
  idea(
    'idea-faq-bot',
    'slack',
    'actioned',
    false,
    '#customer-success, "Idea:" prefix; #approved then #shipped; one reply is a thread_broadcast',
  ),
  idea(
    'idea-after-hours-cs',
    'slack',
    'endorsed',
    false,
    '#customer-success, #proposal; 2 repliers + 2 people reacting only (4 distinct); the other half of the duplicate',
  ),
  idea('idea-handbook-rotation', 'slack', 'raised', true, '#engineering, #suggestion; reactions only (2), no reply'),
];

/** One ledger row; `key` null is the row that matches no idea (reported, not dropped). */
export interface LedgerRow {
  key: string | null;
  /** How the row names its idea: the thread URL or the bare thread id. */
  ref: 'url' | 'id';
  stage: 'actioned' | 'declined' | 'decided';
  date: string;
  note: string;
  value: string;
}

/** The ledger's rows. */
export const LEDGER: readonly LedgerRow[] = [
  {
    key: 'idea-onboarding-checklist',
    ref: 'url',
    stage: 'actioned',
    date: '2026-04-30',
    note: 'Checklist in use; saves about two hours per new hire',
    value: '8000',
  },
  {
    key: 'idea-lunch-and-learn',
    ref: 'url',
    stage: 'actioned',
    date: '2026-09-17',
    note: 'First lunch-and-learn held, Finance presented',
    value: '1200',
  },
  {
    key: 'idea-four-day-week',
    ref: 'id',
    stage: 'declined',
    date: '2026-10-20',
    note: 'Declined by the leadership team: coverage risk in Operations, "maybe in 2027"',
    value: '',
  },
  {
    key: null,
    ref: 'url',
    stage: 'decided',
    date: '2026-06-01',
    note: 'Agreed in a meeting; no thread found',
    value: '',
  },
];

/** The thread id the unmatched ledger row points to: no message has it. */
export const UNMATCHED_THREAD_ID = '1999999999999999';

/** ideas-ledger.csv: `idea,stage,date,note,value`, UTF-8, CRLF. */
export function ledgerCsv(threadIds: ReadonlyMap<string, string>): string {
  const rows = LEDGER.map((row) => {
    const id = row.key === null ? UNMATCHED_THREAD_ID : threadIds.get(row.key);
    if (id === undefined) throw new Error(`story: ledger idea ${row.key ?? ''} was not written`);
    return csvRow([row.ref === 'url' ? yammerThreadUrl(id) : id, row.stage, row.date, row.note, row.value]);
  });
  return csvRow(['idea', 'stage', 'date', 'note', 'value']) + rows.join('');
}

/** people.csv: `email,name,department,role,aliases,since`; aliases separated by `;`. */
export function peopleCsv(people: readonly Person[], bot: { slackUserId: string; wikiUser: string }): string {
  const rows = people.map((p) => {
    const aliases = [
      p.wikiUser === null ? null : `mediawiki:${p.wikiUser}`,
      p.slackId !== null && !p.slackEmail ? `slack:${p.slackId}` : null,
    ];
    return csvRow([
      p.email,
      p.name,
      p.department,
      p.role ?? '',
      aliases.filter((a) => a !== null).join(';'),
      p.moderatorSince ?? '',
    ]);
  });
  const botRow = csvRow(['', 'Aurora Digest', '', 'bot', `slack:${bot.slackUserId};mediawiki:${bot.wikiUser}`, '']);
  return csvRow(['email', 'name', 'department', 'role', 'aliases', 'since']) + rows.join('') + botRow;
}
