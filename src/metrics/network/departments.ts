import type { z } from 'zod';
import { fewerThan, isSuppressed } from './privacy.js';
import type { networkSchema } from './schema.js';
import type { DepartmentFlow } from './tables.js';

/**
 * Department-level network figures (spec §6), present when any active person has a department.
 * The type is the schema's (schema.ts), so the two cannot differ.
 */
export type DepartmentNetwork = NonNullable<z.infer<typeof networkSchema>['departments']>;

/** One department's figures; all null (with `note`) below the privacy threshold. */
export type DepartmentFigures = DepartmentNetwork['departments'][number];

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
