import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { SLOW_FAST_TESTS } from '../helpers-fast/slow-first-sequencer.js';
import { isSpawningTest } from '../spawning-tests.js';

describe('the fast suite’s slow-first list (test/helpers-fast/slow-first-sequencer.ts)', () => {
  it('names test files of the fast project that exist, each once', () => {
    // A renamed or moved file would silently fall back to vitest's size order.
    expect(SLOW_FAST_TESTS.filter((file) => !existsSync(path.join(REPO_ROOT, file)))).toEqual([]);
    expect(SLOW_FAST_TESTS.filter((file) => !file.endsWith('.test.ts') || isSpawningTest(file))).toEqual([]);
    expect(new Set(SLOW_FAST_TESTS).size).toBe(SLOW_FAST_TESTS.length);
  });
});
