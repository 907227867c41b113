/**
 * The pilot's calendar: 2026-03-01 to 2026-10-31, growing month by month with a summer dip.
 */
import { utc } from './model.js';

/** First instant of the pilot (UTC ms). */
export const PILOT_START = utc('2026-03-01');

/** First instant after the pilot (UTC ms): the report period is [PILOT_START, PILOT_END). */
export const PILOT_END = utc('2026-11-01');

/** Relative activity of March..October: growth, a July-August holiday dip, an autumn peak. */
export const PILOT_MONTH_WEIGHTS: readonly number[] = [0.45, 0.7, 0.95, 1.05, 0.7, 0.55, 1.25, 1.45];
