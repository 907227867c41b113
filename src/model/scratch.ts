/**
 * Temporary folders for datasets (the DuckDB file of a run, the parts worker threads read into),
 * removed when done and also when the process exits or is stopped by a signal: a cut-short run over
 * a large export must not leave gigabytes in the temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Folders made and not removed yet. */
const open = new Set<string>();
let cleanupInstalled = false;

/** A new folder under the system's temporary folder, or null when none can be made. */
export function makeScratchFolder(): string | null {
  try {
    const folder = mkdtempSync(path.join(tmpdir(), 'pilot-report-dataset-'));
    if (!cleanupInstalled) installCleanup();
    open.add(folder);
    return folder;
  } catch {
    return null;
  }
}

export function removeScratchFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  open.delete(folder);
}

/**
 * Removes the open folders at exit, also on Ctrl-C or a CI job's SIGTERM, whose default action ends
 * the process without an exit event. Worker threads share the process, so only the main thread
 * installs this (a worker's folders belong to the main thread's run).
 */
function installCleanup(): void {
  cleanupInstalled = true;
  const removeAll = () => [...open].forEach(removeScratchFolder);
  process.once('exit', removeAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeAll();
      // Then die of the same signal, as without this handler (exit status 128 + n).
      process.kill(process.pid, signal);
    });
  }
}
