import { z } from 'zod';
import type { Broker, DepartmentFigures, DepartmentNetwork, Network } from '../../../metrics/network/index.js';

/** Reads the document's `network` section into the parts of the real type the report draws. */

const maybe = z.number().nullable();
const broker: z.ZodType<Broker> = z.object({
  id: z.string(), name: z.string().nullable(), department: z.string().nullable(), betweenness: z.number(), partners: z.number(),
});
const department: z.ZodType<DepartmentFigures> = z.object({
  name: z.string(), people: maybe, internalInteractions: maybe, crossInteractions: maybe, suppressed: z.boolean(), note: z.string().nullable(),
});
const departments: z.ZodType<DepartmentNetwork> = z.object({
  crossDepartmentShare: maybe,
  departments: z.array(department),
  matrix: z.array(z.array(maybe)),
  departmentPairsConnected: z.number(),
  departmentPairsPossible: z.number(),
  isolatedDepartments: z.array(z.string()),
  interactionsWithoutDepartment: z.number(),
});

/** The parts of `Network` the report draws. */
export type NetworkView = Pick<Network, 'people' | 'connectedPeople' | 'ties' | 'density' | 'topBrokers' | 'departments' | 'warnings'>;

const networkSchema: z.ZodType<NetworkView> = z.object({
  people: z.number(), connectedPeople: z.number(), ties: z.number(), density: maybe,
  topBrokers: z.array(broker), departments: departments.nullable(), warnings: z.array(z.string()),
});

/** The network section, or null when it is absent or not in the expected shape. */
export function readNetwork(section: unknown): NetworkView | null {
  const parsed = networkSchema.safeParse(section);
  return parsed.success ? parsed.data : null;
}
