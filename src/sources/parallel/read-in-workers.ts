/**
 * Reads a run's exports in parallel: the costliest group in this (the main) thread, straight into
 * the dataset, the others in worker threads (see worker.ts), each export into a part that this
 * thread copies into the dataset as soon as it is closed, once its own read is done. Only worth it for large inputs: a thread and a DuckDB file per part cost a few hundred
 * milliseconds, so small runs (and every run with one export) read in the main thread alone.
 *
 * Why the main thread reads too: it only waited while the threads read, and every row of a part is
 * copied into the dataset, while the rows read here are finalized where they
 * stand (1M Yammer messages: bench/README.md, s11-d). One thread fewer also loads the code once less.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { ConfigError, InputError, InternalError, UsageError, type PilotError } from '../../errors.js';
import type { SourceAccount } from '../../model/accounting.js';
import type { Dataset } from '../../model/dataset.js';
import { removeScratchFolder } from '../../model/scratch.js';
import { sizeInBytes } from '../../model/size.js';
import { sqlString } from '../shared/engine-csv.js';
import type { CsvMapping } from '../csv/mapping.js';
import type { LoadLog } from '../load.js';
import { workerNextTo } from '../../model/worker-thread.js';
import { STOP, type ReadTask, type ThrownError, type WorkerMessage } from './messages.js';
import { planGroups, type PlannedExport } from './plan.js';

/**
 * Below this many bytes of exports in all, reading in one thread is about as fast: starting the
 * threads and merging their parts costs about half a second.
 */
export const PARALLEL_READ_MIN_BYTES = 64 * 2 ** 20;

/** How the main thread wants exports read in parallel. */
export interface ParallelReadOptions {
  /** Worker threads at most (1 reads in the main thread). */
  threads: number;
  /** Exports of fewer bytes in all are read in the main thread. */
  minBytes: number;
  /** DuckDB memory limit of the whole run; each part gets an equal share. */
  memoryLimit: string | null;
  csvMapping: CsvMapping | null;
}

/**
 * Reads `group` in the main thread into the dataset, with `memoryLimit` as its share of the memory
 * (null: the dataset's own); `stopped` says, between records, that another thread failed.
 */
export type ReadHere = (
  group: readonly PlannedExport[],
  memoryLimit: string | null,
  stopped: () => boolean,
) => Promise<SourceAccount[]>;

/** What every part is read with. */
export interface ReadSettings {
  includePrivate: boolean;
  botAccounts: string[];
  notAfter: number;
}

/**
 * Reads `exports` in up to `options.threads` threads: the first group of the plan (the costliest
 * export's) here with `readHere`, each other group in a worker thread into parts in `folder` (a
 * scratch folder this takes over and removes), one per export; copies the parts into `dataset`
 * after this thread's rows, in the plan's order, and returns the accounts in input order. A failure in any thread asks the others to stop and
 * is thrown as the error it was (an unusable input stays exit 2) once every thread has ended.
 *
 * Threads are never terminated from here: terminating one in the middle of a DuckDB call aborts the
 * whole process (a native exception during teardown), so a thread stops itself between records.
 */
export async function readInWorkers(
  exports: readonly PlannedExport[],
  dataset: Dataset,
  folder: string,
  options: ParallelReadOptions,
  settings: ReadSettings,
  log: LoadLog,
  readHere: ReadHere,
): Promise<SourceAccount[]> {
  try {
    const [here = [], ...apart] = planGroups(exports, options.threads);
    const threads = apart.length + 1;
    const memoryLimit = options.memoryLimit ? shareOf(options.memoryLimit, threads) : null;
    const tasks: ReadTask[] = apart.map((group, i) => ({
      files: group.map((_, j) => path.join(folder, `part-${i}-${j}.duckdb`)),
      memoryLimit,
      exports: group,
      ...settings,
      csvMapping: options.csvMapping,
      verbose: log.verboseOn !== false,
    }));
    log.verbose(`reading ${exports.length} exports in ${threads} threads`);
    // Beside a worker still reading (the wiki after Slack), the copy takes one engine thread: the
    // core this thread's read has left, not the worker's.
    const copyParts = (closed: PartsClosed) =>
      underMemoryShare(dataset, memoryLimit, () =>
        onOneEngineThread(dataset, async () => {
          for (const [i, task] of tasks.entries())
            for (const [j, file] of task.files.entries()) {
              if (!(await closed(i, j))) return;
              await dataset.absorb(file);
              // Uncompressed, as large as the export's text: not kept until the folder goes.
              rmSync(file, { force: true });
            }
        }),
      );
    const accounts = (await runAll(tasks, log, (stopped) => readHere(here, memoryLimit, stopped), copyParts)).flat();
    return accounts.sort((a, b) => a.inputIndex - b.inputIndex);
  } finally {
    removeScratchFolder(folder);
  }
}

/**
 * Runs `read` with the dataset's memory limit lowered to `share` (null: as it is), setting it back
 * afterwards: while other threads read beside this one, each keeps to its share.
 */
