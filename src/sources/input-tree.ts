import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { InputFile, InputTree } from './types.js';

/** Builds the lookup shared by every tree kind: exact name first, then case-insensitive. */
export function makeTree(displayPath: string, files: InputFile[], close: () => Promise<void> = async () => {}): InputTree {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const exact = new Map(sorted.map((f) => [f.name, f]));
  const folded = new Map<string, InputFile>();
  for (const f of sorted) if (!folded.has(f.name.toLowerCase())) folded.set(f.name.toLowerCase(), f);
  return {
    displayPath,
    files: sorted,
    find: (name) => exact.get(name) ?? folded.get(name.toLowerCase()),
    close,
  };
}

/** An in-memory tree, for tests: `memoryTree('export', { 'Messages.csv': 'id,...' })`. */
export function memoryTree(displayPath: string, contents: Record<string, string | Buffer>): InputTree {
  const files = Object.entries(contents).map(([name, body]): InputFile => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return {
      name,
      displayPath: `${displayPath}/${name}`,
      size: bytes.length,
      open: async () => Readable.from([bytes]),
    };
  });
  return makeTree(displayPath, files);
}

/** A folder on disk, walked recursively (symbolic links are not followed). */
export async function folderTree(dir: string): Promise<InputTree> {
  const files: InputFile[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const entry of entries) {
      const relName = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(relName);
      else if (entry.isFile()) {
        const absolute = path.join(dir, relName);
        files.push(diskFile(absolute, relName, absolute, (await stat(absolute)).size));
      }
    }
  }
  await walk('');
  return makeTree(dir, files);
}

/** A single file on disk, seen as a tree holding that one file under its base name. */
export async function singleFileTree(file: string): Promise<InputTree> {
  return makeTree(file, [diskFile(file, path.basename(file), file, (await stat(file)).size)]);
}

function diskFile(absolute: string, name: string, displayPath: string, size: number): InputFile {
  return { name, displayPath, size, open: async () => createReadStream(absolute) };
}
