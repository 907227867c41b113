/**
 * The spawn project's globalSetup: one folder per suite run for the CLI runs that test files share
 * (test/helpers/shared-run.ts), removed when the run ends, so no output of an older build is ever
 * read back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'pilot-report-shared-runs-'));
  project.provide('sharedRunsDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
