/**
 * The order in which `npm test` starts its files. All projects share one queue of workers; Vitest's
 * own order runs the projects one after another by name, so the long end-to-end files (20-30 s
 * each) started after the whole fast project and the last of them ran alone on one core at the
 * end. Here the end-to-end projects go first, longest first (the duration of the last run, else the
 * file size), so the short fast files fill both cores at the end. Within a project the files stay
 * together: a non-isolated worker keeps its module graph only while the next file is of the same
 * project. Inside the fast project, a fresh clone (no cached durations) starts its known slow files
 * first (SlowFirstSequencer).
 */
import type { TestSpecification } from 'vitest/node';
import { SlowFirstSequencer } from './helpers-fast/slow-first-sequencer.js';

/** Projects in the order they start; the fast project, many short files, last. */
const PROJECT_ORDER = ['e2e', 'isolated', 'fast'];

export default class LongestFirstSequencer extends SlowFirstSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Vitest's order within a project: failed first, then longest (or largest) first; the fast
    // project's known slow files first when no durations are cached.
    const byVitest = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = PROJECT_ORDER.indexOf(spec.project.name);
      return index === -1 ? PROJECT_ORDER.length : index;
    };
    // Array.prototype.sort is stable: Vitest's order is kept inside each project.
    return byVitest.sort((a, b) => rank(a) - rank(b));
  }
}
