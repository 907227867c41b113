import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';

/**
 * The shared sample exports (real exports of public projects, with their provenance): `../shared/samples`
 * beside the project, as CI has it, or `/work/shared/samples` for a clone made elsewhere on the same
 * machine (a fresh clone in a temporary folder); `PILOT_SHARED_SAMPLES` names another place. Tests
 * that read them run only where they are present (`describe.skipIf(!SHARED_SAMPLES_PRESENT)`).
 */
export const SHARED_SAMPLES: string =
  [process.env.PILOT_SHARED_SAMPLES, path.resolve(REPO_ROOT, '../shared/samples'), '/work/shared/samples'].find(
    (dir): dir is string => dir !== undefined && dir !== '' && existsSync(dir),
  ) ?? path.resolve(REPO_ROOT, '../shared/samples');

/** Whether the shared samples are on this machine. */
export const SHARED_SAMPLES_PRESENT = existsSync(SHARED_SAMPLES);

/** A folder or file under the shared samples. */
export function sharedSample(...parts: string[]): string {
  return path.join(SHARED_SAMPLES, ...parts);
}
