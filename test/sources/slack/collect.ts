import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity, Identity, Space } from '../../../src/model/types.js';
import { expect } from 'vitest';
import { folderTree } from '../../../src/sources/input-tree.js';
import type { InputTree, Problem, Source } from '../../../src/sources/types.js';

/** Everything an adapter reported for one input, with the data-quality sums the loader would make. */
export interface Collected {
  activities: Activity[];
  reactions: Activity[];
  identities: Identity[];
  spaces: Space[];
  problems: Problem[];
  notes: string[];
  files: number;
  records: { read: number; used: number; skipped: number; skippedByReason: Record<string, number> };
}

/** Runs an adapter over a tree with a recording context, as the loader would. */
export async function collect(source: Source, tree: InputTree, includePrivate = false): Promise<Collected> {
  const out: Collected = {
    activities: [],
    reactions: [],
    identities: [],
    spaces: [],
    problems: [],
    notes: [],
    files: 0,
    records: { read: 0, used: 0, skipped: 0, skippedByReason: {} },
  };
  const ctx = {
    options: { includePrivate, botAccounts: [] },
    problem: (p: Problem) => out.problems.push(p),
    skip: (reason: string) => {
      out.records.read += 1;
      out.records.skipped += 1;
      out.records.skippedByReason[reason] = (out.records.skippedByReason[reason] ?? 0) + 1;
    },
    fileRead: () => {
      out.files += 1;
    },
    note: (text: string) => out.notes.push(text),
    withoutReactions: () => out.notes.push('(records no reactions)'),
  };
  for await (const record of source.read(tree, ctx)) {
    if (record.type === 'identity') out.identities.push(record.identity);
    else if (record.type === 'space') out.spaces.push(record.space);
    else if (record.derived) out.reactions.push(record.activity);
    else {
      out.records.read += 1;
      out.records.used += 1;
      out.activities.push(record.activity);
    }
  }
  return out;
}

/** A problem's file relative to the input, for readable assertions. */
export function relativeProblems(
  problems: readonly Problem[],
  root: string,
): { file: string; line: number | null; reason: string }[] {
  return problems.map((p) => ({
    file: p.file.startsWith(`${root}/`) ? p.file.slice(root.length + 1) : p.file,
    line: p.line,
    reason: p.reason,
  }));
}

/** A fixture export under test/fixtures/<kind>/<name>/export with its expected.json beside it. */
export function fixture(kind: string, name: string): { dir: string; expected: Record<string, unknown> } {
  const base = path.resolve(import.meta.dirname, '../../fixtures', kind, name);
  const expected: unknown = JSON.parse(readFileSync(path.join(base, 'expected.json'), 'utf8'));
  if (typeof expected !== 'object' || expected === null) throw new Error(`bad expected.json in ${name}`);
  return { dir: path.join(base, 'export'), expected: { ...expected } };
}

/** Reads an export folder with `source` after checking that the source detects it. */
export async function detectAndCollect(source: Source, dir: string): Promise<Collected> {
  const tree = await folderTree(dir);
  expect(await source.detect(tree)).toBe(true);
  return collect(source, tree);
}

/**
 * An activity as expected.json files write it: the named fields, `at` as an ISO instant and
 * `line` from its provenance.
 */
export function asWritten(activity: Activity, fields: readonly (keyof Activity | 'line')[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((field) => [
      field,
      field === 'line'
        ? activity.provenance.line
        : field === 'at'
          ? new Date(activity.at).toISOString()
          : activity[field],
    ]),
  );
}
