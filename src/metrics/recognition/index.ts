import type { Query } from '../../model/query.js';
import { personInfo, type PersonRow } from '../network/edges.js';
import { periodCalendar, previousPeriod } from '../../time/period.js';
import { absenceFactor } from '../stats.js';
import type { MetricContext } from '../types.js';
import { connectors, helpers, rising, thoughtLeaders } from './lists.js';
import { personaOf, summarizePersonas } from './personas.js';
import {
  departmentsReached,
  personFigures,
  wikiEditorMonths,
  withFirstResponses,
  type PersonFiguresRow,
} from './queries.js';
import type { ActiveEditorsMonth, IdeaCounts, PersonRecognition, Recognition } from './result.js';
import {
  DEFAULT_RECOGNITION_CONFIG,
  scoreFormula,
  scoreOf,
  type RecognitionConfig,
  type ScoreWeights,
} from './score.js';

export type * from './result.js';
export type * from './lists.js';
export type { Persona, PersonaSummary } from './personas.js';
export { PERSONAS } from './personas.js';
export { DEFAULT_RECOGNITION_CONFIG, SCORED_FIGURES, type RecognitionConfig, type ScoreWeights } from './score.js';

/** Wikimedia's active editor: at least this many edits in a month. */
const ACTIVE_EDITOR_EDITS = 5;

/** What recognition needs beyond the dataset. */
export interface RecognitionExtra {
  /** Ideas raised and actioned per person id in the period (from the ideas metric). */
  ideas?: ReadonlyMap<string, IdeaCounts>;
  /** The same for the previous period of equal length; without it `rising` leaves ideas out. */
  previousIdeas?: ReadonlyMap<string, IdeaCounts>;
  config?: Partial<RecognitionConfig>;
}

/**
 * Recognition (spec §6): per-person figures, a configurable score (see score.ts), top lists,
 * SWOOP personas (see personas.ts), CHAOSS absence factors and Wikimedia's active wiki editors.
 *
 * Decisions where the spec is silent: contributions for absence factors are posts, replies and wiki
 * edits; departments reached count the other departments of interaction partners (replies,
 * mentions, reactions, either way, as in the network); rising compares with `previousPeriod`.
 */
export async function computeRecognition(
  query: Query,
  ctx: MetricContext,
  extra: RecognitionExtra = {},
): Promise<Recognition> {
  // The first responses count in the period and in the previous one (rising): one table for both.
  return withFirstResponses(query, () => recognition(query, ctx, extra));
}

async function recognition(query: Query, ctx: MetricContext, extra: RecognitionExtra): Promise<Recognition> {
  const config: RecognitionConfig = { ...DEFAULT_RECOGNITION_CONFIG, ...extra.config };
  const { since, until, timeZone } = ctx.period;
  const rows = await personFigures(query, since, until, 'interactions');
  const info = new Map((await personInfo(query)).map((p) => [p.person_id, p]));
  const reached = await departmentsReached(query, since, until);
  const editors = await wikiEditorMonths(query, since, until, timeZone);
  const activeMonths = new Map<string, number>();
  for (const e of editors)
    if (e.edits >= ACTIVE_EDITOR_EDITS) activeMonths.set(e.person_id, (activeMonths.get(e.person_id) ?? 0) + 1);
  const ideas = extra.ideas ?? new Map<string, IdeaCounts>();
  const people = peopleOf(rows, ideas, info).map((row) => {
    const counts = ideas.get(row.person_id) ?? { raised: 0, actioned: 0 };
    return recognitionOf(row, counts, reached.get(row.person_id) ?? 0, activeMonths.get(row.person_id) ?? 0, config);
  });
  people.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const byDepartments = people.some((p) => p.department !== null);
  return {
    score: { weights: config.scoreWeights, formula: scoreFormula(config.scoreWeights) },
    people: people.map((p) => withUnrecordedAsNull(p, ctx)),
    thoughtLeaders: thoughtLeaders(people, config.thoughtLeaderMinPosts, config.listSize),
    helpers: helpers(people, config.listSize),
    connectors: connectors(people, byDepartments, config.listSize),
    connectorsBy: byDepartments ? 'departments' : 'spaces',
    rising: await risingContributors(query, ctx, people, extra, config),
    personas: summarizePersonas(people.map((p) => p.persona)),
    absenceFactor: absenceFactors(people),
    activeWikiEditors: ctx.capabilities.wiki ? activeEditors(ctx, editors) : null,
    warnings: [
      ...(ctx.capabilities.wiki
        ? []
        : ['no wiki source: active wiki editors and per-person wiki edits cannot be counted']),
      ...(ctx.capabilities.reactions
        ? []
        : ['no source records reactions: per-person reactions received and given cannot be counted']),
    ],
  };
}

/**
 * Figures no loaded source can record are null, not 0 (spec §8). Lists, personas and scores were
 * computed before, where a kind nobody records contributes nothing either way.
 */
