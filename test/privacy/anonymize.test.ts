/**
 * `--anonymize`: no real name or e-mail in any output (metrics.json, PDF, Markdown, stdout, log),
 * including names that reach message text through mentions (`[[user:12]]`, `<@U1>`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { leaks, REAL_IDENTITIES, runPilot, type RunOutputs } from './pilot.js';

describe('--anonymize', () => {
  let named: RunOutputs;
  let anonymized: RunOutputs;
  beforeAll(async () => {
    named = await runPilot([]);
    anonymized = await runPilot(['--anonymize']);
  }, 60_000);

  it('without it, real names are in the outputs (so an absence below means something)', () => {
    expect(leaks(named, REAL_IDENTITIES).length).toBeGreaterThan(0);
  });

  it('with it, no real name or e-mail appears in any output', () => {
    expect(leaks(anonymized, REAL_IDENTITIES)).toEqual([]);
  });
});
