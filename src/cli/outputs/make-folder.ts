import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * `mkdir -p` that always ends. Node's own recursive mkdir loops forever where a parent refuses new
 * entries with ENOENT (`/proc/x`, seen with Node 20): here the missing folders are made one at a
 * time from the nearest one that exists, so any refusal surfaces as an error with a code.
 * Returns the folders it made, outermost first.
 */
export async function makeFolder(folder: string): Promise<string[]> {
  const missing: string[] = [];
  let current = path.resolve(folder);
  for (;;) {
    const info = await stat(current).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') return null;
      throw error;
    });
    if (info) {
      if (!info.isDirectory())
        throw Object.assign(new Error(`${current} is not a folder`), { code: 'ENOTDIR', path: current });
      break;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const made: string[] = [];
  for (const child of missing.reverse()) {
    await mkdir(child).then(
      () => made.push(child),
      (error: unknown) => {
        // Another process may have made it meanwhile; anything else is a real refusal.
        if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      },
    );
  }
  return made;
}
