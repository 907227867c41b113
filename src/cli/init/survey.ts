import path from 'node:path';
import { DEFAULT_CONFIG } from '../../config/defaults.js';
import { InternalError, PilotError } from '../../errors.js';
import type { SourceAccount } from '../../model/accounting.js';
import { Dataset } from '../../model/dataset.js';
import type { PeopleEntry } from '../../model/types.js';
import { setupFacts, type SetupFacts } from '../../metrics/setup/facts.js';
import { loadInputs } from '../../sources/load.js';
import { adapterBotAccounts } from '../bot-accounts.js';
import type { Logger } from '../output.js';
import { readPeople } from '../side-files.js';
import { ACCOUNT_TRAITS } from '../../sources/registry.js';

/** What `init` learned by reading the folder's exports (and people file) once. */
export interface Survey extends SetupFacts {
  /** The people file's rows, or none. */
  people: PeopleEntry[];
  /** Whether any row of the people file has a department. */
  peopleHaveDepartments: boolean;
  /** Records skipped as bots, per export (Teams applications and Slack integrations have no account to name). */
  botRecords: { input: string; count: number }[];
}

/**
 * Reads the exports into a throwaway dataset, as `validate` does, and reads off what init proposes
 * (bots, moderators, identity suggestions, the data's dates). An export that cannot be read is
 * named and left out of the survey; it stays in `inputs` so that validate explains it.
 */
export async function surveyFolder(
  dir: string,
  inputs: readonly string[],
  peopleFile: string | null,
  log: Pick<Logger, 'warn' | 'verbose'>,
): Promise<Survey> {
  const people = peopleFile
    ? await readPeople(path.join(dir, peopleFile), () => {}).catch((error: unknown) => unreadable(error, log, []))
    : [];
  const dataset = await Dataset.open({ spill: true, memoryLimit: DEFAULT_CONFIG.memoryLimit });
  try {
    const accounts: SourceAccount[] = [];
    const loadLog = { warn: () => {}, verbose: (m: string) => log.verbose(m) };
    for (const [position, input] of inputs.entries()) {
      const options = {
        includePrivate: false,
        botAccounts: adapterBotAccounts([], people),
        firstInputIndex: position * 10_000,
      };
      try {
        accounts.push(...(await loadInputs([path.join(dir, input)], dataset, options, loadLog)));
      } catch (error) {
        unreadable(error, log, undefined);
      }
    }
    await dataset.finalize(accounts, people);
    const botRecords = accounts
      .filter((a) => (a.skippedByReason['bot'] ?? 0) > 0)
      .map((a) => ({ input: path.relative(dir, a.path) || a.path, count: a.skippedByReason['bot'] ?? 0 }));
    return {
      ...(await setupFacts(dataset.query, ACCOUNT_TRAITS)),
      people,
      peopleHaveDepartments: people.some((p) => p.department !== null),
      botRecords,
    };
  } finally {
    await dataset.close();
  }
}

/** A user-fixable read error is a warning here (validate explains it in full); a bug stays a bug. */
function unreadable<T>(error: unknown, log: Pick<Logger, 'warn'>, fallback: T): T {
  if (!(error instanceof PilotError) || error instanceof InternalError) throw error;
  log.warn(`${error.message.split('\n')[0] ?? ''} (left out of what init proposes)`);
  return fallback;
}
