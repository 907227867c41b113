/**
 * Where a run keeps its dataset: in memory when its inputs are small, else in a temporary DuckDB
 * file (model/dataset.ts says why large runs need the file: compression and eviction under
 * `--memory-limit`).
 *
 * Why small runs skip the file: DuckDB writes every statement's changes to the file's write-ahead
 * log and syncs it, checkpoints at the end of the load, and again when the dataset is closed, all
 * for a file deleted right after. On the sample pilot (956 records) that was ~0.5 s of CPU of ~10 s
 * on a 2-core AMD EPYC (5 alternated pairs, bench/README.md, issue 16 item 4), and the waiting
 * for the disk on a busy machine. The results are the same either way (the metrics' tests run on
 * in-memory datasets; scripts/compare-outputs.sh).
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeStaleScratchFolders } from '../model/scratch.js';

/**
 * Inputs of fewer bytes on disk in all are analyzed in memory. DuckDB holds tables there
 * uncompressed, a few times their size on disk (1M Yammer messages, 323 MB, took ~1.5 GB): 16 MiB
 * of exports stays well under 100 MB, and far from the worker-thread reads (64 MiB and more).
 */
export const IN_MEMORY_MAX_BYTES = 16 * 2 ** 20;

/**
 * Whether the run on `inputs` keeps its dataset in a temporary file (`Dataset.open`'s `spill`):
 * false when they hold under {@link IN_MEMORY_MAX_BYTES}. A run in memory still removes the
 * scratch folders that killed runs left (model/scratch.ts: every run does, at its first file).
 */
export async function spillsToFile(inputs: readonly string[]): Promise<boolean> {
  if (!(await inputsSmallerThan(inputs, IN_MEMORY_MAX_BYTES))) return true;
  removeStaleScratchFolders(tmpdir());
  return false;
}

/** Folder entries looked at before giving up: a tree this large is not a small pilot. */
const MAX_ENTRIES = 20_000;

/** A `kind:` prefix (`slack:exports/x.zip`, model/input-arg.ts), tried off when the whole argument is no path. */
const KIND_PREFIX = /^[a-z][a-z0-9-]+:(.+)$/is;

/**
 * Whether `inputs` (as written: paths, `kind:path`) hold fewer than `limit` bytes on disk in all,
 * folders counted file by file. An input that cannot be read, or a tree of more than
 * {@link MAX_ENTRIES} entries, answers false: the run then uses the file as before, and loading
 * reports the unreadable input itself.
 */
export async function inputsSmallerThan(inputs: readonly string[], limit: number): Promise<boolean> {
  const budget = { bytes: limit, entries: MAX_ENTRIES };
  for (const input of inputs) {
    const found = await sizeOf(input, budget);
    if (!found) return false;
    if (budget.bytes <= 0 || budget.entries <= 0) return false;
  }
  return true;
}

interface Budget {
  bytes: number;
  entries: number;
}

/** Takes the input's bytes off `budget`; false when it is neither a path nor `kind:` and a path. */
async function sizeOf(input: string, budget: Budget): Promise<boolean> {
  if (await spend(input, budget)) return true;
  const unprefixed = KIND_PREFIX.exec(input)?.[1];
  return unprefixed !== undefined && (await spend(unprefixed, budget));
}

async function spend(file: string, budget: Budget): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isDirectory()) {
      budget.bytes -= info.size;
      return true;
    }
    const entries: Dirent[] = await readdir(file, { withFileTypes: true });
    for (const entry of entries) {
      budget.entries -= 1;
      if (budget.bytes <= 0 || budget.entries <= 0) return true;
      const child = path.join(file, entry.name);
      if (entry.isFile()) budget.bytes -= (await stat(child)).size;
      else if (!(await spend(child, budget))) return false;
    }
    return true;
  } catch {
    return false;
  }
}
