/**
 * What the equivalence tests of the sources' SQL loaders share (test/sources/<kind>/
 * engine-equivalence.test.ts): each loads the same input by SQL and with the JavaScript reader
 * only, and expects the same final dataset, accounts and skips.
 */
import path from 'node:path';
import { expect } from 'vitest';
import type { SourceAccount } from '../../src/model/accounting.js';
import { Dataset } from '../../src/model/dataset.js';
import { type LoadOptions, loadInputs } from '../../src/sources/load.js';
import type { Problem, SkipReason, Source } from '../../src/sources/types.js';

/** The bad-input corpus (test/fixtures/bad). */
export const BAD_INPUTS = path.resolve(import.meta.dirname, '../fixtures/bad');
/** The run's clock: records after it are `future`. */
export const NOT_AFTER = Date.UTC(2026, 11, 1);

/** `source`, handing each skip (and, when asked, each problem) it reports to `on` as well. */
export function watchedSource(
  source: Source,
  on: {
    skip: (reason: SkipReason, at: { file: string; line: number | null }) => void;
    problem?: (problem: Problem) => void;
  },
): Source {
  const { problem } = on;
  return {
    ...source,
    read: (input, ctx) =>
      source.read(input, {
        ...ctx,
        skip: (reason, at, detail) => {
          on.skip(reason, at);
          ctx.skip(reason, at, detail);
        },
        ...(problem && {
          problem: (p: Problem) => {
            problem(p);
            ctx.problem(p);
          },
        }),
      }),
  };
}

/**
 * loadInputs, quietly, expecting the engine settings `settings` (e.g. `threads`, `memory_limit`)
 * to be as before: an SQL load changes them while it runs and gives them back.
 */
export async function loadGivingSettingsBack(
  inputs: string[],
  dataset: Dataset,
  options: LoadOptions,
  settings: readonly string[],
): Promise<SourceAccount[]> {
  const read = async () =>
    dataset.query.all(`SELECT ${settings.map((name, i) => `current_setting('${name}') AS s${i}`).join(', ')}`);
  const before = await read();
  const accounts = await loadInputs(inputs, dataset, options, { warn: () => undefined, verbose: () => undefined });
  expect(await read()).toEqual(before);
  return accounts;
}

/** The final tables compared, in order; activities as `activitiesSql` reads them. */
export async function finalTables(
  dataset: Dataset,
  activitiesSql = 'SELECT * FROM activities ORDER BY ALL',
): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  tables.activities = await dataset.query.all(activitiesSql);
  for (const table of ['identities', 'spaces', 'persons'])
    tables[table] = await dataset.query.all(`SELECT * FROM ${table} ORDER BY ALL`);
  return tables;
}

/** The same accounts and the same final tables both ways. */
export function expectSameAccountsAndTables(
  inEngine: { accounts: SourceAccount[]; tables: Record<string, unknown[]> },
  inJavaScript: { accounts: SourceAccount[]; tables: Record<string, unknown[]> },
): void {
  expect(inEngine.accounts).toEqual(inJavaScript.accounts);
  for (const table of Object.keys(inJavaScript.tables))
    expect(inEngine.tables[table], table).toEqual(inJavaScript.tables[table]);
}

/** A skip as the JSON sources' tests note it. */
export interface NotedSkip {
  file: string;
  line: number | null;
  reason: string;
}

/**
 * The same skips in the same order, and the same lines of activities: where the engine gives a
 * line (messages SQL inserts and skips SQL decides carry none), it is the JavaScript reader's.
 */
export function expectSameSkipsAndLines(
  inEngine: { skips: NotedSkip[]; lines: Map<string, number> },
  inJavaScript: { skips: NotedSkip[]; lines: Map<string, number> },
): void {
  expect(inEngine.skips.map((s) => `${s.file} ${s.reason}`)).toEqual(
    inJavaScript.skips.map((s) => `${s.file} ${s.reason}`),
  );
  inEngine.skips.forEach((skip, i) => {
    if (skip.line !== null) expect(skip.line).toBe(inJavaScript.skips[i]?.line);
  });
  for (const [id, line] of inEngine.lines) expect(line, id).toBe(inJavaScript.lines.get(id));
}

/** Activity id -> line, for the final activities that have one. */
export async function activityLines(dataset: Dataset): Promise<Map<string, number>> {
  const lined = await dataset.query.all<{ id: string; line: number }>(
    'SELECT activity_id AS id, line FROM activities WHERE line IS NOT NULL',
  );
  return new Map(lined.map((r) => [r.id, r.line]));
}

/**
 * Runs the load by SQL; when it fails, expects the JavaScript load to fail with the same message
 * (`label` names the input) and returns null.
 */
export async function engineLoadOrSameFailure<T>(
  inEngine: () => Promise<T>,
  inJavaScript: () => Promise<T>,
  label: string,
): Promise<T | null> {
  const outcome = await inEngine().then(
    (loaded) => ({ loaded, failure: null }),
    (error: unknown) => ({ loaded: null, failure: String(error) }),
  );
  if (outcome.failure === null) return outcome.loaded;
  await expect(inJavaScript(), label).rejects.toThrow(outcome.failure.replace(/^\w+: /, ''));
  return null;
}

/** Bad inputs (Yammer Messages.csv files) DuckDB cannot read line for line: they stay on the JavaScript path. */
export const CSV_NOT_LINE_FOR_LINE = [
  'yammer-latin1-not-utf8',
  'yammer-utf16le-excel-unicode-text',
  'yammer-truncated-mid-quote',
  'yammer-header-repeated-mid-file',
  'yammer-crlf-and-lf-mixed',
];

/** A load of a JSON source (Slack, Teams) as its equivalence test compares it. */
export interface LinedLoad {
  accounts: SourceAccount[];
  skips: NotedSkip[];
  problems: Problem[];
  /** Final tables, activities without their `line`. */
  tables: Record<string, unknown[]>;
  /** Activity id -> line, for the activities that have one. */
  lines: Map<string, number>;
  /** Whether some file was inserted by SQL. */
  inSql: boolean;
}

/**
 * Loads `inputs` with `source` (as the source `kind`), noting its skips and problems and whether
 * SQL inserted activities; the SQL load runs at one thread and gives the engine its threads back.
 */
export async function loadLined(
  inputs: string[],
  kind: 'slack' | 'teams',
  source: Source,
  options: { includePrivate: boolean; botAccounts: string[] },
): Promise<LinedLoad> {
  let inSql = false;
  const skips: NotedSkip[] = [];
  const problems: Problem[] = [];
  const watched = watchedSource(source, {
    skip: (reason, at) => skips.push({ file: at.file, line: at.line, reason }),
    problem: (problem) => problems.push(problem),
  });
  const observe = (sql: string) => {
    if (sql.includes('INSERT INTO raw_activities')) inSql = true;
  };
  const dataset = await Dataset.open({ observe });
  try {
    const accounts = await loadGivingSettingsBack(
      inputs,
      dataset,
      { ...options, notAfter: NOT_AFTER, sources: { [kind]: watched } },
      ['threads'],
    );
    await dataset.finalize(accounts, []);
    const tables = await finalTables(dataset, 'SELECT * EXCLUDE (line) FROM activities ORDER BY ALL');
    return { accounts, skips, problems, tables, lines: await activityLines(dataset), inSql };
  } finally {
    await dataset.close();
  }
}
