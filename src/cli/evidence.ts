import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InternalError } from '../errors.js';
import { benchmarkFileSchema, type Reference } from '../metrics/evidence/benchmarks.js';

/** The shipped reference figures (same relative place from `src/cli/` and from `dist/cli/`). */
export const BENCHMARKS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/benchmarks.json');

/** The built-in references; a broken shipped file is a bug of the package (exit 3), not the user's. */
export function builtInReferences(file: string = BENCHMARKS_FILE): Reference[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InternalError(`${file}: the shipped benchmark file cannot be read`, { cause: error });
  }
  const result = benchmarkFileSchema.safeParse(parsed);
  if (!result.success)
    throw new InternalError(
      `${file}: the shipped benchmark file is not valid: ${result.error.issues[0]?.message ?? ''}`,
    );
  return result.data.references;
}
