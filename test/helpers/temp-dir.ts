/**
 * Temporary folders for tests that are removed again, so that running the suite every day does
 * not fill the disk. A test file that makes folders with `makeTempDir` (or a helper built on it)
 * registers `afterAll(removeTempDirs)`: afterAll, not afterEach, because some files make one
 * folder at collection time and share it between tests. Vitest runs each test file in its own
 * module graph, so the list below only ever holds the folders of the file being run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Folders made by makeTempDir and not removed yet. */
const made = new Set<string>();

/** A fresh folder under the system temp folder, named `<prefix><random>`, to be removed by removeTempDirs. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes one folder and everything in it; a folder already gone is no error. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  made.delete(dir);
}

/** Removes every folder makeTempDir made that is still there (register with `afterAll`). */
export function removeTempDirs(): void {
  for (const dir of made) removeTempDir(dir);
}
