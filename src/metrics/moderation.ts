import type { z } from 'zod';
import { rateInterval } from './uncertainty/interval.js';
import type { Query } from '../model/query.js';
import { shownSpace } from './public-text.js';
import {
  moderatorMonths,
  moderatorParam,
  moderatorSpaces,
  resolveModeratorKeys,
  spaceNames,
  type ModeratorEntry,
} from './moderation-sql.js';
import {
  createThreadFacts,
  dropThreadFacts,
  periodThreadFigures,
  windowFigures,
  windowKey,
  type GroupSums,
  type SpaceSplit,
  type WindowFigures,
} from './moderation-threads-sql.js';
import { fewerThan, isSuppressed } from './network/privacy.js';
import { periodCalendar } from '../time/period.js';
import { startOfLocalDay } from '../time/zone.js';
import { meanOf, medianOf } from './sql-stats.js';
import type { moderationSchema } from './moderation-schema.js';
import type { MetricContext } from './types.js';

/**
 * The `moderation` section of metrics.json (spec §6). Observational figures: never causes. The type
 * is its zod schema's (moderation-schema.ts), so the two cannot differ; the parts below are named
 * for the code that builds them.
 */
export type Moderation = z.infer<typeof moderationSchema>;

/** A moderator the figures are about. */
export type Moderator = Moderation['moderators'][number];

/** A set of threads (with or without a moderator) and what they drew. */
export type ThreadGroup = Moderation['withModerator'];

/** One space's threads before and after a moderator's `since` date. */
export type SpaceBeforeAfter = Moderation['spaces'][number];

/** One side of a moderator's start date: the space's threads in that window. */
export type SpaceWindow = SpaceBeforeAfter['before'];

/** One local month of the period. */
export type ModerationMonth = Moderation['monthly'][number];

/** What moderation needs beyond the dataset. */
export interface ModerationExtra {
  /** Moderators' start dates from the people file: key (person id, e-mail or identity id) -> ISO date. */
  moderatorSince?: ReadonlyMap<string, string>;
}

/** Before every loaded activity; stands in for "no lower bound". */
const EARLIEST = '1900-01-01T00:00:00.000Z';

/**
 * Moderation (spec §6). Moderators: persons with the role `moderator` (people file) and the
 * `moderators` config keys (e-mail, identity id or person id).
 *
 * Decisions where the spec is silent:
 * - A moderator's act counts as a moderator's only from their `since` date on (local midnight in
 *   the report zone); before it they are "others".
 * - Median hours to first response "for moderators vs others": per thread, the first response by a
 *   moderator and the first by anyone else (never the starter's author), each over the threads
 *   that group responded in; so a moderator answering second still counts.
 * - A thread is "joined" by a moderator when a moderator started it or replied in it. A reply by a
 *   moderator to someone else's thread answers it by definition: the answered rates of the two
 *   sets are observations, not an effect of moderation.
 * - Per space: for each moderator with a `since` date and each message space they ever
 *   contributed in, threads started before the date (all loaded data) vs from the date to the
 *   period end; a side with fewer than `minGroupSize` distinct persons is suppressed.
 * - Moderator counts are not suppressed: moderators are a named role, not a department or group.
 */
export async function computeModeration(
  query: Query,
  ctx: MetricContext,
  extra: ModerationExtra = {},
): Promise<Moderation> {
  const warnings: string[] = [];
  const moderators = await findModerators(query, ctx, extra.moderatorSince ?? new Map(), warnings);
  const entries: ModeratorEntry[] = moderators.map((m) => ({
    personId: m.id,
    sinceAt: sinceInstant(m.since, ctx.period.timeZone),
  }));
  const param = moderatorParam(entries);
  const has = moderators.length > 0;
  if (!has)
    warnings.push(
      'no moderators configured: set `moderators` in the config or the role `moderator` in the people file',
    );
  const splits = await spaceSplits(query, ctx, moderators);
  // The per-space comparison also needs threads from before the period: one table serves both.
  const from = splits.length > 0 && EARLIEST < ctx.period.since ? EARLIEST : ctx.period.since;
  await createThreadFacts(query, from, ctx.period.until, param, splits.length > 0);
  try {
    const t = await periodThreadFigures(query, ctx.period.since);
    return {
      moderators,
      threads: t.threads,
      answered: t.answered,
      moderatorFirstResponseShare: has && t.answered > 0 ? t.firstByModerator / t.answered : null,
      moderatorFirstResponseShareInterval: has
        ? rateInterval(t.firstByModerator, t.answered, ctx.config.uncertainty)
        : null,
      medianHoursToFirstResponse: {
        moderators: has ? medianOf(t.moderatorHours) : null,
        others: medianOf(t.otherHours),
      },
      withModerator: has ? threadGroup(t.joined) : emptyGroup(),
      withoutModerator: threadGroup(t.notJoined),
      spaces: await spaceComparisons(query, ctx, splits),
      monthly: await monthly(query, ctx, param),
      warnings,
    };
  } finally {
    await dropThreadFacts(query);
  }
}

