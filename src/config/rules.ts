/**
 * Cross-field checks on a resolved config, after the schema (which sees one field at a time).
 * Each rule pushes errors (the run cannot go on) or warnings (it can, but probably not as meant).
 * Whether a target names a number in metrics.json is checked against the document's schema
 * (`report/json/target-paths.ts`, called by cli/config-and-inputs.ts): config may not import it.
 */
import path from 'node:path';
import type { ResolvedConfig } from './defaults.js';
import { isPeriodSpec, resolveDateBound } from '../time/period-spec.js';
import { isTimeZone } from '../time/zone.js';

/** What the rules found. */
export interface RuleResult {
  errors: string[];
  warnings: string[];
}

type Rule = (config: ResolvedConfig, result: RuleResult) => void;

const periodAlone: Rule = (config, { errors }) => {
  const bounds = (['since', 'until'] as const).filter((key) => config[key] !== undefined);
  if (config.period !== undefined && bounds.length > 0) {
    errors.push(
      `config: period "${config.period}" and ${bounds.join(' and ')} cannot both be set\n  hint: use period alone, or since/until alone`,
    );
  }
};

const periodWellFormed: Rule = (config, { errors }) => {
  if (config.period !== undefined && !isPeriodSpec(config.period)) {
    errors.push(
      `config: period "${config.period}": not a period\n  hint: use 2026-10, 2026-07..2026-09, 2026-Q3, last-month, last-quarter or 2026-07-01..2026-09-30`,
    );
  }
};

const timeZoneKnown: Rule = (config, { errors }) => {
  if (!isTimeZone(config.timeZone)) {
    errors.push(
      `config: timeZone "${config.timeZone}": not an IANA time zone\n  hint: use e.g. UTC, Europe/Paris or America/New_York`,
    );
  }
};

/** `since`, `until` and `asOf` are dates, and `since` comes before `until`. */
const datesValid: Rule = (config, { errors }) => {
  if (!isTimeZone(config.timeZone)) return;
  const resolved: Partial<Record<'since' | 'until' | 'asOf', string>> = {};
  for (const key of ['since', 'until', 'asOf'] as const) {
    const value = config[key];
    if (value === undefined) continue;
    try {
      resolved[key] = resolveDateBound(value, config.timeZone, `config: ${key}`);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (resolved.since !== undefined && resolved.until !== undefined && resolved.since >= resolved.until) {
    errors.push(`config: since "${config.since}" is not before until "${config.until}" (the period is [since, until))`);
  }
};

const recognizeNeedsAnonymize: Rule = (config, { warnings }) => {
  if (config.recognize !== undefined && !config.anonymize) {
    warnings.push('config: recognize has no effect without anonymize (everyone is named already)');
  }
};

const baselineNotOverwritten: Rule = (config, { warnings }) => {
  if (config.baseline === undefined) return;
  const output = config.json ?? path.join(config.out, 'metrics.json');
  if (output !== '-' && path.resolve(output) === path.resolve(config.baseline)) {
    warnings.push(
      `config: baseline "${config.baseline}" is also where this run writes metrics.json; it will be overwritten`,
    );
  }
};

/** A kept dataset is the data pseudonyms are made from: real names, e-mails and ids in every table. */
const datasetNotAnonymized: Rule = (config, { errors }) => {
  if (config.dataset !== undefined && config.anonymize) {
    errors.push(
      `config: dataset "${config.dataset}" cannot be kept with anonymize: the dataset holds every real name, e-mail and id, which no anonymized output may\n  hint: leave out --dataset, or keep the dataset in a run without --anonymize`,
    );
  }
};

const RULES: readonly Rule[] = [
  periodAlone,
  periodWellFormed,
  timeZoneKnown,
  datesValid,
  recognizeNeedsAnonymize,
  baselineNotOverwritten,
  datasetNotAnonymized,
];

/** Runs every cross-field rule. */
export function checkConfig(config: ResolvedConfig): RuleResult {
  const result: RuleResult = { errors: [], warnings: [] };
  for (const rule of RULES) rule(config, result);
  return result;
}