export async function underMemoryShare<T>(dataset: Dataset, share: string | null, read: () => Promise<T>): Promise<T> {
  const own = dataset.memoryLimit;
  if (own === null || share === null) return read();
  await dataset.query.run(`SET memory_limit = ${sqlString(share)}`);
  try {
    return await read();
  } finally {
    await dataset.query.run(`SET memory_limit = ${sqlString(own)}`);
  }
}

/** Runs `work` with the dataset's engine on one thread, then gives it its threads back. */
async function onOneEngineThread<T>(dataset: Dataset, work: () => Promise<T>): Promise<T> {
  const [setting] = await dataset.query.all<{ threads: string }>(
    `SELECT current_setting('threads')::VARCHAR AS threads`,
  );
  await dataset.query.run('SET threads = 1');
  try {
    return await work();
  } finally {
    await dataset.query.run(`SET threads = ${Number(setting?.threads ?? 1)}`);
  }
}

/**
 * Waits until worker `thread` has closed the part of its `index`-th export: true then, false once
 * the thread has ended without it (it failed) or another thread failed.
 */
type PartsClosed = (thread: number, index: number) => Promise<boolean>;

/**
 * The accounts of this thread's read, then of every task, once every thread has ended; the first
 * failure asks the others to stop (the workers by a message, this thread's read by `stopped`).
 * After its own read this thread copies the workers' parts in (`copyParts`), each as soon as it
 * is closed, while the workers may still read.
 */
async function runAll(
  tasks: readonly ReadTask[],
  log: LoadLog,
  readHere: (stopped: () => boolean) => Promise<SourceAccount[]>,
  copyParts: (closed: PartsClosed) => Promise<void>,
): Promise<SourceAccount[][]> {
  const workers = tasks.map(startWorker);
  const parts = workers.map((worker, i) => partsClosedBy(worker, tasks[i]?.files.length ?? 0));
  let failure: unknown = null;
  const failed =
    (worker: Worker | null) =>
    (error: unknown): never => {
      if (failure === null) {
        failure = error;
        for (const other of workers) if (other !== worker) other.postMessage(STOP);
      }
      throw error;
    };
  const closed: PartsClosed = async (thread, index) =>
    (await (parts[thread]?.[index] ?? Promise.resolve(false))) && failure === null;
  const outcomes = await Promise.allSettled([
    readHere(() => failure !== null)
      .then(async (accounts) => {
        if (failure === null) await copyParts(closed);
        return accounts;
      })
      .catch(failed(null)),
    ...workers.map((worker) => outcomeOf(worker, log).catch(failed(worker))),
  ]);
  if (failure !== null) throw failure;
  return outcomes.map((o) => (o.status === 'fulfilled' ? o.value : []));
}

/** For each of a worker's `count` parts, whether the worker closed it (false: it ended first). */
function partsClosedBy(worker: Worker, count: number): Promise<boolean>[] {
  const settle: ((closed: boolean) => void)[] = [];
  const parts = Array.from({ length: count }, () => new Promise<boolean>((resolve) => settle.push(resolve)));
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'part') settle[m.index]?.(true);
  });
  worker.on('exit', () => {
    for (const resolve of settle) resolve(false);
  });
  return parts;
}

/** The reading thread (worker.ts next to this module). */
function startWorker(task: ReadTask): Worker {
  return workerNextTo(import.meta.url, 'worker', task);
}

/** The thread's accounts once it has ended (its exit event): it may not outlive the run. */
function outcomeOf(worker: Worker, log: LoadLog): Promise<SourceAccount[]> {
  return new Promise((resolve, reject) => {
    let outcome: { accounts: SourceAccount[] } | { error: unknown } | null = null;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'warn' || m.type === 'verbose') log[m.type](m.message);
      else if (m.type === 'progress') log.progress?.(m.kind, m.read, m.done || undefined);
      else if (m.type === 'done') outcome ??= { accounts: m.accounts };
      else if (m.type === 'failed') outcome ??= { error: revive(m.error) };
    });
    worker.on('error', (error) => {
      outcome ??= { error: new InternalError(`a reading thread failed: ${error.message}`, { cause: error }) };
    });
    worker.on('exit', (code) => {
      if (outcome === null)
        reject(new InternalError(`a reading thread stopped with exit code ${code} before it finished`));
      else if ('accounts' in outcome) resolve(outcome.accounts);
      else reject(outcome.error);
    });
  });
}

/** The error a worker threw, as the class it was: an unusable input is still exit 2. */
function revive(thrown: ThrownError): PilotError {
  const error =
    thrown.name === 'InputError'
      ? new InputError(thrown.file ?? '', thrown.line, '')
      : thrown.name === 'UsageError'
        ? new UsageError('')
        : thrown.name === 'ConfigError'
          ? new ConfigError('')
          : new InternalError('');
  error.message =
    error instanceof InternalError ? `reading in a worker thread failed: ${thrown.message}` : thrown.message;
  if (thrown.stack) error.stack = thrown.stack;
  return error;
}

/** `1GB` split `parts` ways, in MB (DuckDB reads `512MB`); at least 64MB each. */
export function shareOf(limit: string, parts: number): string {
  const bytes = sizeInBytes(limit);
  if (bytes === null) return limit;
  return `${Math.max(64, Math.floor(bytes / 1e6 / parts))}MB`;
}
