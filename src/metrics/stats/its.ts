/**
 * Interrupted time series by segmented regression: y = b0 + b1·t + b2·D + b3·(t − t0)·D, with t
 * the month index, D = 1 from the interruption month t0 on. b2 is the level change at t0, b3 the
 * change of slope per month. Ordinary least squares; 95 % intervals from Student's t with n − 4
 * degrees of freedom (no correction for autocorrelation: the report says so where it prints one).
 */

/** A coefficient with its 95 % interval. */
export interface Coefficient {
  estimate: number;
  low: number;
  high: number;
}

export interface SegmentedRegression {
  /** Fitted value just before the interruption would have continued from (b0 + b1·t0). */
  baselineAtInterruption: number;
  /** Slope before the interruption, per month (b1). */
  slopeBefore: Coefficient;
  /** Jump at the interruption (b2). */
  levelChange: Coefficient;
  /** Change of the slope from the interruption on, per month (b3). */
  slopeChange: Coefficient;
  /** Points before and from the interruption. */
  pointsBefore: number;
  pointsAfter: number;
}

/** Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom (standard tables). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
/** Further rows of the same table; between rows the smaller degrees of freedom is used (a slightly wider, safe interval). */
const T975_WIDE: readonly (readonly [number, number])[] = [
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
];

/** The 97.5 % quantile of Student's t with `df` degrees of freedom (df >= 1). */
export function tQuantile975(df: number): number {
  if (df <= 30) return T975[Math.max(1, Math.floor(df)) - 1] ?? 12.706;
  let result = 2.042;
  for (const [rowDf, value] of T975_WIDE) if (df >= rowDf) result = value;
  return df >= 1e6 ? 1.96 : result;
}

/** One observation: time (month index) and value. */
export interface Point {
  t: number;
  y: number;
}

/**
 * Fits the segmented regression to `points` (months may have gaps) interrupted at time `t0` (the
 * first month "after"). Null with fewer than two points on a side, fewer than five in all, or a
 * singular design.
 */
export function segmentedRegression(points: readonly Point[], t0: number): SegmentedRegression | null {
  const n = points.length;
  const pointsBefore = points.filter((p) => p.t < t0).length;
  if (pointsBefore < 2 || n - pointsBefore < 2 || n < 5) return null;
  const rows = points.map(({ t }) => {
    const after = t >= t0 ? 1 : 0;
    return [1, t, after, (t - t0) * after];
  });
  const ys = points.map((p) => p.y);
  const xtx = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => rows.reduce((s, r) => s + (r[i] ?? 0) * (r[j] ?? 0), 0)));
  const xty = [0, 1, 2, 3].map((i) => rows.reduce((s, r, k) => s + (r[i] ?? 0) * (ys[k] ?? 0), 0));
  const inverse = invert(xtx);
  if (!inverse) return null;
  const beta = inverse.map((row) => row.reduce((s, v, j) => s + v * (xty[j] ?? 0), 0));
  const rss = rows.reduce((s, r, k) => s + ((ys[k] ?? 0) - r.reduce((f, x, j) => f + x * (beta[j] ?? 0), 0)) ** 2, 0);
  const df = n - 4;
  const variance = rss / df;
  const t = tQuantile975(df);
  const coefficient = (i: number): Coefficient => {
    const estimate = beta[i] ?? 0;
    const se = Math.sqrt(variance * (inverse[i]?.[i] ?? 0));
    return { estimate, low: estimate - t * se, high: estimate + t * se };
  };
  return {
    baselineAtInterruption: (beta[0] ?? 0) + (beta[1] ?? 0) * t0,
    slopeBefore: coefficient(1),
    levelChange: coefficient(2),
    slopeChange: coefficient(3),
    pointsBefore,
    pointsAfter: n - pointsBefore,
  };
}

/** Gauss-Jordan inverse with partial pivoting; null when singular. */
function invert(matrix: readonly (readonly number[])[]): number[][] | null {
  const size = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: size }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    const pivotRow = a[pivot];
    const current = a[col];
    if (!pivotRow || !current || Math.abs(pivotRow[col] ?? 0) < 1e-12) return null;
    a[pivot] = current;
    a[col] = pivotRow;
    const p = pivotRow[col] ?? 1;
    for (let j = 0; j < 2 * size; j++) pivotRow[j] = (pivotRow[j] ?? 0) / p;
    for (let r = 0; r < size; r++) {
      const row = a[r];
      if (r === col || !row) continue;
      const factor = row[col] ?? 0;
      for (let j = 0; j < 2 * size; j++) row[j] = (row[j] ?? 0) - factor * (pivotRow[j] ?? 0);
    }
  }
  return a.map((row) => row.slice(size));
}
