import { z } from 'zod';
import { median } from '../stats.js';
import { bootstrapInterval } from '../stats/bootstrap.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { UncertaintyConfig } from '../../config/uncertainty-defaults.js';

/**
 * A headline figure with its 95 % interval, written beside the figure it qualifies as
 * `<figure>Interval` (`answeredRateInterval` next to `answeredRate`). `value` repeats the figure;
 * `low` and `high` are null when `n` is below `uncertainty.minN` ("too few to judge") or the
 * figure cannot be computed.
 */
export const intervalSchema = z
  .strictObject({
    value: z.number().nullable().describe('The figure itself (the same as the field it qualifies).'),
    low: z.number().nullable().describe('Lower end of the 95 % interval; null below the minimum n.'),
    high: z.number().nullable().describe('Upper end of the 95 % interval; null below the minimum n.'),
    n: z
      .number()
      .int()
      .min(0)
      .describe('How many observations the figure is over (the denominator of a rate, the values of a median).'),
  })
  .describe('A figure with its 95 % interval: Wilson for rates, seeded percentile bootstrap for medians.');

export type Interval = z.infer<typeof intervalSchema>;

/** A rate `successes / n` with its Wilson interval. */
export function rateInterval(successes: number, n: number, config: UncertaintyConfig): Interval {
  if (n === 0) return { value: null, low: null, high: null, n };
  const value = successes / n;
  const bounds = n >= config.minN ? wilsonInterval(successes, n) : null;
  return { value, low: bounds?.low ?? null, high: bounds?.high ?? null, n };
}

/** The median of `values` with its seeded percentile-bootstrap interval. */
export function medianInterval(values: readonly number[] | Float64Array, config: UncertaintyConfig): Interval {
  const n = values.length;
  const bounds =
    n >= config.minN
      ? bootstrapInterval(values, { seed: config.bootstrapSeed, resamples: config.bootstrapResamples })
      : null;
  return { value: median(values), low: bounds?.low ?? null, high: bounds?.high ?? null, n };
}
