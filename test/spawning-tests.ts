/**
 * The end-to-end test files: they spawn the built CLI (or another node process, or tsx worker
 * threads) or run the whole CLI in the worker (test/helpers/cli-in-process.ts). `npm test` runs
 * them (the e2e project, and the isolated one), `npm run test:fast` leaves them out.
 * `test/hygiene/fast-suite.test.ts` fails when a file that spawns or runs the CLI is missing here,
 * so the fast suite stays free of child processes. An entry is a file or `dir/**`.
 */
export const SPAWNING_TESTS: readonly string[] = [
  'test/e2e/**',
  'test/bench/**',
  'test/bad-input/bounded-work.test.ts',
  'test/bad-input/cli.test.ts',
  'test/bad-input/dates-and-periods.test.ts',
  'test/bad-input/kept-dataset.test.ts',
  'test/bad-input/never-exit-3.test.ts',
  'test/bad-input/outputs.test.ts',
  'test/bad-input/private-space-names.test.ts',
  'test/privacy/anonymize.test.ts',
  'test/privacy/community-post.test.ts',
  'test/privacy/private-content.test.ts',
  // Not a process, but reading worker threads started from the built dist/ (as the CLI starts
  // them), which the fast suite does not build; what it tests (parallel reading) is end-to-end plumbing.
  'test/sources/parallel-read.test.ts',
];

/**
 * The end-to-end files that mock a module (vi.mock): they run in the isolated project, one module
 * graph per file; the e2e project shares a graph between the files of a worker, where a mock would leak.
 */
export const ISOLATED_TESTS: readonly string[] = ['test/e2e/internal-error.test.ts'];

/** True when a repository-relative path (forward slashes) is one of `SPAWNING_TESTS`. */
export function isSpawningTest(file: string): boolean {
  return SPAWNING_TESTS.some((entry) => (entry.endsWith('/**') ? file.startsWith(entry.slice(0, -2)) : file === entry));
}
