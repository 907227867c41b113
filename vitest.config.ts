import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SPAWNING_TESTS } from './test/spawning-tests.js';
import { SlowFirstSequencer } from './test/helpers-fast/slow-first-sequencer.js';

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
    // A fresh clone has no cached durations: the fast project's long files start first anyway
    // (test/helpers-fast/slow-first-sequencer.ts). Other projects keep vitest's order.
    sequence: { sequencer: SlowFirstSequencer },
    // Two projects so that `npm run test:fast` (`--project fast`) can leave out the tests that spawn
    // the CLI; `npm test` runs both. Each project lists its own files (an `include` here would be
    // merged into both).
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
        // Isolated: internal-error.test.ts mocks a module (vi.mock), which must not leak.
        test: {
          name: 'spawn',
          include: SPAWNING_TESTS.map((e) => (e.endsWith('/**') ? `${e}/*.test.ts` : e)),
          // The folder of the CLI runs that several files share (test/helpers/shared-run.ts).
          globalSetup: ['test/helpers/shared-runs-setup.ts'],
        },
      },
    ],
  },
});
