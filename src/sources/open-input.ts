import { stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { SourceKind } from '../model/types.js';
import { SOURCE_KINDS } from './registry.js';
import { splitInputArg } from '../model/input-arg.js';
import { folderTree, singleFileTree } from './input-tree.js';
import type { InputTree, Problem } from './types.js';
import { zipTree } from './zip-tree.js';

/** A command-line input, opened: the tree of files and the source kind the user forced, if any. */
export interface OpenedInput {
  /** Set when the argument started with `yammer:`, `slack:`... (detection is then skipped). */
  forcedKind: SourceKind | null;
  tree: InputTree;
  /** Problems found while listing (zip entries left out); to be reported with the source's warnings. */
  problems: Problem[];
}

/**
 * Turns one command-line argument into an input tree: an optional `kind:` prefix, then a folder
 * (walked), a `.zip` (read in place) or any other file (a tree of one). A missing path or an
 * unknown kind prefix is an InputError with a hint.
 */
export async function openInput(arg: string): Promise<OpenedInput> {
  const { forcedKind, path } = splitKind(arg);
  if (path === '') {
    throw new InputError(arg, null, 'names no file or folder', {
      hint: 'write the path after the kind, e.g. yammer:exports/yammer.zip',
    });
  }
  const info = await stat(path).catch((cause: unknown) => {
    throw new InputError(path, null, 'does not exist or cannot be read', { cause, hint: missingHint(arg, forcedKind) });
  });
  if (info.isDirectory()) {
    const problems: Problem[] = [];
    return { forcedKind, tree: await folderTree(path, problems), problems };
  }
  if (!info.isFile()) {
    // Opening a FIFO waits for a writer forever (and keeps the process alive after the error).
    throw new InputError(
      path,
      null,
      `is not a regular file (${specialKind(info)}); an input is an export folder, a .zip or a file`,
      {
        hint: 'copy what it delivers into a file first, then analyze that file',
      },
    );
  }
  if (/\.zip$/i.test(path)) {
    const { tree, problems } = await zipTree(path);
    return { forcedKind, tree, problems };
  }
  return { forcedKind, tree: await singleFileTree(path), problems: [] };
}

function specialKind(info: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  return info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : 'not a file or folder';
}

/** Splits `slack:exports/x.zip` into the kind and the path; a path without a known prefix is kept whole. */
export function splitKind(arg: string): { forcedKind: SourceKind | null; path: string } {
  const { kind, path } = splitInputArg(arg, SOURCE_KINDS);
  return { forcedKind: kind, path };
}

function missingHint(arg: string, forcedKind: SourceKind | null): string {
  const prefix = forcedKind === null ? splitInputArg(arg, SOURCE_KINDS).unknownPrefix : null;
  if (prefix !== null) {
    return `"${prefix}:" is not a source kind; write one of ${SOURCE_KINDS.map((k) => `${k}:`).join(' ')} before the path, or none to detect it`;
  }
  return 'check the path (quote it if it contains spaces); an input is an export folder, a .zip or a single file';
}
