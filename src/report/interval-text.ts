import type { Interval } from '../metrics/uncertainty/interval.js';

/** What a figure below `uncertainty.minN` says instead of a number (PDF and Markdown alike). */
export const TOO_FEW = 'too few to judge';

/**
 * A figure with its 95 % range, as the PDF and the Markdown summary print it:
 * `72% (67–77%, n = 310)`, `3.7 h (3–4.9 h, n = 224)`; below the minimum n,
 * `too few to judge (n = 6)`. `plain` is the figure alone, used when there is no interval or no
 * value. The unit is written once, after the upper end, when both ends carry the same one.
 */
export function intervalText(
  interval: Interval | null | undefined,
  format: (value: number) => string,
  plain: string,
): string {
  if (!interval || interval.value === null) return plain;
  if (interval.low === null || interval.high === null) return `${TOO_FEW} (n = ${count(interval.n)})`;
  const low = format(interval.low);
  const high = format(interval.high);
  const unit = /[^\d.,]*$/.exec(high)?.[0] ?? '';
  const lowShown = unit.length > 0 && low.endsWith(unit) ? low.slice(0, -unit.length) : low;
  return `${format(interval.value)} (${lowShown}–${high}, n = ${count(interval.n)})`;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const count = (n: number): string => grouped.format(n);
