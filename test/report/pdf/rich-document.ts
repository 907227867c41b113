import type { RenderOptions } from '../../../src/report/pdf/index.js';
import { computeBusinessCase } from '../../../src/metrics/business-case.js';
import type { IdeaItem, Ideas } from '../../../src/metrics/ideas/result.js';
import type { IdeasSection } from '../../../src/metrics/ideas/section.js';
import { DEFAULT_METRICS_CONFIG } from '../../../src/metrics/types.js';
import { computeIdeaEvidence } from '../../../src/metrics/uncertainty/index.js';
import { capabilitiesOf } from '../../../src/sources/capabilities.js';
import type { Moderation } from '../../../src/metrics/moderation.js';
import type { Network } from '../../../src/metrics/network/index.js';
import type { Redundancy } from '../../../src/metrics/redundancy/index.js';
import type { Recognition } from '../../../src/metrics/recognition/result.js';
import type { IdentityReconciliation } from '../../../src/report/json/identities.js';
import type { MetricsDocument } from '../../../src/report/json/document.js';
import { sampleDocument } from './sample-document.js';

/** One idea; stage times given as ISO strings or null. */
function idea(
  id: string,
  space: string,
  title: string | undefined,
  stage: IdeaItem['stage'],
  raisedAt: string,
  decidedAt: string | null,
  actionedAt: string | null,
  extra: Partial<IdeaItem> = {},
): IdeaItem {
  return {
    id,
    source: 'yammer',
    spaceId: `yammer:${space}`,
    space,
    ...(title === undefined ? {} : { title }),
    author: `p-${id}`,
    authorName: `Author ${id}`,
    department: 'Operations',
    stage,
    declined: false,
    stalled: false,
    raisedAt,
    discussedAt: raisedAt,
    endorsedAt: decidedAt,
    decidedAt,
    actionedAt,
    declinedAt: null,
    lastActivityAt: actionedAt ?? decidedAt ?? raisedAt,
    participants: 6,
    evidence: [],
    ...extra,
  };
}

const days = (median: number | null, p90: number | null, ideas: number) => ({ median, p90, ideas });

export function richIdeas(): IdeasSection {
  const ideas = richIdeaFigures();
  // The intervals and the action curve as the ideas area computes them (metrics/uncertainty).
  const ctx = {
    period: RICH_PERIOD,
    asOf: RICH_PERIOD.until,
    config: DEFAULT_METRICS_CONFIG,
    capabilities: capabilitiesOf([{ kind: 'yammer' }]),
  };
  return { ...ideas, ...computeIdeaEvidence(ideas, ctx) };
}

const RICH_PERIOD = { since: '2026-01-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z', timeZone: 'UTC' };

function richIdeaFigures(): Ideas {
  const items = [
    idea(
      'i1',
      'Ops',
      'Digital shift handover checklist',
      'actioned',
      '2026-01-08T09:00:00.000Z',
      '2026-01-20T09:00:00.000Z',
      '2026-02-10T09:00:00.000Z',
    ),
    idea(
      'i2',
      'Ops',
      'Shared spare-parts inventory across plants',
      'actioned',
      '2026-01-15T09:00:00.000Z',
      '2026-02-01T09:00:00.000Z',
      '2026-03-05T09:00:00.000Z',
    ),
    idea(
      'i3',
      '(private space)',
      undefined,
      'actioned',
      '2026-02-02T09:00:00.000Z',
      '2026-02-10T09:00:00.000Z',
      '2026-03-20T09:00:00.000Z',
    ),
    idea(
      'i4',
      'IT',
      'Single sign-on for the canteen app',
      'decided',
      '2026-02-05T09:00:00.000Z',
      '2026-03-01T09:00:00.000Z',
      null,
    ),
    idea('i5', 'HR', 'Mentoring pairs for new starters', 'endorsed', '2026-01-10T09:00:00.000Z', null, null, {
      stalled: true,
      lastActivityAt: '2026-01-20T09:00:00.000Z',
    }),
    idea('i6', 'Ops', 'Quiet hours for the shop-floor chat', 'discussed', '2026-01-22T09:00:00.000Z', null, null, {
      stalled: true,
      lastActivityAt: '2026-02-01T09:00:00.000Z',
    }),
    idea('i7', '(private space)', undefined, 'raised', '2026-01-25T09:00:00.000Z', null, null, {
      stalled: true,
      lastActivityAt: '2026-01-25T09:00:00.000Z',
    }),
  ];
  return {
    funnel: { raised: 7, discussed: 6, endorsed: 5, decided: 4, actioned: 3 },
    conversion: { raised: 1, discussed: 6 / 7, endorsed: 5 / 7, decided: 4 / 7, actioned: 3 / 7 },
    medianDaysToDecision: 14.5,
    medianDaysToAction: 46,
    daysFromRaised: {
      discussed: days(1, 2, 6),
      endorsed: days(5, 9, 5),
      decided: days(14.5, 24, 4),
      actioned: days(46, 50, 3),
    },
    daysInStage: {
      raised: days(1, 2, 6),
      discussed: days(4, 8, 5),
      endorsed: days(9, 15, 4),
      decided: days(30, 38, 3),
    },
    stalled: 3,
    declined: 0,
    open: 4,
    oldestOpen: [],
    bySpace: [],
    byDepartment: [
      { key: 'Operations', name: 'Operations', suppressed: false, authors: 5, raised: 5, decided: 3, actioned: 2 },
      { key: 'HR', name: 'HR', suppressed: true, authors: null, raised: null, decided: null, actioned: null },
    ],
    ledgerValue: null,
    ledgerValues: [],
    ledgerUnmatched: [],
    items,
  };
}

