import type { Query } from '../../model/query.js';
import { QUESTION_FILTER, questionRegex } from '../questions.js';
import { shownSpace } from '../public-text.js';
import type { MetricContext } from '../types.js';
import { departmentLabel, groupIndex, type GroupLabel } from './survival.js';

/**
 * Every thread started in the period with what its wait needs: hours to the first response by
 * another person (null: none yet), the space and the starter's department. The same threads and
 * the same "response" as `conversations` (a reply by another person, at any time), so the interval
 * and the curve qualify the figures printed beside them; the question condition is `conversations`'
 * own (`QUESTION_FILTER`).
 */
const threadWaitsSql = `
  WITH starters AS (
    SELECT activity_id, thread_id, person_id, space_id, occurred_at AS started_at,
           coalesce(true ${QUESTION_FILTER}, false) AS is_question
    FROM activities
    WHERE kind = 'post'
      AND occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ),
  first_responses AS (
    SELECT s.activity_id, min(r.occurred_at) AS responded_at
    FROM starters s JOIN activities r ON r.thread_id = s.thread_id AND r.kind = 'reply' AND r.person_id <> s.person_id
    GROUP BY s.activity_id)
  SELECT epoch_ms(s.started_at)::DOUBLE AS started_ms,
         (epoch_ms(f.responded_at) - epoch_ms(s.started_at)) / 3600000.0 AS hours,
         s.is_question,
         s.space_id, coalesce(sp.name, s.space_id) AS space_name, coalesce(sp.is_private, false) AS is_private,
         p.department
  FROM starters s
  LEFT JOIN first_responses f USING (activity_id)
  LEFT JOIN spaces sp ON sp.space_id = s.space_id
  LEFT JOIN persons p ON p.person_id = s.person_id
  ORDER BY s.started_at, s.activity_id`;

/**
 * The threads' waits as columns (one entry per thread, in start order): a large export has
 * hundreds of thousands of threads, which as one object each took hundreds of MiB (issue 16).
 */
export interface ThreadWaits {
  count: number;
  startedMs: Float64Array;
  /** Hours to the first response by another person; NaN when none is in the data (SQL gives no NaN). */
  hours: Float64Array;
  /** 1: the starter asks a question (`QUESTION_FILTER`). */
  isQuestion: Uint8Array;
  /** Index into `spaces` (the space's id and shown name, private spaces named as such). */
  space: Int32Array;
  spaces: GroupLabel[];
  /** Index into `departments` (the starter's department, `(unknown)` for none). */
  department: Int32Array;
  departments: GroupLabel[];
}

interface Row extends Record<string, string | number | boolean | null> {
  started_ms: number;
  hours: number | null;
  is_question: boolean;
  space_id: string | null;
  space_name: string;
  is_private: boolean;
  department: string | null;
}

/** The threads' waits, read in DuckDB's chunks straight into typed columns: no row outlives its chunk. */
export async function threadWaits(query: Query, ctx: MetricContext): Promise<ThreadWaits> {
  const columns = new GrowingColumns();
  const spaceIds = new Map<string, number>();
  const departmentIds = new Map<string, number>();
  const params = {
    since: ctx.period.since,
    until: ctx.period.until,
    pattern: questionRegex(ctx.config.questionPatterns),
  };
  for await (const batch of query.batches<Row>(threadWaitsSql, params))
    for (const r of batch)
      columns.push(
        Number(r.started_ms),
        r.hours ?? Number.NaN,
        r.is_question,
        groupIndex(spaceIds, columns.spaces, { key: r.space_id, name: shownSpace(r.is_private, r.space_name) }),
        groupIndex(departmentIds, columns.departments, departmentLabel(r.department)),
      );
  return columns.done();
}

/** Columns that double their capacity as rows come (the thread count is not known before the stream ends). */
class GrowingColumns {
  readonly spaces: GroupLabel[] = [];
  readonly departments: GroupLabel[] = [];
  private count = 0;
  private startedMs = new Float64Array(1024);
  private hours = new Float64Array(1024);
  private isQuestion = new Uint8Array(1024);
  private space = new Int32Array(1024);
  private department = new Int32Array(1024);

  push(startedMs: number, hours: number, isQuestion: boolean, space: number, department: number): void {
    if (this.count === this.startedMs.length) this.grow(this.count * 2);
    const i = this.count;
    this.startedMs[i] = startedMs;
    this.hours[i] = hours;
    this.isQuestion[i] = isQuestion ? 1 : 0;
    this.space[i] = space;
    this.department[i] = department;
    this.count += 1;
  }

  done(): ThreadWaits {
    this.grow(this.count);
    const { count, startedMs, hours, isQuestion, space, spaces, department, departments } = this;
    return { count, startedMs, hours, isQuestion, space, spaces, department, departments };
  }

  private grow(capacity: number): void {
    this.startedMs = resized(this.startedMs, capacity);
    this.hours = resized(this.hours, capacity);
    this.isQuestion = resized(this.isQuestion, capacity);
    this.space = resized(this.space, capacity);
    this.department = resized(this.department, capacity);
  }
}

function resized<T extends Float64Array | Uint8Array | Int32Array>(column: T, capacity: number): T {
  const next = new (column.constructor as new (length: number) => T)(capacity);
  next.set(column.subarray(0, Math.min(capacity, column.length)) as ArrayLike<number>);
  return next;
}

/** The instant observation ends: the last loaded activity, or `asOf` when earlier. */
export async function observedUntilMs(query: Query, asOf: string): Promise<number> {
  const [row] = await query.all<{ last_ms: number | null }>(
    'SELECT epoch_ms(max(occurred_at))::DOUBLE AS last_ms FROM activities',
  );
  const asOfMs = Date.parse(asOf);
  const last = row?.last_ms;
  return last === null || last === undefined ? asOfMs : Math.min(asOfMs, Number(last));
}
