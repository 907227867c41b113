import { readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { processIsGone } from '../../model/process-alive.js';
import { makeFolder } from './make-folder.js';

/** Name of the lock file a run keeps in each folder it writes outputs to. */
export const LOCK_FILE = '.pilot-report.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

/** Held output folders; `release` removes the locks (and the folders the run made, when still empty). */
export interface OutputLock {
  release(options: { removeMadeFolders: boolean }): Promise<void>;
}

/**
 * Takes the lock of every folder the run will write outputs to, making the folders first. A
 * second run into the same folder fails at once with exit 2 instead of mixing its files with the
 * first's; a lock left by a process that no longer runs on this machine (`kill -9`) is taken over.
 */
export async function lockOutputFolders(folders: readonly string[]): Promise<OutputLock> {
  const unique = [...new Set(folders.map((f) => path.resolve(f)))].sort();
  const held: string[] = [];
  const made: string[] = [];
  const release = async ({ removeMadeFolders }: { removeMadeFolders: boolean }) => {
    await Promise.all(held.map((file) => rm(file, { force: true })));
    // Deepest first; a folder something else wrote into stays.
    if (removeMadeFolders) for (const folder of made.reverse()) await rmdir(folder).catch(() => undefined);
  };
  try {
    for (const folder of unique) {
      made.push(...(await makeFolder(folder)));
      held.push(await lockOne(folder));
    }
  } catch (error) {
    await release({ removeMadeFolders: true });
    throw error;
  }
  return { release };
}

async function lockOne(folder: string): Promise<string> {
  const file = path.join(folder, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(file, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
    const other = await readOwner(file);
    if (other && other.host === owner.host && processIsGone(other.pid)) {
      await removeLeftovers(folder, other.pid);
      await rm(file, { force: true });
      continue;
    }
    const who = other
      ? `process ${other.pid} on ${other.host}, started ${other.startedAt}`
      : 'a lock file that cannot be read';
    throw new UsageError(
      `${folder}: another pilot-report run is writing its outputs here (${who})\n  hint: wait for it to end, or write elsewhere (--out); if no run is going, remove ${file}`,
    );
  }
  throw new UsageError(
    `${folder}: cannot take the output lock ${file}\n  hint: remove it if no other pilot-report run is going`,
  );
}

/** The temporary outputs (publish.ts) a killed run left beside its targets. */
async function removeLeftovers(folder: string, pid: number): Promise<void> {
  const names = await readdir(folder).catch(() => []);
  const pattern = new RegExp(`^\\..+\\.${pid}\\.tmp$`);
  await Promise.all(names.filter((n) => pattern.test(n)).map((n) => rm(path.join(folder, n), { force: true })));
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const pid = Reflect.get(value, 'pid');
    const host = Reflect.get(value, 'host');
    const startedAt = Reflect.get(value, 'startedAt');
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof startedAt !== 'string') return null;
    return { pid, host, startedAt };
  } catch {
    return null;
  }
}
