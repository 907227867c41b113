/**
 * Kaplan-Meier product-limit estimate of a survival curve with right censoring (Kaplan & Meier
 * 1958). "Survival" here is "still waiting": a thread still unanswered (or an idea not yet
 * actioned) when the data ends counts as waiting up to then instead of being dropped, which is
 * what makes the curve's median honest where the median over answered threads is not.
 */

/** One subject: how long it was observed, and whether the event (a response, an action) ended it. */
export interface Observation {
  /** Duration from the start, ≥ 0 (hours or days: the caller's unit). */
  time: number;
  /** True: the event happened at `time`; false: censored (still waiting at `time`). */
  event: boolean;
}

/** One step of the curve: at `time`, `events` happened among `atRisk`, and S dropped to `survival`. */
export interface CurveStep {
  time: number;
  atRisk: number;
  events: number;
  /** Censored at this time (they count as at risk at this time, as in R's survfit). */
  censored: number;
  /** S(t) just after `time`. */
  survival: number;
}

/** The estimate: the steps at each distinct time with an event or a censoring, ascending. */
export interface KaplanMeierCurve {
  n: number;
  events: number;
  steps: CurveStep[];
}

/**
 * S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ / nᵢ), nᵢ at risk just before tᵢ. Ties: events at
 * a time come before censorings at the same time (the usual convention, R's survival package too).
 */
export function kaplanMeier(observations: readonly Observation[]): KaplanMeierCurve {
  const sorted = [...observations].sort((a, b) => a.time - b.time);
  const steps: CurveStep[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  let i = 0;
  while (i < sorted.length) {
    const time = sorted[i]?.time ?? 0;
    let events = 0;
    let censored = 0;
    while (i < sorted.length && sorted[i]?.time === time) {
      if (sorted[i]?.event) events += 1;
      else censored += 1;
      i += 1;
    }
    survival *= 1 - events / atRisk;
    steps.push({ time, atRisk, events, censored, survival });
    atRisk -= events + censored;
  }
  return { n: sorted.length, events: sorted.filter((o) => o.event).length, steps };
}

/**
 * The time by which a share `p` of subjects had the event: the first step time where S(t) ≤ 1 − p
 * (p = 0.5: the median; p = 0.9: the 90th percentile). Null when the curve never drops that low
 * (too many still waiting: the quantile is beyond the data). A curve that sits at exactly 1 − p
 * is read at its first time; R's `quantile.survfit` would take the midpoint to the next event time.
 */
export function curveQuantile(curve: KaplanMeierCurve, p: number): number | null {
  const level = 1 - p;
  // A tiny tolerance: 1 − 0.5 computed as a product of fractions may land a hair above 0.5.
  const step = curve.steps.find((s) => s.events > 0 && s.survival <= level + 1e-12);
  return step ? step.time : null;
}
