/**
 * Temporary folders for datasets (the DuckDB file of a run, the parts worker threads read into),
 * removed when done and at exit. A run stopped by a signal dies at once, whatever it is doing
 * (no handler waits for a busy main thread: a handler made runs ignore SIGTERM during long
 * synchronous steps); the folder it leaves holds an `owner.json` naming its process, and the next
 * run removes every such folder whose process is gone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { processIsGone } from './process-alive.js';

/** Name prefix of the folders, in the system's temporary folder. */
export const SCRATCH_PREFIX = 'pilot-report-dataset-';
/** The file in each folder naming the process that made it. */
const OWNER_FILE = 'owner.json';

/** Folders made and not removed yet. */
const open = new Set<string>();
let cleanupInstalled = false;

/** A new folder under the system's temporary folder, or null when none can be made. */
export function makeScratchFolder(): string | null {
  try {
    if (!cleanupInstalled) installCleanup();
    const folder = mkdtempSync(path.join(tmpdir(), SCRATCH_PREFIX));
    open.add(folder);
    writeFileSync(path.join(folder, OWNER_FILE), `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
    return folder;
  } catch {
    return null;
  }
}

export function removeScratchFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  open.delete(folder);
}

/** Removes the open folders at a normal exit, and the folders of killed runs once per process. */
function installCleanup(): void {
  cleanupInstalled = true;
  process.once('exit', () => [...open].forEach(removeScratchFolder));
  removeStaleScratchFolders(tmpdir());
}

/**
 * Removes the scratch folders in `folder` left by processes of this machine that no longer run
 * (`kill -9`, a signal, a power cut). A folder without a readable owner file (an older version,
 * another machine sharing the folder) is left alone. Returns the folders removed.
 */
export function removeStaleScratchFolders(folder: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.startsWith(SCRATCH_PREFIX));
  } catch {
    return removed;
  }
  const host = hostname();
  for (const name of names) {
    const candidate = path.join(folder, name);
    const owner = readOwner(path.join(candidate, OWNER_FILE));
    if (owner === null || owner.host !== host || !processIsGone(owner.pid)) continue;
    try {
      rmSync(candidate, { recursive: true, force: true });
      removed.push(candidate);
    } catch {
      // Another run may be removing it at the same time; the next run tries again.
    }
  }
  return removed;
}

function readOwner(file: string): { pid: number; host: string } | null {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const pid = Reflect.get(value, 'pid');
    const host = Reflect.get(value, 'host');
    return typeof pid === 'number' && typeof host === 'string' ? { pid, host } : null;
  } catch {
    return null;
  }
}
