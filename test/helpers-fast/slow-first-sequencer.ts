/**
 * The order in which the fast project's files start. With two workers, the run lasts as long as
 * the busier one, so a long file that starts last leaves the other worker idle: 5 s of the
 * 50 MB body test at the end is 2.5 s more wall time. Vitest starts the longest files first when
 * its results cache (node_modules/.vite/vitest) knows their durations; a fresh clone has none,
 * and vitest then starts the largest files first, which put `large-body` (34 lines, 5 s) and
 * `period-forms` (38 lines, 4 s) among the last. Without cached durations, the files listed in
 * SLOW_FAST_TESTS start first, in that order; with them, vitest's own order stands. A stale list
 * only costs balance, never a test.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Fast-project files that take 2 s or more (measured with the JSON reporter, 3 Dec 2026), the
 * longest first. Repository-relative paths.
 */
export const SLOW_FAST_TESTS: readonly string[] = [
  'test/property/corruption.test.ts',
  'test/report/pdf/full-report.test.ts',
  'test/bad-input/large-body.test.ts',
  'test/report/pdf/first-reader-polish.test.ts',
  'test/property/idempotence.test.ts',
  'test/cli/period-forms.test.ts',
  'test/metrics/order-independence.test.ts',
  'test/cli/embedding-model-config.test.ts',
  'test/report/pdf/render-report.test.ts',
  'test/report/pdf/duplicates.test.ts',
  'test/report/json/schema.test.ts',
  'test/report/pptx/render-deck.test.ts',
  'test/scripts/writers.test.ts',
  'test/report/json/json-schema.test.ts',
];

const FAST_PROJECT = 'fast';

/** Vitest's order, but a fast project without cached durations starts with SLOW_FAST_TESTS. */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const relative = (spec: TestSpecification): string => spec.moduleId.slice(root.length + 1).replaceAll('\\', '/');
    const fast = sorted.filter((spec) => spec.project.name === FAST_PROJECT);
    const known = fast.some((spec) => this.ctx.cache.getFileTestResults(`${FAST_PROJECT}:${relative(spec)}`));
    if (known || fast.length === 0) return sorted;
    const rank = (spec: TestSpecification): number => {
      const at = SLOW_FAST_TESTS.indexOf(relative(spec));
      return at === -1 ? SLOW_FAST_TESTS.length : at;
    };
    // Stable: files off the list keep vitest's order (largest first) after the listed ones.
    const reordered = [...fast].sort((a, b) => rank(a) - rank(b));
    let next = 0;
    return sorted.map((spec) => (spec.project.name === FAST_PROJECT ? (reordered[next++] ?? spec) : spec));
  }
}
