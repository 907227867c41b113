import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { singleFileTree } from '../../sources/input-tree.js';
import { openCsv } from '../../sources/shared/csv-records.js';

/** What a CSV beside the exports is, judged by its header alone. */
export type SideFileKind = 'people' | 'ideasLedger';

/** The side files `init` found in a folder: the path written into the config, and why. */
export interface FoundSideFiles {
  people: string | null;
  ideasLedger: string | null;
  /** Lines for the person running init: what was taken, and what was left out and why. */
  notes: string[];
}

/** The identity suggestions `init` writes (`SUGGESTED_PEOPLE_FILE`). */
const NOT_CONFIRMED = 'people.suggested.csv';

/** Columns that only a people file has beside an `email` or `aliases` column (metrics spec §1). */
const PEOPLE_DETAIL_COLUMNS = ['name', 'department', 'role', 'aliases'];
/** Columns of a message export: a file with one of them is an export, never a people file. */
const MESSAGE_COLUMNS = ['body', 'text', 'message', 'created_at', 'timestamp', 'thread_id', 'replied_to_id'];

/**
 * A CSV's kind from its (trimmed, lower-cased) header, or null. Ledger: `idea`, `stage` and `date`
 * (what `readLedger` requires). People file: `email` or `aliases` (what `readPeopleFile` requires)
 * with a column that says something about the person, and no message columns (a generic CSV
 * export with an author e-mail column is not a people file).
 */
export function sideFileKind(columns: readonly string[]): SideFileKind | null {
  const has = (name: string) => columns.includes(name);
  if (has('idea') && has('stage') && has('date')) return 'ideasLedger';
  if (MESSAGE_COLUMNS.some(has)) return null;
  if ((has('email') || has('aliases')) && PEOPLE_DETAIL_COLUMNS.some(has)) return 'people';
  return null;
}

/**
 * The people file and the idea ledger among the CSV files at the top of `dir`, by header (any file
 * name). When two files fit one role, the first by name is taken and the other named in a note.
 */
export async function findSideFiles(dir: string): Promise<FoundSideFiles> {
  const names = (await readdir(dir, { withFileTypes: true }))
    // init's own suggestions are not a people file until the champion renames them.
    .filter(
      (e) => e.isFile() && /\.(csv|tsv|txt)$/i.test(e.name) && !e.name.startsWith('.') && e.name !== NOT_CONFIRMED,
    )
    .map((e) => e.name)
    .sort();
  const found: FoundSideFiles = { people: null, ideasLedger: null, notes: [] };
  for (const name of names) {
    const kind = sideFileKind(await headerOf(path.join(dir, name)));
    if (kind === null) continue;
    const taken = found[kind];
    if (taken === null) found[kind] = name;
    else
      found.notes.push(
        `${name} also looks like ${kind === 'people' ? 'a people file' : 'an idea ledger'}; ${taken} is used (change "${kind}" in the config to use the other)`,
      );
  }
  return found;
}

/** The header of a CSV file; a file that cannot be read as CSV has none. */
async function headerOf(file: string): Promise<readonly string[]> {
  const tree = await singleFileTree(file);
  const only = tree.files[0];
  if (!only) return [];
  // Problems of the rows are not init's business: validate and analyze report them with lines.
  const table = await openCsv(only, () => {});
  await table.close();
  return table.columns;
}
