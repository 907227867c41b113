/** Knobs of the 95 % intervals (config `uncertainty`). */
export interface UncertaintyConfig {
  /** Below this many observations a figure gets no interval and the report says "too few to judge". */
  minN: number;
  /** Seed of the bootstrap (mulberry32). */
  bootstrapSeed: number;
  /** Resamples per bootstrapped median, at least 2,000. */
  bootstrapResamples: number;
}

export const DEFAULT_UNCERTAINTY: UncertaintyConfig = {
  minN: 10,
  bootstrapSeed: 20_260_101,
  bootstrapResamples: 2_000,
};
