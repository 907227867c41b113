import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { InputFile, InputTree, Problem } from './types.js';

/**
 * Builds the lookup shared by every tree kind: exact name first, then case-insensitive. Adapters
 * match names without regard to case, so of two files whose names differ only in case
 * (`Messages.csv` and `messages.csv`, from a case-sensitive system) only the first in code-point
 * order is kept; each one left out is a problem in `problems`, so that it is never dropped unsaid.
 */
export function makeTree(
  displayPath: string,
  files: InputFile[],
  close: () => Promise<void> = async () => {},
  problems: Problem[] = [],
): InputTree {
  const sorted = withoutCaseTwins(
    [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    problems,
  );
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

function withoutCaseTwins(sorted: readonly InputFile[], problems: Problem[]): InputFile[] {
  const kept = new Map<string, InputFile>();
  for (const file of sorted) {
    const first = kept.get(file.name.toLowerCase());
    if (first === undefined) kept.set(file.name.toLowerCase(), file);
    else {
      const detail = `"${file.name}" and "${first.name}" differ only in case; names are matched without regard to case, so only "${first.name}" is read`;
      problems.push({ file: file.displayPath, line: null, reason: 'caseTwin', detail });
    }
  }
  return [...kept.values()];
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

/**
 * A folder on disk, walked recursively. Symbolic links are not followed (a link can loop or lead
 * out of the export); each one is a problem in `problems`, so that a linked `Messages.csv` is named
 * when the folder then seems to hold no export.
 */
export async function folderTree(dir: string, problems: Problem[] = []): Promise<InputTree> {
  const files: InputFile[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const entry of entries) {
      const relName = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(relName);
      else if (entry.isFile()) {
        const absolute = path.join(dir, relName);
        files.push(diskFile(absolute, relName, absolute, (await stat(absolute)).size));
      } else if (entry.isSymbolicLink()) {
        const detail =
          'is a symbolic link, which is not followed; pass the file it points to, or copy it into the folder';
        problems.push({ file: path.join(dir, relName), line: null, reason: 'symlink', detail });
      }
    }
  }
  await walk('');
  return makeTree(dir, files, async () => {}, problems);
}

/** A single file on disk, seen as a tree holding that one file under its base name. */
export async function singleFileTree(file: string): Promise<InputTree> {
  return makeTree(file, [diskFile(file, path.basename(file), file, (await stat(file)).size)]);
}

function diskFile(absolute: string, name: string, displayPath: string, size: number): InputFile {
  return { name, displayPath, size, localPath: absolute, open: async () => createReadStream(absolute) };
}
