import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../../config/defaults.js';
import { InternalError, PilotError } from '../../errors.js';
import type { SourceAccount } from '../../model/accounting.js';
import { Dataset } from '../../model/dataset.js';
import { sourceQuality } from '../../metrics/data-quality.js';
import { loadInputs, type LoadLog } from '../../sources/load.js';
import { configAndInputs } from '../config-and-inputs.js';
import type { ProgressLogger } from '../progress.js';
import { adapterBotAccounts, botPeopleEntries } from '../bot-accounts.js';
import { readiness } from '../readiness.js';
import { readPeople } from '../side-files.js';
import { spillsToFile } from '../dataset-placement.js';
import { setupFacts } from '../../metrics/setup/facts.js';
import { renderValidation, type InputFailure, type ValidationResult } from './validate-report.js';
import { makeFolder } from '../outputs/make-folder.js';
import { writeStdout } from '../outputs/publish.js';
import { ACCOUNT_TRAITS } from '../../sources/registry.js';

/** The flags of `pilot-report validate` (the subset of analyze's that matters for reading inputs). */
export interface ValidateFlags {
  config?: string;
  includePrivate?: boolean;
  people?: string;
  strict?: boolean;
  json?: string;
  quiet?: boolean;
  verbose?: boolean;
}

/**
 * Input indexes are spaced this far apart per command-line input, so that the exports of an input
 * that failed halfway (whose accounts are lost with the error) never share an index with the next.
 */
const INDEX_STRIDE = 10_000;

/**
 * `pilot-report validate`: reads every input into a throwaway in-memory dataset and reports, per
 * source, what was detected and counted, without computing a report. Every input is tried even
 * when an earlier one fails. Exit 0 when the inputs are usable; 2 when an input cannot be used,
 * nothing usable remains, or (with --strict) any row-level problem was found.
 */
export async function runValidate(
  inputs: readonly string[],
  flags: ValidateFlags,
  log: ProgressLogger,
): Promise<number> {
  const { config, inputs: chosen } = await configAndInputs(
    'validate',
    inputs,
    {
      configPath: flags.config,
      flags: { includePrivate: flags.includePrivate, people: flags.people, strict: flags.strict },
    },
    log,
  );
  const result = await validateInputs(chosen, config, log);
  await writeResult(result, flags, log);
  return result.usable ? 0 : 2;
}

/** Loads each input on its own (so one bad input does not hide the others) and judges the whole. */
export async function validateInputs(
  inputs: readonly string[],
  config: ResolvedConfig,
  log: ProgressLogger,
): Promise<ValidationResult> {
  const sideProblems: string[] = [];
  const people = [
    ...botPeopleEntries(config.botAccounts),
    ...(await readPeople(config.people, (line) => sideProblems.push(line))),
  ];
  // Problems are listed in the report itself, so loading's own echo of them is left out.
  const loadLog: LoadLog = { warn: () => {}, verbose: (m) => log.verbose(m), progress: log.progress?.bind(log) };
  const accounts: SourceAccount[] = [];
  const failures: InputFailure[] = [];
  const spill = await spillsToFile(inputs);
  const dataset = await Dataset.open({ spill, memoryLimit: config.memoryLimit });
  try {
    for (const [position, input] of inputs.entries()) {
      const options = {
        includePrivate: config.includePrivate,
        botAccounts: adapterBotAccounts(config.botAccounts, people),
        firstInputIndex: position * INDEX_STRIDE,
      };
      try {
        accounts.push(...(await loadInputs([input], dataset, options, loadLog)));
      } catch (error) {
        if (!(error instanceof PilotError) || error instanceof InternalError) throw error;
        failures.push({ input, message: error.message });
      }
    }
    // Duplicates and bots are only known once everything is in: the counts then match analyze's.
    await dataset.finalize(accounts, people);
    const ready = readiness(await setupFacts(dataset.query, ACCOUNT_TRAITS), config);
    return { ...judge(sourceQuality(accounts), failures, sideProblems, config.strict), readiness: ready };
  } finally {
    await dataset.close();
  }
}

function judge(
  sources: ValidationResult['sources'],
  failures: InputFailure[],
  sideProblems: string[],
  strict: boolean,
): Omit<ValidationResult, 'readiness'> {
  const used = sources.reduce((n, s) => n + s.records.used, 0);
  const problemCount = sources.reduce((n, s) => n + s.problemCount, 0) + sideProblems.length;
  const reasons: string[] = [];
  // With no source at all every input failed, and the failures already say why.
  if (used === 0 && sources.length > 0)
    reasons.push(`nothing usable: ${sources.reduce((n, s) => n + s.records.read, 0)} record(s) read, none used`);
  if (strict && problemCount > 0) reasons.push(`${problemCount} problem(s) and --strict is set`);
  return {
    usable: failures.length === 0 && reasons.length === 0,
    reasons,
    sources,
    failures,
    sideProblems,
    problemCount,
    strict,
  };
}

/** The text report goes to stdout (it is what was asked for) unless JSON takes stdout; errors always reach stderr. */
async function writeResult(result: ValidationResult, flags: ValidateFlags, log: ProgressLogger): Promise<void> {
  const quiet = flags.quiet === true;
  result.failures.forEach((f) => log.error(f.message));
  if (flags.json !== undefined) {
    const json = `${JSON.stringify(result, null, 2)}\n`;
    if (flags.json === '-') await writeStdout(json, 'the validation JSON');
    else {
      await makeFolder(path.dirname(path.resolve(flags.json)));
      await writeFile(flags.json, json);
    }
  }
  if (!quiet) {
    const text = renderValidation(result);
    if (flags.json === '-') log.info(text.trimEnd());
    else process.stdout.write(text);
  }
  result.reasons.forEach((r) => log.error(r));
}
