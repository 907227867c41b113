/**
 * The privacy threshold (spec §6): no figure broken down by department or group is shown for
 * fewer than `minGroupSize` distinct persons. Results keep the figure out (null) and carry the
 * text the report prints in its place.
 */

/** What a suppressed figure reads in every output, e.g. `fewer than 5`. */
export function fewerThan(minGroupSize: number): string {
  return `fewer than ${minGroupSize}`;
}

/** True when a group of `people` distinct persons is too small to show figures for. */
export function isSuppressed(people: number, minGroupSize: number): boolean {
  return people < minGroupSize;
}
