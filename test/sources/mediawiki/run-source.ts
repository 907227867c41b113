import type { Activity, Identity, SourceRecord, Space } from '../../../src/model/types.js';
import type { InputTree, Problem, Source, SourceOptions } from '../../../src/sources/types.js';

/** Everything an adapter reported while reading one input. */
export interface SourceRun {
  activities: Activity[];
  identities: Identity[];
  spaces: Space[];
  problems: Problem[];
  skips: { reason: string; file: string; line: number | null }[];
  notes: string[];
  /** False when the adapter said this export records no reactions. */
  recordsReactions: boolean;
  files: string[];
  /** records.read as the loader counts it: used (non-derived activities) + skipped. */
  read: number;
  skippedByReason: Record<string, number>;
}

/** Runs an adapter over a tree with a recording context (shared by the mediawiki and csv tests). */
export async function runSource(
  source: Source,
  tree: InputTree,
  options: Partial<SourceOptions> = {},
): Promise<SourceRun> {
  const run: SourceRun = {
    activities: [],
    identities: [],
    spaces: [],
    problems: [],
    skips: [],
    notes: [],
    recordsReactions: true,
    files: [],
    read: 0,
    skippedByReason: {},
  };
  const ctx = {
    options: { includePrivate: false, botAccounts: [], ...options },
    problem: (p: Problem) => run.problems.push(p),
    skip: (reason: string, at: { file: string; line: number | null }) => {
      run.skips.push({ reason, ...at });
      run.skippedByReason[reason] = (run.skippedByReason[reason] ?? 0) + 1;
    },
    fileRead: (path: string) => run.files.push(path),
    note: (text: string) => run.notes.push(text),
    withoutReactions: () => {
      run.recordsReactions = false;
    },
  };
  let used = 0;
  for await (const record of source.read(tree, ctx)) {
    if (record.type === 'activity' && !record.derived) used += 1;
    collect(run, record);
  }
  run.read = used + run.skips.length;
  return run;
}

function collect(run: SourceRun, record: SourceRecord): void {
  if (record.type === 'activity') run.activities.push(record.activity);
  else if (record.type === 'identity') run.identities.push(record.identity);
  else run.spaces.push(record.space);
}
