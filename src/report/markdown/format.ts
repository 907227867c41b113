/**
 * Number formatting for people (the Markdown summary): fixed `en-US` grouping so that outputs do not
 * depend on the machine's locale.
 */

/** How a KPI's value reads: a count, a fraction shown as percent, hours, days, or a plain number. */
export type ValueFormat = 'count' | 'percent' | 'hours' | 'days' | 'decimal';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A value as people read it; `n/a` when it could not be computed. */
export function formatValue(value: number | null, format: ValueFormat): string {
  if (value === null) return 'n/a';
  switch (format) {
    case 'count':
      return grouped.format(value);
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'hours':
      return `${value.toFixed(1)} h`;
    case 'days':
      return `${value.toFixed(1)} days`;
    case 'decimal':
      return twoDecimals.format(value);
  }
}

/** Sign and magnitude as shown: no sign when the shown magnitude is zero ("0.0 h", not "-0.0 h"). */
function signed(magnitude: string, value: number): string {
  if (!/[1-9]/.test(magnitude)) return magnitude;
  return `${value > 0 ? '+' : '-'}${magnitude}`;
}

/**
 * A change against the baseline: rates in percentage points (a relative change of a rate
 * confuses readers), everything else as the difference and, when the baseline is not 0, in percent.
 */
export function formatDelta(delta: number | null, deltaPct: number | null, format: ValueFormat): string {
  if (delta === null) return 'n/a';
  if (format === 'percent') return `${signed(Math.abs(delta * 100).toFixed(1), delta)} pts`;
  const difference = signed(formatValue(Math.abs(delta), format), delta);
  if (deltaPct === null) return difference;
  return `${difference} (${signed(Math.abs(deltaPct).toFixed(1), deltaPct)}%)`;
}

/** A format guessed from a metrics.json path, for targets on metrics the summary does not list. */
export function guessFormat(metric: string, value: number | null): ValueFormat {
  const key = metric.split('.').pop() ?? '';
  if (/Rate$|Share$|^retention$|^stickiness$/.test(key) || metric.includes('.conversion.')) return 'percent';
  if (/Hours/.test(key)) return 'hours';
  if (/Days/.test(key)) return 'days';
  return value === null || Number.isInteger(value) ? 'count' : 'decimal';
}