function withUnrecordedAsNull(p: PersonRecognition, ctx: MetricContext): PersonRecognition {
  return {
    ...p,
    reactionsReceived: ctx.capabilities.reactions ? p.reactionsReceived : null,
    reactionsGiven: ctx.capabilities.reactions ? p.reactionsGiven : null,
    wikiEdits: ctx.capabilities.wiki ? p.wikiEdits : null,
    activeEditorMonths: ctx.capabilities.wiki ? p.activeEditorMonths : null,
  };
}

/** Rows of persons active in the period, plus persons credited only with ideas. */
function peopleOf(
  rows: readonly PersonFiguresRow[],
  ideas: ReadonlyMap<string, IdeaCounts>,
  info: ReadonlyMap<string, PersonRow>,
): PersonFiguresRow[] {
  const ids = new Set(rows.map((r) => r.person_id));
  const extraRows = [...ideas.keys()]
    .filter((id) => !ids.has(id))
    .map(
      (id): PersonFiguresRow => ({
        person_id: id,
        name: info.get(id)?.name ?? null,
        department: info.get(id)?.department ?? null,
        posts: 0,
        replies: 0,
        reactions_given: 0,
        wiki_edits: 0,
        spaces: 0,
        first_responses: 0,
        replies_received: 0,
        reactions_received: 0,
        responses_to_posts: 0,
      }),
    );
  return [...rows, ...extraRows];
}

function recognitionOf(
  r: PersonFiguresRow,
  ideas: IdeaCounts,
  departmentsReached: number,
  activeEditorMonths: number,
  config: RecognitionConfig,
): PersonRecognition {
  const figures = {
    posts: r.posts,
    replies: r.replies,
    firstResponses: r.first_responses,
    reactionsReceived: r.reactions_received,
    wikiEdits: r.wiki_edits,
    ideasRaised: ideas.raised,
    ideasActioned: ideas.actioned,
  };
  return {
    id: r.person_id,
    name: r.name,
    department: r.department,
    ...figures,
    repliesReceived: r.replies_received,
    responsesToPosts: r.responses_to_posts,
    reactionsGiven: r.reactions_given,
    activeEditorMonths,
    spaces: r.spaces,
    departmentsReached,
    score: scoreOf(figures, config.scoreWeights),
    persona: personaOf(
      {
        posts: r.posts,
        replies: r.replies,
        reactionsGiven: r.reactions_given,
        repliesReceived: r.replies_received,
        reactionsReceived: r.reactions_received,
      },
      config.personaBalanceRatio,
    ),
  };
}

async function risingContributors(
  query: Query,
  ctx: MetricContext,
  people: readonly PersonRecognition[],
  extra: RecognitionExtra,
  config: RecognitionConfig,
) {
  const withIdeas = extra.previousIdeas !== undefined;
  const weights: ScoreWeights = withIdeas
    ? config.scoreWeights
    : { ...config.scoreWeights, ideasRaised: 0, ideasActioned: 0 };
  const previous = previousPeriod(ctx.period);
  const before = new Map<string, number>();
  for (const r of await personFigures(query, previous.since, previous.until)) {
    const ideas = extra.previousIdeas?.get(r.person_id) ?? { raised: 0, actioned: 0 };
    const figures = {
      posts: r.posts,
      replies: r.replies,
      firstResponses: r.first_responses,
      reactionsReceived: r.reactions_received,
      wikiEdits: r.wiki_edits,
      ideasRaised: ideas.raised,
      ideasActioned: ideas.actioned,
    };
    before.set(r.person_id, scoreOf(figures, weights));
  }
  for (const [id, ideas] of extra.previousIdeas ?? [])
    if (!before.has(id))
      before.set(
        id,
        scoreOf(
          {
            posts: 0,
            replies: 0,
            firstResponses: 0,
            reactionsReceived: 0,
            wikiEdits: 0,
            ideasRaised: ideas.raised,
            ideasActioned: ideas.actioned,
          },
          weights,
        ),
      );
  const now = new Map(people.map((p) => [p.id, { name: p.name, score: scoreOf(p, weights) }]));
  return rising(now, before, config.listSize);
}

function absenceFactors(people: readonly PersonRecognition[]): Recognition['absenceFactor'] {
  const contributions = (p: PersonRecognition): number => p.posts + p.replies + (p.wikiEdits ?? 0);
  const byDepartment = new Map<string, number>();
  for (const p of people)
    if (p.department !== null) byDepartment.set(p.department, (byDepartment.get(p.department) ?? 0) + contributions(p));
  return {
    people: absenceFactor(people.map(contributions).filter((c) => c > 0)),
    departments: absenceFactor([...byDepartment.values()].filter((c) => c > 0)),
  };
}

function activeEditors(ctx: MetricContext, editors: readonly { month: string; edits: number }[]): ActiveEditorsMonth[] {
  return periodCalendar(ctx.period).months.map(({ month }) => ({
    month,
    editors: editors.filter((e) => e.month === month && e.edits >= ACTIVE_EDITOR_EDITS).length,
  }));
}
