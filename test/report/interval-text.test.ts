import { describe, expect, it } from 'vitest';
import { formatHours, formatPercent } from '../../src/report/pdf/format.js';
import { intervalText } from '../../src/report/interval-text.js';

const percent = (v: number): string => formatPercent(v);

describe('intervalText', () => {
  it('prints the figure, its range with the unit once, and n', () => {
    expect(intervalText({ value: 0.7226, low: 0.6702, high: 0.7695, n: 310 }, percent, '72%')).toBe(
      '72% (67–77%, n = 310)',
    );
    expect(intervalText({ value: 3.71, low: 2.99, high: 4.87, n: 1224 }, formatHours, '3.7 h')).toBe(
      '3.7 h (3–4.9 h, n = 1,224)',
    );
  });

  it('says "too few to judge" below the minimum n, and falls back to the plain figure without an interval', () => {
    expect(intervalText({ value: 0.5, low: null, high: null, n: 6 }, percent, '50%')).toBe('too few to judge (n = 6)');
    expect(intervalText(undefined, percent, '50%')).toBe('50%');
    expect(intervalText({ value: null, low: null, high: null, n: 0 }, percent, '—')).toBe('—');
  });
});
