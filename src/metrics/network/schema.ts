/**
 * The `network` section of metrics.json (spec §6) as a zod schema: its JSON Schema is generated from it
 * (report/json/json-schema.ts) and the section's types are inferred from it (`Network`, index.ts).
 * Keys are listed in code-point order, the order metrics.json
 * writes this section in.
 */
import { z } from 'zod';

export const networkSchema = z.strictObject({
  connectedPeople: z.number().describe('Persons with at least one interaction either way.'),
  density: z
    .number()
    .nullable()
    .describe('Ties / possible ties among `people`: 2 · ties / (people · (people − 1)); null for fewer than 2 people.'),
  departments: z
    .strictObject({
      crossDepartmentShare: z
        .number()
        .nullable()
        .describe(
          'Weighted interactions between persons of different departments / those between persons with known departments.',
        ),
      departmentPairsConnected: z
        .number()
        .describe('Unordered pairs of different departments with at least one interaction either way.'),
      departmentPairsPossible: z.number().describe('All unordered pairs of different departments: k·(k−1)/2.'),
      departments: z
        .array(
          z.strictObject({
            crossInteractions: z
              .number()
              .nullable()
              .describe(
                'Weighted interactions with persons of other departments, either direction; null when suppressed.',
              ),
            internalInteractions: z
              .number()
              .nullable()
              .describe('Weighted interactions between two persons of the department; null when suppressed.'),
            name: z.string().describe('Department name as the source or people file writes it.'),
            note: z.string().nullable().describe('`fewer than 5` when suppressed, else null.'),
            people: z
              .number()
              .nullable()
              .describe(
                'Persons of the department in the network (active in the period or reached); null when suppressed.',
              ),
            suppressed: z
              .boolean()
              .describe('True when fewer than `minGroupSize` persons of the department were active.'),
          }),
        )
        .describe('Every department with an active person, by name.'),
      interactionsWithoutDepartment: z
        .number()
        .describe('Weighted interactions where one side has no known department (left out of the share).'),
      isolatedDepartments: z
        .array(z.string())
        .describe('Departments (not suppressed) with no interaction with any other department.'),
      matrix: z
        .array(z.array(z.number().nullable()))
        .describe(
          "Weighted interactions from the row's department to the column's, in the order of `departments`; null when either department is suppressed.",
        ),
    })
    .nullable()
    .describe('Department figures; null when no active person has a department (see `warnings`).'),
  interactions: z
    .strictObject({
      mention: z.number(),
      reaction: z.number(),
      reply: z.number(),
    })
    .describe('Interaction counts by kind in the period (unweighted).'),
  people: z
    .number()
    .describe('The nodes: persons with any activity in the period, and the persons their interactions reached.'),
  ties: z.number().describe('Unordered pairs of persons with at least one interaction either way: the ties.'),
  topBrokers: z
    .array(
      z.strictObject({
        betweenness: z
          .number()
          .describe(
            'Normalized betweenness centrality (0–1) in the undirected, unweighted network, as graphology-metrics computes it; estimated from pivots when exact would exceed the work budget (then `warnings` says so, see `NetworkConfig.maxBetweennessWork`).',
          ),
        department: z.string().nullable().describe('Department, when known.'),
        id: z.string().describe('Person id.'),
        name: z.string().nullable().describe('Display name (replaced by a pseudonym under `--anonymize`).'),
        partners: z.number().describe('Distinct persons interacted with, either direction.'),
      }),
    )
    .describe('Top brokers by betweenness (only persons above 0), ties broken by id.'),
  warnings: z.array(z.string()).describe('Why figures are null.'),
  weightedInteractions: z.number().describe('Weighted sum of all interactions (`edgeWeights`).'),
});
