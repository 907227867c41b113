import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/sequencer.js';
import { ISOLATED_TESTS, SPAWNING_TESTS } from './test/spawning-tests.js';

const ALL_TESTS = 'test/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    env: { TZ: 'UTC', NO_COLOR: '1' },
    // Vitest's default (cores - 1) runs one file at a time on a 2-core CI machine; the workers
    // spend much of their time waiting on DuckDB or on a spawned CLI, so use every core.
    maxWorkers: availableParallelism(),
    // Keeps the transformed TypeScript in node_modules/.experimental-vitest-cache between runs,
    // keyed by each file's content: a run with nothing changed skips the transforms. Measured on
    // config/, time/, report/json/ (13 files): 12.3-13.0 s CPU without, 10.9 s with a warm cache.
    experimental: { fsModuleCache: true },
    // The end-to-end files first, longest first, the short fast files last (test/sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    // Three projects so that `npm run test:fast` (`--project fast`) can leave out the end-to-end
    // tests (the CLI spawned, or run whole in the worker); `npm test` runs all three. Each project
    // lists its own files (an `include` here would be merged into every project).
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: [ALL_TESTS],
          exclude: ['**/node_modules/**', ...SPAWNING_TESTS],
          // One module graph per worker instead of one per file: importing DuckDB, zod, pdfkit and
          // the sources anew for each of ~115 files was half the CPU time of these tests. None of
          // them mocks modules; the few that stub env, time or cwd restore them.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: endToEnd(SPAWNING_TESTS),
          exclude: ['**/node_modules/**', ...ISOLATED_TESTS],
          // Not isolated either: the files that run the CLI in the worker (test/helpers/cli-in-process.ts)
          // then load its modules once per worker, not once per file. runCliInProcess puts back the
          // env, cwd and streams it changes.
          isolate: false,
          // The folder of the CLI runs that several files share (test/helpers/shared-run.ts).
          globalSetup: ['test/helpers/shared-runs-setup.ts'],
        },
      },
      {
        extends: true,
        // Isolated: a file that mocks a module (vi.mock), which must not leak into other files.
        test: { name: 'isolated', include: [...ISOLATED_TESTS] },
      },
    ],
  },
});

/** Vitest globs for the entries of test/spawning-tests.ts (`dir/**` is every test file under dir). */
function endToEnd(entries: readonly string[]): string[] {
  return entries.map((e) => (e.endsWith('/**') ? `${e}/*.test.ts` : e));
}