function richModeration(): Moderation {
  return {
    moderators: [{ id: 'mod@example.com', name: 'Mia Moderator', since: null }],
    threads: 40,
    answered: 31,
    moderatorFirstResponseShare: 0.42,
    moderatorFirstResponseShareInterval: { value: 13 / 31, low: 0.26, high: 0.59, n: 31 },
    medianHoursToFirstResponse: { moderators: 1.5, others: 4.25 },
    withModerator: { threads: 18, answeredRate: 0.94, repliesPerThread: 3.4, participantsPerThread: 3.1 },
    withoutModerator: { threads: 22, answeredRate: 0.64, repliesPerThread: 1.8, participantsPerThread: 2.2 },
    spaces: [],
    monthly: [
      { month: '2026-01', activePeople: 81, activeModerators: 1, moderatorContributions: 20, moderatorReplies: 15 },
      { month: '2026-02', activePeople: 95, activeModerators: 1, moderatorContributions: 25, moderatorReplies: 22 },
      { month: '2026-03', activePeople: 110, activeModerators: 1, moderatorContributions: 30, moderatorReplies: 26 },
    ],
    warnings: [],
  };
}

export function richRecognition(): Recognition {
  const listed = (name: string) => ({ id: `${name.toLowerCase().replace(/ /g, '.')}@example.com`, name });
  return {
    score: {
      weights: {
        posts: 2,
        replies: 1,
        firstResponses: 3,
        reactionsReceived: 0.5,
        wikiEdits: 1,
        ideasRaised: 3,
        ideasActioned: 5,
      },
      formula:
        '2 × posts + 1 × replies + 3 × first responses + 0.5 × reactions received + 1 × wiki edits + 3 × ideas raised + 5 × ideas actioned',
    },
    people: [],
    thoughtLeaders: [{ ...listed('Zoë Łukasz'), posts: 6, responsesToPosts: 30, responsesPerPost: 5 }],
    helpers: [
      { ...listed('Олена Коваленко'), firstResponses: 14 },
      { ...listed('Ana Ruiz'), firstResponses: 9 },
    ],
    connectors: [{ ...listed('Ana Ruiz'), departmentsReached: 4, spaces: 5 }],
    connectorsBy: 'departments',
    rising: [{ ...listed('Ben Okafor'), previousScore: 3, score: 21.5, gain: 18.5 }],
    personas: {
      people: 50,
      counts: { engager: 20, catalyst: 5, responder: 15, broadcaster: 4, observer: 6 },
      shares: { engager: 0.4, catalyst: 0.1, responder: 0.3, broadcaster: 0.08, observer: 0.12 },
    },
    absenceFactor: { people: 6, departments: 2 },
    activeWikiEditors: null,
    warnings: [],
  };
}

export function richNetwork(): Network {
  const dept = (name: string, people: number | null, suppressed = false) => ({
    name,
    people,
    internalInteractions: suppressed ? null : 40,
    crossInteractions: suppressed ? null : 25,
    suppressed,
    note: suppressed ? 'fewer than 5' : null,
  });
  return {
    people: 137,
    connectedPeople: 120,
    ties: 410,
    interactions: { reply: 900, mention: 80, reaction: 230 },
    weightedInteractions: 1095,
    density: 0.044,
    topBrokers: [
      { id: 'ana.ruiz@example.com', name: 'Ana Ruiz', department: 'Operations', betweenness: 0.21, partners: 34 },
    ],
    departments: {
      crossDepartmentShare: 0.37,
      departments: [dept('Finance', 12), dept('HR', 3, true), dept('IT', 25), dept('Operations', 60)],
      matrix: [
        [30, null, 12, 20],
        [null, null, null, null],
        [10, null, 80, 45],
        [18, null, 50, 210],
      ],
      departmentPairsConnected: 3,
      departmentPairsPossible: 6,
      isolatedDepartments: [],
      interactionsWithoutDepartment: 14,
    },
    warnings: [],
  };
}

