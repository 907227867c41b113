import { defineConfig } from 'vitest/config';
import { SPAWNING_TESTS } from './test/spawning-tests.js';

const ALL_TESTS = 'test/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    env: { TZ: 'UTC', NO_COLOR: '1' },
    // Two projects so that `npm run test:fast` (`--project fast`) can leave out the tests that spawn
    // the CLI; `npm test` runs both. Each project lists its own files (an `include` here would be
    // merged into both).
    projects: [
      { extends: true, test: { name: 'fast', include: [ALL_TESTS], exclude: ['**/node_modules/**', ...SPAWNING_TESTS] } },
      { extends: true, test: { name: 'spawn', include: SPAWNING_TESTS.map((e) => (e.endsWith('/**') ? `${e}/*.test.ts` : e)) } },
    ],
  },
});
