import type { Query } from '../../model/query.js';
import { conversationWindow, withConversationThreads } from '../conversation-threads.js';
import { shownSpace } from '../public-text.js';
import type { MetricContext } from '../types.js';
import { departmentLabel, groupIndex, type GroupLabel } from './survival.js';

/**
 * Every thread started in the period with what its wait needs: hours to the first response by
 * another person (NaN: none yet), the space and the starter's department. The threads of
 * `conversation_threads` (conversation-threads.ts), which `conversations` reads too, so the
 * interval and the curve qualify the figures printed beside them, with the same question rule.
 *
 * Only numbers reach JS, one row per thread (`query.numbers`): the space and department come as
 * the index of their label in the small `thread_wait_spaces` and `thread_wait_departments`
 * tables. Strings per row cost most of the step's CPU at scale.
 */
const LABELS_SQL = `
  CREATE OR REPLACE TEMP TABLE thread_wait_spaces AS
  SELECT (row_number() OVER (ORDER BY space_id, space_name, is_private) - 1)::INTEGER AS g, *
  FROM (SELECT t.space_id, coalesce(sp.name, t.space_id) AS space_name, coalesce(sp.is_private, false) AS is_private,
               min({'at': t.started_at, 'id': t.activity_id}) AS first_thread
        FROM conversation_threads t LEFT JOIN spaces sp ON sp.space_id = t.space_id
        GROUP BY ALL);
  CREATE OR REPLACE TEMP TABLE thread_wait_departments AS
  SELECT (row_number() OVER (ORDER BY department) - 1)::INTEGER AS g, *
  FROM (SELECT p.department, min({'at': t.started_at, 'id': t.activity_id}) AS first_thread
        FROM conversation_threads t LEFT JOIN persons p ON p.person_id = t.person_id
        GROUP BY ALL)`;

/**
 * In no order (sorting 761k threads by start was 0.7 s of CPU on the bench's three exports; every
 * figure of the waits is order-free but the groups' numbering, which the labels' first threads
 * give). A thread whose space has several rows in `spaces` is repeated, as the join gives.
 */
const WAITS_SQL = `
  SELECT epoch_ms(t.started_at)::DOUBLE AS started_ms,
         (epoch_ms(t.responded_at) - epoch_ms(t.started_at)) / 3600000.0 AS hours,
         t.is_question, sg.g AS space_g, dg.g AS department_g
  FROM conversation_threads t
  LEFT JOIN spaces sp ON sp.space_id = t.space_id
  JOIN thread_wait_spaces sg
    ON sg.space_id IS NOT DISTINCT FROM t.space_id AND sg.space_name = coalesce(sp.name, t.space_id)
       AND sg.is_private = coalesce(sp.is_private, false)
  LEFT JOIN persons p ON p.person_id = t.person_id
  JOIN thread_wait_departments dg ON dg.department IS NOT DISTINCT FROM p.department`;

/**
 * The threads' waits as columns (one entry per thread, in no order): a large export has
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

/**
 * The threads' waits, read in DuckDB's chunks straight into typed columns: no row outlives its
 * chunk. Groups are numbered in the order they first appear among the threads in start order
 * (their tie order); the rows themselves come in no order.
 */
export async function threadWaits(query: Query, ctx: MetricContext): Promise<ThreadWaits> {
  return withConversationThreads(query, conversationWindow(ctx), async () => {
    await query.run(LABELS_SQL);
    try {
      const spaceLabels = await query.all<{
        g: number;
        space_id: string | null;
        space_name: string;
        is_private: boolean;
      }>('SELECT g, space_id, space_name, is_private FROM thread_wait_spaces ORDER BY g');
      const departmentLabels = await query.all<{ g: number; department: string | null }>(
        'SELECT g, department FROM thread_wait_departments ORDER BY g',
      );
      // The labels in the order their first threads started (ties by id, then by label).
      const spacesSeen = await query.all<{ g: number }>('SELECT g FROM thread_wait_spaces ORDER BY first_thread, g');
      const departmentsSeen = await query.all<{ g: number }>(
        'SELECT g FROM thread_wait_departments ORDER BY first_thread, g',
      );
      // Sized for every thread at once: grown by doubling, 3.8M threads (10M Yammer messages) held the
      // old and the new columns together, ~100 MiB more at the run's peak (bench/README.md, 2026-12-05).
      const [threads] = await query.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM conversation_threads');
      const columns = new GrowingColumns(threads?.n ?? 0);
      const spaceOf = firstSeen(
        spaceLabels.map((r) => ({ key: r.space_id, name: shownSpace(r.is_private, r.space_name) })),
        columns.spaces,
      );
      const departmentOf = firstSeen(
        departmentLabels.map((r) => departmentLabel(r.department)),
        columns.departments,
      );
      // Groups are numbered as they first appear among the threads in start order: the rows come
      // in no order, so the labels are met first in that order here.
      for (const { g } of spacesSeen) spaceOf(g);
      for (const { g } of departmentsSeen) departmentOf(g);
      for await (const [startedMs, hours, isQuestion, space, department] of query.numbers(WAITS_SQL)) {
        if (!startedMs || !hours || !isQuestion || !space || !department)
          throw new Error('thread waits: a column is missing');
        for (let i = 0; i < startedMs.length; i += 1)
          columns.push(
            startedMs[i] as number,
            hours[i] as number,
            isQuestion[i] === 1,
            spaceOf(space[i] as number),
            departmentOf(department[i] as number),
          );
      }
      return columns.done();
    } finally {
      await query.run('DROP TABLE IF EXISTS thread_wait_spaces; DROP TABLE IF EXISTS thread_wait_departments');
    }
  });
}

/**
 * Maps a label's number in SQL to its group's index in `groups`, given out as groups first appear
 * (`groupIndex`: labels with the same key share one group, the first label seen names it).
 */
function firstSeen(labels: readonly GroupLabel[], groups: GroupLabel[]): (label: number) => number {
  const ids = new Map<string, number>();
  const index = new Int32Array(labels.length).fill(-1);
  return (label) => {
    let i = index[label] ?? -1;
    if (i < 0) {
      const known = labels[label];
      if (!known) throw new Error(`thread waits: no label ${label}`);
      i = groupIndex(ids, groups, known);
      index[label] = i;
    }
    return i;
  };
}

/**
 * Columns sized for the expected rows, doubling their capacity if more come (a thread whose space
 * has several rows in `spaces` comes once per row, so the thread count is a floor, not the count).
 */
class GrowingColumns {
  readonly spaces: GroupLabel[] = [];
  readonly departments: GroupLabel[] = [];
  private count = 0;
  private startedMs: Float64Array;
  private hours: Float64Array;
  private isQuestion: Uint8Array;
  private space: Int32Array;
  private department: Int32Array;

  constructor(expected: number) {
    const capacity = Math.max(1024, expected);
    this.startedMs = new Float64Array(capacity);
    this.hours = new Float64Array(capacity);
    this.isQuestion = new Uint8Array(capacity);
    this.space = new Int32Array(capacity);
    this.department = new Int32Array(capacity);
  }

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
    // Exactly as many rows as expected (the usual case): the columns are returned as they are.
    if (this.count !== this.startedMs.length) this.grow(this.count);
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
