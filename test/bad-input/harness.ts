/**
 * Loads inputs the way `analyze` does (open-input, detection, the real SourceContext in
 * sources/load.ts, the DuckDB dataset with its dedupe) without spawning the CLI, and records what
 * a user would see: warnings, verbose lines, the accounts, and the final activities.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PilotError } from '../../src/errors.js';
import type { SourceAccount } from '../../src/model/accounting.js';
import { Dataset } from '../../src/model/dataset.js';
import { loadInputs } from '../../src/sources/load.js';
import { makeTempDir } from '../helpers/temp-dir.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/bad');

/** The path of a committed bad-input case. */
export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** One activity as the final table holds it (the columns the bad-input tests look at). */
export interface LoadedActivity {
  activity_id: string;
  kind: string;
  occurred_at: string;
  text: string | null;
  space_id: string;
  line: number | null;
}

/** What loading produced, or the user-facing error that stopped it. */
export interface LoadOutcome {
  accounts: SourceAccount[];
  warnings: string[];
  verbose: string[];
  activities: LoadedActivity[];
  /** A PilotError (exit 2) that stopped the run; any other error is rethrown (a crash). */
  error: PilotError | null;
}

/** Loads the inputs into a fresh in-memory dataset and finalizes it. */
export async function load(
  inputs: readonly string[],
  options: { includePrivate?: boolean } = {},
): Promise<LoadOutcome> {
  const warnings: string[] = [];
  const verbose: string[] = [];
  const dataset = await Dataset.open();
  try {
    let accounts: SourceAccount[];
    try {
      accounts = await loadInputs(
        inputs,
        dataset,
        { includePrivate: options.includePrivate ?? false, botAccounts: [] },
        {
          warn: (m) => warnings.push(m),
          verbose: (m) => verbose.push(m),
        },
      );
    } catch (error) {
      if (error instanceof PilotError) return { accounts: [], warnings, verbose, activities: [], error };
      throw error;
    }
    await dataset.finalize(accounts, []);
    const activities = await dataset.query.all<LoadedActivity & Record<string, string | number | null>>(
      'SELECT activity_id, kind, occurred_at, text, space_id, line FROM activities ORDER BY activity_id',
    );
    return { accounts, warnings, verbose, activities, error: null };
  } finally {
    await dataset.close();
  }
}

/** Asserts the data-quality identity on every account; returns them for chaining. */
export function reconciled(accounts: readonly SourceAccount[]): boolean {
  return accounts.every((a) => a.read === a.used + a.skipped && a.used >= 0 && a.skipped >= 0);
}

/** A fresh temp folder; a test file that calls this registers `afterAll(removeTempDirs)` (helpers/temp-dir.ts). */
export function tempDir(prefix = 'pilot-report-bad-'): string {
  return makeTempDir(prefix);
}

/** Writes files (relative name -> content) under `dir`, creating folders; returns `dir`. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, body] of Object.entries(files)) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, body);
  }
  return dir;
}
