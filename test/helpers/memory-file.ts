import { memoryTree } from '../../src/sources/input-tree.js';
import type { InputFile } from '../../src/sources/types.js';

/** One in-memory file (shown as `<folder>/<name>`), for readers that take an InputFile (people file, ledger, recognize list). */
export function memoryFile(name: string, text: string, folder = 'in'): InputFile {
  const file = memoryTree(folder, { [name]: text }).find(name);
  if (!file) throw new Error(`test setup: the memory tree lost ${name}`);
  return file;
}
