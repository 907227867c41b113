import { stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { LedgerRow } from '../metrics/ideas/index.js';
import type { PeopleEntry } from '../model/types.js';
import { singleFileTree } from '../sources/input-tree.js';
import { readLedger } from '../sources/ledger/read-ledger.js';
import { readPeopleFile } from '../sources/people/read-people.js';
import { readRecognizeFile } from '../sources/people/read-recognize.js';
import type { InputFile, Problem } from '../sources/types.js';

/** Problems in side files (people file, ledger) as `file:line: detail` lines for warnings. */
export type ProblemSink = (line: string) => void;

const describe = (p: Problem): string => `${p.file}:${p.line === null ? '' : `${p.line}:`} ${p.detail}`;

async function openSideFile(file: string, what: string): Promise<InputFile> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new InputError(file, null, `the ${what} does not exist or is not a file`);
  const tree = await singleFileTree(file);
  const only = tree.files[0];
  if (!only) throw new InputError(file, null, `the ${what} cannot be read`);
  return only;
}

/** Reads `--people`; row problems go to `sink`, an unusable file is an InputError. */
export async function readPeople(file: string | undefined, sink: ProblemSink): Promise<PeopleEntry[]> {
  if (!file) return [];
  const { entries, problems } = await readPeopleFile(await openSideFile(file, 'people file'));
  problems.forEach((p) => sink(describe(p)));
  return entries;
}

/** Reads `--ideas`; row problems go to `sink`, an unusable file is an InputError. */
export async function readIdeasLedger(file: string | undefined, sink: ProblemSink): Promise<LedgerRow[]> {
  if (!file) return [];
  const { rows } = await readLedger(await openSideFile(file, 'ideas ledger'), (p) => sink(describe(p)));
  return rows;
}

/** Reads `--recognize`: people who opted in to be named when the rest are anonymized. */
export async function readRecognized(file: string | undefined, sink: ProblemSink): Promise<Set<string>> {
  if (!file) return new Set();
  const { recognized, problems } = await readRecognizeFile(await openSideFile(file, 'recognize file'));
  problems.forEach((p) => sink(describe(p)));
  return recognized;
}
