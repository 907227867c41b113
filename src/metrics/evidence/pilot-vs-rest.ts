import { z } from 'zod';
import { compareGroups, differenceSchema, type CompareOptions } from './compare.js';
import { PRIVATE_SPACE_LABEL } from '../public-text.js';
import type { ThreadOutcome } from './thread-outcomes.js';

/** Which threads belong to the pilot: by space, by the starter's department, or by the starter. */
export interface PilotScope {
  /** Space names or ids (case-insensitive). */
  spaces: readonly string[];
  departments: readonly string[];
  /** E-mails or person ids (case-insensitive). */
  people: readonly string[];
}

export const pilotVsRestSchema = z.strictObject({
  scope: z
    .strictObject({ spaces: z.array(z.string()), departments: z.array(z.string()), people: z.array(z.string()) })
    .describe('What the config names as the pilot (`comparison.pilotSpaces`, `pilotDepartments`, `pilotPeople`).'),
  pilotThreads: z.number().int().min(0).describe('Threads started in the period inside the pilot.'),
  restThreads: z.number().int().min(0).describe('Threads started in the period outside it.'),
  figures: z.array(differenceSchema).describe('Pilot (first) vs rest (second) on the headline thread figures.'),
});

/** The pilot against the rest of the organization over the period. */
export type PilotVsRest = z.infer<typeof pilotVsRestSchema>;

/** True when the config names any part of the organization as the pilot. */
export function hasScope(scope: PilotScope): boolean {
  return scope.spaces.length + scope.departments.length + scope.people.length > 0;
}

/** Splits the period's threads into pilot and rest and compares them. */
export function computePilotVsRest(
  threads: readonly ThreadOutcome[],
  scope: PilotScope,
  options: CompareOptions,
  privateSpaces: ReadonlySet<string> = new Set(),
): PilotVsRest {
  const lower = (values: readonly string[]): Set<string> => new Set(values.map((v) => v.toLowerCase()));
  const spaces = lower(scope.spaces);
  const departments = lower(scope.departments);
  const people = lower(scope.people);
  const inPilot = (t: ThreadOutcome): boolean =>
    spaces.has(t.spaceId.toLowerCase()) ||
    spaces.has(t.spaceName.toLowerCase()) ||
    (t.department !== null && departments.has(t.department.toLowerCase())) ||
    (t.email !== null && people.has(t.email)) ||
    people.has(t.personId.toLowerCase());
  const pilot = threads.filter(inPilot);
  const rest = threads.filter((t) => !inPilot(t));
  return {
    // A private space named in the config is shown as "(private space)", as everywhere else.
    scope: {
      spaces: scope.spaces.map((s) => (privateSpaces.has(s.toLowerCase()) ? PRIVATE_SPACE_LABEL : s)),
      departments: [...scope.departments],
      people: [...scope.people],
    },
    pilotThreads: pilot.length,
    restThreads: rest.length,
    figures: [
      compareGroups('answeredRate', pilot.map(answered), rest.map(answered), options),
      compareGroups(
        'repliesPerThread',
        pilot.map((t) => t.replies),
        rest.map((t) => t.replies),
        options,
      ),
    ],
  };
}

export const answered = (t: ThreadOutcome): number => (t.answered ? 1 : 0);
