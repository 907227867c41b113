/**
 * The words the PDF and the Markdown summary use for comparisons, chosen from the evidence: a
 * difference whose 95% interval excludes zero is stated ("answered more often"), one whose
 * interval holds zero is "no clear difference", and below the minimum threads the sentence says
 * "too few threads to tell" with no number. One module, so that both outputs say the same thing.
 */
import type { Benchmark } from '../../metrics/evidence/benchmarks.js';
import type { Difference } from '../../metrics/evidence/compare.js';
import type { ModerationEffect } from '../../metrics/evidence/moderation-effects.js';
import type { Migration } from '../../metrics/evidence/migration.js';

const MINUS = '\u2212';

/** `+27`, `−8`, `±0` points of a fraction (0.27 -> `+27`). */
function points(fraction: number): string {
  const rounded = Math.round(fraction * 100);
  return rounded === 0 ? '±0' : `${rounded > 0 ? '+' : MINUS}${Math.abs(rounded)}`;
}

/** A plain number with two decimals and a sign: `+0.42`, `−1.10`. */
function signedDecimal(value: number): string {
  const text = Math.abs(value).toFixed(2);
  return /[1-9]/.test(text) ? `${value > 0 ? '+' : MINUS}${text}` : `±${text}`;
}

/** `0.003` -> `p = 0.003`; below 0.001 `p < 0.001`. */
export function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

const WHAT: Record<Difference['measure'], { more: string; less: string; same: string }> = {
  answeredRate: {
    more: 'answered more often',
    less: 'answered less often',
    same: 'no clear difference in the share answered',
  },
  repliesPerThread: {
    more: 'more replies per thread',
    less: 'fewer replies per thread',
    same: 'no clear difference in replies per thread',
  },
};

/** The size of a difference with its interval: `+27 points, 95% interval 18 to 35`. */
function sizeText(d: Difference): string {
  if (d.difference === null || d.low === null || d.high === null) return '';
  if (d.measure === 'answeredRate')
    return `${points(d.difference)} points, 95% interval ${points(d.low)} to ${points(d.high)}`;
  return `${signedDecimal(d.difference)} replies per thread, 95% interval ${signedDecimal(d.low)} to ${signedDecimal(d.high)}`;
}

/**
 * One claim sentence for a difference: `{first} vs {second}` name the groups ("pilot threads",
 * "the rest"; "after", "before").
 */
export function differenceSentence(
  d: Difference,
  names: { first: string; second: string },
  minThreads: number,
): string {
  const counts = `${d.firstN} ${names.first}, ${d.secondN} ${names.second}`;
  if (d.verdict === 'too few' || d.pValue === null) {
    return `Too few threads to tell (${counts}; at least ${minThreads} on each side needed).`;
  }
  const what = WHAT[d.measure];
  const lead = d.verdict === 'higher' ? what.more : d.verdict === 'lower' ? what.less : what.same;
  return `${capitalize(lead)}: ${sizeText(d)} (${pText(d.pValue)}; ${counts}).`;
}

/** The sentence for one moderated space. */
export function moderationSentence(effect: ModerationEffect, minThreads: number): string {
  const where = `${effect.space}, moderated from ${effect.since}`;
  if (effect.its) {
    const { levelChange, slopeChange } = effect.its;
    const clear = levelChange.low > 0 || levelChange.high < 0;
    const jump = `${points(levelChange.estimate)} points (95% interval ${points(levelChange.low)} to ${points(levelChange.high)})`;
    const trend = `${points(slopeChange.estimate)} points a month (${points(slopeChange.low)} to ${points(slopeChange.high)})`;
    return `${where}: the monthly answered rate ${clear ? 'moved' : 'moved by an unclear'} ${jump} at the start and its trend by ${trend}; interrupted time series over ${effect.monthsBefore} months before and ${effect.monthsAfter} after.`;
  }
  const sentence = differenceSentence(effect.answeredRate, { first: 'threads after', second: 'before' }, minThreads);
  return `${where}: ${lowerFirst(sentence)} Plain before/after difference: ${effect.note ?? ''}.`;
}

/** Spaces with no thread before their moderator's start: nothing to compare, said once for all. */
export function noBeforeSentence(spaces: readonly string[]): string {
  const shown =
    spaces.length > 6 ? `${spaces.slice(0, 6).join(', ')} and ${spaces.length - 6} more` : spaces.join(', ');
  return `${spaces.length === 1 ? 'One space has' : `${spaces.length} spaces have`} no thread before the moderator started, so nothing to compare: ${shown}.`;
}

/**
 * The moderation lines: a sentence per space where the evidence allows one, then one line for the
 * spaces with too few threads and one for those with no thread before (listing each would bury
 * the few that say something).
 */
export function moderationLines(effects: readonly ModerationEffect[], minThreads: number): string[] {
  const empty = effects.filter((e) => e.answeredRate.secondN === 0).map((e) => e.space);
  const tooFew = effects
    .filter((e) => e.answeredRate.secondN > 0 && !e.its && e.answeredRate.verdict === 'too few')
    .map((e) => e.space);
  const stated = effects.filter((e) => e.answeredRate.secondN > 0 && (e.its || e.answeredRate.verdict !== 'too few'));
  const list = (spaces: readonly string[]): string =>
    spaces.length > 6 ? `${spaces.slice(0, 6).join(', ')} and ${spaces.length - 6} more` : spaces.join(', ');
  return [
    ...stated.map((e) => moderationSentence(e, minThreads)),
    ...(tooFew.length > 0
      ? [
          `Too few threads to tell before vs after the moderator's start (at least ${minThreads} on each side needed) in ${list(tooFew)}.`,
        ]
      : []),
    ...(empty.length > 0 ? [noBeforeSentence(empty)] : []),
  ];
}

/** `31 %` or `2.0 ×`, as the reference's unit reads. */
export function benchmarkValue(value: number | null, unit: Benchmark['unit']): string {
  if (value === null) return 'not measured';
  return unit === 'share' ? `${Math.round(value * 100)}%` : `${value.toFixed(1)} ×`;
}

/** Who moved between the first and the last month. */
export function migrationSentence(migration: Migration, fromLabel: string, toLabel: string): string {
  return `Of ${migration.people} people active in the period, between ${fromLabel} and ${toLabel} ${migration.movedUp} moved up a level, ${migration.held} held theirs and ${migration.movedDown} moved down.`;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string): string =>
  text.startsWith('Too few') ? `too few${text.slice(7)}` : text.charAt(0).toLowerCase() + text.slice(1);