export function richIdentities(): IdentityReconciliation {
  return {
    sources: [
      {
        source: 'yammer',
        path: 'exports/yammer-2026',
        identitiesSeen: 120,
        persons: 112,
        botsExcluded: 6,
        unmatched: 2,
      },
      {
        source: 'slack',
        path: 'exports/slack/Команда Олени',
        identitiesSeen: 45,
        persons: 41,
        botsExcluded: 4,
        unmatched: 5,
      },
    ],
    persons: 137,
    mergedAcrossSources: 16,
    aliasMerges: 3,
    namedPersons: 137,
  };
}

export function richRedundancy(): Redundancy {
  const item = (id: string, space: string, title: string | undefined, kind: 'thread' | 'wikiPage' = 'thread') => ({
    id,
    kind,
    spaceId: `s:${space}`,
    space,
    ...(title === undefined ? {} : { title }),
    firstAt: '2026-02-03T09:00:00.000Z',
    lastAt: '2026-02-20T09:00:00.000Z',
    people: [{ id: `${id}@example.com`, name: 'Ana Ruiz' }],
    responses: 2,
    responders: 1,
  });
  return {
    method: 'Rare-term share over the export.',
    matcher: 'rare-terms',
    threshold: 0.47,
    itemsCompared: 320,
    templatesLeftOut: 4,
    clustersFound: 1,
    crossPostsFound: 7,
    crossPosts: [
      {
        person: { id: 'Ana Ruiz@example.com', name: 'Ana Ruiz' },
        items: [item('x1', 'Ops', 'Canteen closed on Friday'), item('x2', 'Logistics', 'Canteen closed on Friday')],
        gapMinutes: 3,
      },
    ],
    clusters: [
      {
        items: [
          item('r1', 'Ops', 'Forklift booking spreadsheet for night shifts'),
          item('r2', 'Logistics', 'Night shift forklift booking sheet', 'wikiPage'),
          item('r3', '(private space)', undefined),
        ],
        spaces: 3,
        people: 3,
        firstAt: '2026-02-03T09:00:00.000Z',
        lastAt: '2026-02-20T09:00:00.000Z',
        similarity: { min: 0.52, max: 0.71 },
        gapDays: 17,
        sharedTerms: ['forklift', 'booking'],
        responses: 6,
        action: 'pointToPage',
      },
    ],
  };
}

/** The sample document with every section filled: ideas, moderation, recognition, network, business case. */
export function richDocument(): MetricsDocument {
  const base = sampleDocument();
  const ideas = richIdeas();
  const businessCase = computeBusinessCase(
    {
      answeredThreads: 31,
      months: 3,
      actionedIdeas: 3,
      ledgerValue: null,
      ledgerEntries: [],
      actionedWithoutValue: [
        { ideaId: 'i1', month: '2026-02' },
        { ideaId: 'i2', month: '2026-03' },
        { ideaId: 'i3', month: '2026-03' },
      ],
      monthKeys: ['2026-01', '2026-02', '2026-03'],
      activePeople: 137,
      contributors: 58,
      persons: 150,
    },
    {
      minutesSavedPerAnsweredQuestion: 15,
      hourlyCost: 60,
      hoursPerActionedIdea: 40,
      moderatorHoursPerMonth: 10,
      licenceCostPerMonth: 200,
      orgSize: 2000,
      currency: 'EUR',
    },
  );
  base.engagement.monthly = base.engagement.monthly.map((month, index) => ({
    ...month,
    newContributors: [30, 15, 12][index] ?? 0,
    returningContributors: index === 0 ? null : ([0, 22, 30][index] ?? 0),
    reactivatedContributors: [0, 4, 5][index] ?? 0,
    retention: index === 0 ? null : ([0, 0.73, 0.73][index] ?? null),
    stickiness: [0.21, 0.24, 0.26][index] ?? null,
  }));
  return {
    ...base,
    ideas,
    moderation: richModeration(),
    recognition: richRecognition(),
    network: richNetwork(),
    redundancy: richRedundancy(),
    businessCase,
    targets: [
      {
        metric: 'conversations.questions.answeredRate',
        op: '>=',
        expected: 0.7,
        actual: 0.775,
        passed: true,
        level: 'error',
        message: '',
      },
      {
        metric: 'engagement.totals.contributors',
        op: '>=',
        expected: 60,
        actual: 58,
        passed: false,
        level: 'warn',
        message: '',
      },
    ],
    warnings: [],
  };
}

/** Render options the full-report tests share: title, organization, identities and a small config. */
export function richRenderOptions(): RenderOptions {
  return {
    generatedAt: new Date('2026-04-02T08:00:00Z'),
    title: 'Operations network pilot',
    organization: 'Acme Manufacturing',
    identities: richIdentities(),
    config: { moderators: ['mod@example.com'], minGroupSize: 5, ideas: { stallDays: 30 } },
  };
}
