import { fewerThan, isSuppressed } from './privacy.js';
import type { DepartmentFlow } from './tables.js';

/** One department's figures; all null (with `note`) below the privacy threshold. */
export interface DepartmentFigures {
  /** Department name as the source or people file writes it. */
  name: string;
  /** Persons of the department in the network (active in the period or reached); null when suppressed. */
  people: number | null;
  /** Weighted interactions between two persons of the department; null when suppressed. */
  internalInteractions: number | null;
  /** Weighted interactions with persons of other departments, either direction; null when suppressed. */
  crossInteractions: number | null;
  /** True when fewer than `minGroupSize` persons of the department were active. */
  suppressed: boolean;
  /** `fewer than 5` when suppressed, else null. */
  note: string | null;
}

/** Department-level network figures (spec §6), present when any active person has a department. */
export interface DepartmentNetwork {
  /** Weighted interactions between persons of different departments / those between persons with known departments. */
  crossDepartmentShare: number | null;
  /** Every department with an active person, by name. */
  departments: DepartmentFigures[];
  /**
   * Weighted interactions from the row's department to the column's, in the order of
   * `departments`; null when either department is suppressed.
   */
  matrix: (number | null)[][];
  /** Unordered pairs of different departments with at least one interaction either way. */
  departmentPairsConnected: number;
  /** All unordered pairs of different departments: k·(k−1)/2. */
  departmentPairsPossible: number;
  /** Departments (not suppressed) with no interaction with any other department. */
  isolatedDepartments: string[];
  /** Weighted interactions where one side has no known department (left out of the share). */
  interactionsWithoutDepartment: number;
}

/**
 * Department figures from the number of network persons per department and the weighted
 * interactions between departments (a null department: a person without one).
 */
export function departmentNetwork(
  people: ReadonlyMap<string, number>,
  flows: readonly DepartmentFlow[],
  minGroupSize: number,
): DepartmentNetwork {
  const names = [...people.keys()].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const weights = names.map(() => names.map(() => 0));
  let unknown = 0;
  for (const f of flows) {
    const from = index.get(f.from_department ?? '');
    const to = index.get(f.to_department ?? '');
    if (from === undefined || to === undefined) unknown += f.weight;
    else weights[from]![to]! += f.weight;
  }
  const suppressed = names.map((n) => isSuppressed(people.get(n) ?? 0, minGroupSize));
  const cross = (i: number): number =>
    names.reduce((t, _, j) => (i === j ? t : t + weights[i]![j]! + weights[j]![i]!), 0);
  const total = weights.flat().reduce((t, w) => t + w, 0);
  const internal = names.reduce((t, _, i) => t + weights[i]![i]!, 0);
  let connected = 0;
  names.forEach((_, i) =>
    names.forEach((__, j) => (connected += j > i && weights[i]![j]! + weights[j]![i]! > 0 ? 1 : 0)),
  );
  return {
    crossDepartmentShare: total === 0 ? null : (total - internal) / total,
    departments: names.map((name, i) =>
      suppressed[i]
        ? {
            name,
            people: null,
            internalInteractions: null,
            crossInteractions: null,
            suppressed: true,
            note: fewerThan(minGroupSize),
          }
        : {
            name,
            people: people.get(name) ?? 0,
            internalInteractions: weights[i]![i]!,
            crossInteractions: cross(i),
            suppressed: false,
            note: null,
          },
    ),
    matrix: weights.map((row, i) => row.map((w, j) => (suppressed[i] || suppressed[j] ? null : w))),
    departmentPairsConnected: connected,
    departmentPairsPossible: (names.length * (names.length - 1)) / 2,
    isolatedDepartments: names.filter((_, i) => !suppressed[i] && cross(i) === 0),
    interactionsWithoutDepartment: unknown,
  };
}
