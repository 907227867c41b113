/** The shape of a KPI target (`targets` in the config); `metrics/targets.ts` checks it against metrics.json. */

/** Comparison a target makes: passes when `actual <op> expected`. */
export type TargetOperator = '>=' | '>' | '<=' | '<' | '==' | '!=';

/** A target to check (the config's `targets` entries, level decided). */
export interface TargetSpec {
  metric: string;
  op: TargetOperator;
  value: number;
  level: 'error' | 'warn';
  message?: string;
}