/** Moderators from role and config; `since` keys resolve the same way. Unknown keys warn. */
async function findModerators(
  query: Query,
  ctx: MetricContext,
  since: ReadonlyMap<string, string>,
  warnings: string[],
): Promise<Moderator[]> {
  const configKeys = ctx.config.moderators;
  const rows = await resolveModeratorKeys(query, [...configKeys, ...since.keys()]);
  const byKey = new Map<string, string[]>();
  const names = new Map<string, string | null>();
  for (const r of rows) {
    byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.person_id]);
    names.set(r.person_id, r.name);
  }
  const ids = new Set(byKey.get('role:moderator') ?? []);
  for (const key of configKeys) {
    const found = byKey.get(key.trim());
    if (!found) warnings.push(`moderator "${key}" matches nobody in the data`);
    for (const id of found ?? []) ids.add(id);
  }
  const sinceOf = new Map<string, string>();
  for (const [key, date] of since) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      warnings.push(`moderator "${key}": since "${date}" is not a date (YYYY-MM-DD); ignored`);
    else
      for (const id of byKey.get(key.trim()) ?? []) {
        if (!ids.has(id)) warnings.push(`"${key}" has a since date but is not a moderator; ignored`);
        // Several keys of one person: the earliest date wins.
        else if ((sinceOf.get(id) ?? '9999') > date) sinceOf.set(id, date);
      }
  }
  return [...ids].sort().map((id) => ({ id, name: names.get(id) ?? null, since: sinceOf.get(id) ?? null }));
}

/** Local midnight of an ISO date in the report zone, as an ISO instant. */
function sinceInstant(date: string | null, timeZone: string): string | null {
  if (date === null) return null;
  const [year, month, day] = date.split('-').map(Number);
  return new Date(startOfLocalDay({ year: year ?? 0, month: month ?? 0, day: day ?? 0 }, timeZone)).toISOString();
}

function threadGroup(sums: GroupSums): ThreadGroup {
  return {
    threads: sums.threads,
    answeredRate: sums.threads === 0 ? null : sums.answered / sums.threads,
    repliesPerThread: meanOf(sums.replies, sums.threads),
    participantsPerThread: meanOf(sums.participants, sums.threads),
  };
}

function emptyGroup(): ThreadGroup {
  return { threads: 0, answeredRate: null, repliesPerThread: null, participantsPerThread: null };
}

/** A dated moderator's split of one space, with the date as given. */
interface DatedSplit extends SpaceSplit {
  since: string;
}

/** Each dated moderator with each message space they ever contributed in. */
async function spaceSplits(query: Query, ctx: MetricContext, moderators: readonly Moderator[]): Promise<DatedSplit[]> {
  const dated = moderators.filter((m) => m.since !== null);
  if (dated.length === 0) return [];
  const pairs = await moderatorSpaces(
    query,
    dated.map((m) => m.id),
  );
  return pairs.flatMap(({ person_id, space_id }) => {
    const since = dated.find((m) => m.id === person_id)?.since;
    const sinceAt = sinceInstant(since ?? null, ctx.period.timeZone);
    return since && sinceAt ? [{ moderator: person_id, spaceId: space_id, since, sinceAt }] : [];
  });
}

async function spaceComparisons(
  query: Query,
  ctx: MetricContext,
  splits: readonly DatedSplit[],
): Promise<SpaceBeforeAfter[]> {
  if (splits.length === 0) return [];
  const figures = await windowFigures(query, splits, EARLIEST);
  const spaces = new Map((await spaceNames(query)).map((s) => [s.space_id, s]));
  const { minGroupSize } = ctx.config;
  return splits.map(({ moderator, spaceId, since, sinceAt }) => {
    const space = spaces.get(spaceId);
    return {
      spaceId,
      space: shownSpace(space?.is_private === true, space?.name ?? spaceId),
      moderator,
      since,
      before: spaceWindow(figures.get(windowKey(moderator, spaceId, true)), null, sinceAt, minGroupSize),
      after: spaceWindow(figures.get(windowKey(moderator, spaceId, false)), sinceAt, ctx.period.until, minGroupSize),
    };
  });
}

/** A side without threads (no figures from SQL). */
const NO_THREADS: WindowFigures = {
  threads: 0,
  answered: 0,
  replies: 0,
  participants: 0,
  people: 0,
  firstHours: { n: 0, lower: null, upper: null },
};

function spaceWindow(
  found: WindowFigures | undefined,
  from: string | null,
  until: string,
  minGroupSize: number,
): SpaceWindow {
  const figures = found ?? NO_THREADS;
  const { people } = figures;
  if (isSuppressed(people, minGroupSize)) {
    return {
      from,
      until,
      ...emptyGroup(),
      threads: null,
      people: null,
      medianHoursToFirstResponse: null,
      suppressed: true,
      note: fewerThan(minGroupSize),
    };
  }
  return {
    from,
    until,
    ...threadGroup(figures),
    people,
    medianHoursToFirstResponse: medianOf(figures.firstHours),
    suppressed: false,
    note: null,
  };
}

async function monthly(query: Query, ctx: MetricContext, param: string): Promise<ModerationMonth[]> {
  const { since, until, timeZone } = ctx.period;
  const rows = new Map((await moderatorMonths(query, since, until, timeZone, param)).map((r) => [r.month, r]));
  return periodCalendar(ctx.period).months.map(({ month }) => {
    const r = rows.get(month);
    return {
      month,
      activePeople: r?.active_people ?? 0,
      activeModerators: r?.active_moderators ?? 0,
      moderatorContributions: r?.moderator_contributions ?? 0,
      moderatorReplies: r?.moderator_replies ?? 0,
    };
  });
}
