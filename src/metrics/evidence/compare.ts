import { z } from 'zod';
import { bootstrapMeanDifference, newcombeDifference } from '../stats/difference.js';
import { permutationTest } from '../stats/permutation.js';

/** What the evidence lets the report say about a difference. */
export const VERDICTS = ['higher', 'lower', 'no clear difference', 'too few'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const differenceSchema = z.strictObject({
  measure: z
    .enum(['answeredRate', 'repliesPerThread'])
    .describe('`answeredRate`: answered threads / threads; `repliesPerThread`: mean replies per thread.'),
  first: z.number().nullable().describe('The figure of the first group (pilot, or after); null without threads.'),
  second: z.number().nullable().describe('The figure of the second group (rest, or before); null without threads.'),
  firstN: z.number().int().min(0).describe('Threads of the first group.'),
  secondN: z.number().int().min(0).describe('Threads of the second group.'),
  difference: z
    .number()
    .nullable()
    .describe('`first - second` (a rate difference is a fraction: 0.27 = 27 points); null when too few.'),
  low: z
    .number()
    .nullable()
    .describe('Lower end of the 95 % interval of the difference (Newcombe for rates, seeded bootstrap for means).'),
  high: z.number().nullable().describe('Upper end of the 95 % interval of the difference.'),
  pValue: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe('Two-sided permutation-test p-value (exact when small, else seeded relabellings).'),
  verdict: z
    .enum(VERDICTS)
    .describe(
      '`higher` / `lower` when the interval excludes 0, `no clear difference` when it holds 0, `too few` below the minimum threads on a side.',
    ),
});

/** A difference between two groups of threads, with its interval, p-value and verdict. */
export type Difference = z.infer<typeof differenceSchema>;

export interface CompareOptions {
  seed: number;
  /** Relabellings of the permutation test and resamples of the bootstrap. */
  resamples: number;
  /** Fewest threads on each side to state a difference. */
  minThreads: number;
}

/** Compares one 0/1 or count measure between two groups of threads. */
export function compareGroups(
  measure: Difference['measure'],
  first: readonly number[],
  second: readonly number[],
  options: CompareOptions,
): Difference {
  const mean = (values: readonly number[]): number | null =>
    values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
  const base = { measure, first: mean(first), second: mean(second), firstN: first.length, secondN: second.length };
  if (first.length < options.minThreads || second.length < options.minThreads) {
    return { ...base, difference: null, low: null, high: null, pValue: null, verdict: 'too few' };
  }
  const interval =
    measure === 'answeredRate'
      ? newcombeDifference(count(first), first.length, count(second), second.length)
      : bootstrapMeanDifference(first, second, { seed: options.seed, resamples: options.resamples });
  const test = permutationTest(first, second, { seed: options.seed, samples: options.resamples });
  if (!interval || !test) return { ...base, difference: null, low: null, high: null, pValue: null, verdict: 'too few' };
  const verdict: Verdict = interval.low > 0 ? 'higher' : interval.high < 0 ? 'lower' : 'no clear difference';
  return { ...base, difference: interval.value, low: interval.low, high: interval.high, pValue: test.pValue, verdict };
}

const count = (values: readonly number[]): number => values.filter((v) => v > 0).length;
