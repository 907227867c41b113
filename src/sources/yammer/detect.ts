import type { InputTree } from '../types.js';

/**
 * The folders of an input that hold a Yammer network export: the root and/or first-level
 * sub-folders (an export with external networks has one folder per network id, and a zip often
 * wraps everything in one folder) containing `Messages.csv`, matched case-insensitively.
 * Returned as name prefixes (`''`, `'1234/'`), sorted.
 */
export function findYammerRoots(input: InputTree): string[] {
  const roots: string[] = [];
  for (const file of input.files) {
    const parts = file.name.split('/');
    if (parts.length > 2) continue;
    if (parts[parts.length - 1]?.toLowerCase() !== 'messages.csv') continue;
    roots.push(parts.length === 2 ? `${parts[0]}/` : '');
  }
  return [...new Set(roots)].sort();
}

/** Detection: a `Messages.csv` at the root or in one sub-folder. */
export async function detectYammer(input: InputTree): Promise<boolean> {
  return findYammerRoots(input).length > 0;
}
