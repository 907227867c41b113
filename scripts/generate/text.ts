/**
 * Message text: placeholder rendering for each source's markup, and the phrase banks background
 * messages are built from. Background text never carries an idea, decision or action tag, an
 * `Idea:` prefix or a thread link, so only planted threads reach the ideas funnel.
 */
import type { Department } from './model.js';
import type { Rng } from './prng.js';

/** How a writer spells a mention and a topic. */
export interface Markup {
  mention(personKey: string): string;
  tag(name: string): string;
}

/** Replaces `{@key}` and `{#topic}` placeholders with a source's markup. */
export function renderText(text: string, markup: Markup): string {
  return text.replace(/\{([@#])([^{}]+)\}/g, (_m, kind: string, value: string) =>
    kind === '@' ? markup.mention(value) : markup.tag(value),
  );
}

const SUBJECTS: Record<Department, readonly string[]> = {
  Sales: [
    'the Q3 pricing sheet',
    'the partner discount matrix',
    'the Nordics pipeline review',
    'the demo tenant refresh',
    'the renewal forecast',
    'the trade fair booth plan',
    'the quote approval flow',
    'the CRM opportunity stages',
    'territory splits for Iberia',
    'commission statements',
    'lost-deal interviews',
    'reseller certification',
  ],
  Engineering: [
    'the staging database upgrade',
    'the flaky integration tests',
    'the API rate limits',
    'the release train calendar',
    'the mobile crash reports',
    'the code review checklist',
    'the build cache',
    'the feature flag cleanup',
    'Kubernetes node pools',
    'dependency licence scans',
    'the incident postmortem template',
    'TLS certificate rotation',
  ],
  Operations: [
    'the warehouse scanner rollout',
    'the forklift maintenance log',
    'the carrier contract renewal',
    'the night shift roster',
    'the returns dock layout',
    'the pallet labelling change',
    'the supplier audit',
    'the inventory count in Lyon',
    'cold storage temperature alarms',
    'customs paperwork for Norway',
    'packaging waste targets',
    'the loading bay cameras',
  ],
  Finance: [
    'the month-end close calendar',
    'the purchase order thresholds',
    'the travel expense policy',
    'the budget template for 2027',
    'the VAT filing for Poland',
    'the invoice scanning backlog',
    'the cost centre mapping',
    'the audit sample request',
    'currency hedging limits',
    'intercompany reconciliations',
    'capex approval forms',
    'supplier payment runs',
  ],
  HR: [
    'the parental leave FAQ',
    'the mentoring programme',
    'the hybrid work guidelines',
    'the job ladder for analysts',
    'the benefits enrolment window',
    'the summer intern cohort',
    'the wellbeing survey',
    'the exit interview form',
    'relocation allowances',
    'interview scorecards',
    'the learning budget',
    'works council elections',
  ],
  'Customer Success': [
    'the churn early-warning list',
    'the onboarding call script',
    'the support macro library',
    'the NPS follow-ups',
    'the escalation matrix',
    'the health score weights',
    'the renewal playbook for SMB',
    'the knowledge base search',
    'quarterly business reviews',
    'ticket tagging rules',
    'customer advisory board invites',
    'SLA breach reports',
  ],
};

const STARTERS: readonly ((s: string, n: number) => string)[] = [
  (s, n) => `Who maintains ${s}? I need a change before day ${n}.`,
  (s, n) => `Quick update: ${s} is about ${n * 3}% done.`,
  (s) => `Where is the latest version of ${s}?`,
  (s, n) => `Heads up: ${s} slips a week, ${n} people asked for time.`,
  (s) => `Has anyone compared ${s} with the Munich approach?`,
  (s, n) => `Reminder: feedback on ${s} is due on the ${n}th.`,
  (s) => `Can someone walk me through ${s}?`,
  (s, n) => `Lessons learned from ${s}, part ${n}.`,
  (s) => `Is ${s} still owned by the same team after the reorganisation?`,
  (s, n) => `We cut the time spent on ${s} to ${n} hours a week.`,
  (s) => `Looking for a volunteer to review ${s}.`,
  (s) => `Draft notes on ${s} are in the shared folder, comments welcome.`,
  (s, n) => `${n} open questions about ${s}.`,
  (s) => `Does ${s} apply to contractors as well?`,
];

const REPLIES: readonly string[] = [
  'Thanks, that helps a lot.',
  'I can take a look tomorrow morning.',
  'Same problem here, following.',
  'The owner moved teams; try asking in the weekly sync.',
  'There is a template for that in the shared drive.',
  'We did this last year, happy to share notes.',
  'Good point, added it to the agenda.',
  'I think the deadline moved, let me check.',
  'Works for us, no objections.',
  'Can you share the numbers behind this?',
  'Done on our side.',
  'Could we pair on it on Thursday?',
];

const FOLLOW_UPS: readonly string[] = [
  'Answering myself: found it in the archive.',
  'Update: sorted, thanks all.',
  'Bumping this one, still looking for help.',
];

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Word-set Jaccard above which two background starters count as too alike (small exports only). */
export const MAX_BACKGROUND_SIMILARITY = 0.6;

/**
 * Builds background message texts. With `unique` (small exports, where every pair is compared by
 * the redundancy metric), a starter is redrawn while it is too close to an earlier one, so that
 * the only near-duplicates across spaces are the planted ones. Share one factory between the
 * writers of one pilot.
 */
export class TextFactory {
  private readonly previous: Set<string>[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly unique: boolean,
  ) {}

  /** A thread starter about the department's work, ending in `suffix` (a topic, a private marker). */
  starter(department: Department, suffix = ''): string {
    const subjects = SUBJECTS[department];
    let text = '';
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const template = this.rng.pick(STARTERS);
      text = `${template(this.rng.pick(subjects), this.rng.int(2, 28))}${suffix}`;
      if (!this.unique) return text;
      const mine = words(text);
      if (this.previous.every((other) => jaccard(mine, other) <= MAX_BACKGROUND_SIMILARITY)) {
        this.previous.push(mine);
        return text;
      }
    }
    return text;
  }

  /** A reply by someone else. */
  reply(): string {
    return this.rng.pick(REPLIES);
  }

  /** A follow-up by the thread's own author. */
  followUp(): string {
    return this.rng.pick(FOLLOW_UPS);
  }
}
