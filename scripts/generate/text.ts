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

/**
 * Second and third sentences of a starter (sample pilot only): where the subject came up and one
 * specific about it. A real post says more than its subject; two posts on one subject with
 * another intent then share the subject's words and little else, as in real exports (issue 20:
 * the sample's 5 false duplicate efforts were bare one-line posts on one subject). Each sentence
 * has its own words, none of them an idea tag, a question mark or an interrogative opening.
 */
const ORIGINS: readonly string[] = [
  'This came up in the Lyon site review.',
  'Asked on behalf of the Porto night team.',
  'Our Gdansk colleagues raised it last week.',
  'It touches the Rotterdam hub first.',
  'The Madrid office flagged it in their retro.',
  'Following the steering committee on Tuesday.',
  'Prompted by a customer call from Antwerp.',
  'The Vienna pilot group mentioned it twice.',
  "From yesterday's planning session in Bristol.",
  'Relevant for the Milan expansion.',
  'Came out of the Oslo audit walkthrough.',
  'Prague finance asked me to chase it.',
  'The Bordeaux depot depends on it.',
  'Mentioned during the Dublin induction week.',
  'Linked to the Hamburg relaunch.',
  'Seville helpdesk staff keep bringing it up.',
  'Our Zurich partners are waiting on it.',
  'Discussed at the Krakow town hall.',
  'Needed before the Turin customer visit.',
  'Brussels leadership wants a summary.',
];

const NOTES: readonly string[] = [
  'The current draft has several owners and no deadline.',
  'Budget is frozen until January.',
  'Legal has not looked at it yet.',
  'The spreadsheet version differs from the intranet copy.',
  'Two managers gave conflicting answers.',
  'Nothing changes for weekend crews.',
  'All numbers are preliminary.',
  'A vendor quote arrives on Friday.',
  'German translations are pending.',
  "We lost the previous owner's notes.",
  'Only the summary slide is missing.',
  "Last quarter's figures looked odd.",
  'Everything else stays unchanged.',
  'Short replies are fine.',
  'I will summarise answers afterwards.',
  'Dates might shift slightly.',
  'Security signed off already.',
  'This blocks two hires.',
  'Training material needs updating too.',
  'Nobody objected at the last sync.',
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
  /** Draws the detail sentences from their own stream, so the starters, people and threads stay those of `rng`. */
  private readonly detailRng: Rng;
  /** Detail sentences already written per subject. */
  private readonly usedDetails = new Map<string, Set<string>>();
  /** Word sets of the detailed starters written so far. */
  private readonly previousDetailed: Set<string>[] = [];

  /**
   * With `details`, each starter gets an origin and a specific (see {@link ORIGINS}); the
   * similarity check above still compares the first sentence only. A starter whose first
   * sentence is a key of `replaced` becomes that text instead (planted duplicate efforts, see
   * story-duplicates.ts), after the same draws, so every other text stays.
   */
  constructor(
    private readonly rng: Rng,
    private readonly unique: boolean,
    private readonly details = false,
    private readonly replaced: ReadonlyMap<string, string> = new Map(),
  ) {
    this.detailRng = rng.fork('details');
  }

  /** A thread starter about the department's work, ending in `suffix` (a topic, a private marker). */
  starter(department: Department, suffix = ''): string {
    const subjects = SUBJECTS[department];
    let text = '';
    let subject = '';
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const template = this.rng.pick(STARTERS);
      subject = this.rng.pick(subjects);
      text = `${template(subject, this.rng.int(2, 28))}${suffix}`;
      if (!this.unique) return this.detailed(text, subject, suffix);
      const mine = words(text);
      if (this.previous.every((other) => jaccard(mine, other) <= MAX_BACKGROUND_SIMILARITY)) {
        this.previous.push(mine);
        return this.detailed(text, subject, suffix);
      }
    }
    return this.detailed(text, subject, suffix);
  }

  /**
   * `text` (ending in `suffix`) with the detail sentences before the suffix, when asked for. A
   * sentence already used with this subject is avoided (two posts on one subject sharing their
   * origin too would say the same thing twice), and so is a whole text too close to an earlier
   * one (one template with the same origin or specific); up to 50 draws.
   */
  private detailed(text: string, subject: string, suffix: string): string {
    if (!this.details) return text;
    const used = this.usedDetails.get(subject) ?? new Set<string>();
    this.usedDetails.set(subject, used);
    const head = text.slice(0, text.length - suffix.length);
    let detailed = text;
    let origin = '';
    let note = '';
    for (let attempt = 0; attempt < 50; attempt += 1) {
      origin = this.detailRng.pick(ORIGINS);
      note = this.detailRng.pick(NOTES);
      detailed = `${head} ${origin} ${note}${suffix}`;
      if (used.has(origin) || used.has(note)) continue;
      const mine = words(detailed);
      if (this.previousDetailed.every((other) => jaccard(mine, other) <= MAX_BACKGROUND_SIMILARITY)) break;
    }
    used.add(origin);
    used.add(note);
    this.previousDetailed.push(words(detailed));
    const planted = this.replaced.get(head);
    return planted === undefined ? detailed : `${planted}${suffix}`;
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
