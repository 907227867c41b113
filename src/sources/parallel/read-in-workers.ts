/**
 * Reads a run's exports in parallel: the costliest in this (the main) thread, straight into the
 * dataset, each other one into a part of its own, read by whichever thread is free first (a worker
 * thread, see worker.ts, or this one beside its own export); this thread copies the parts
 * into the dataset in input order, each as soon as it is closed and the ones before it are in. Only
 * worth it for large inputs: a thread and a DuckDB file per part cost a few hundred milliseconds,
 * so small runs (and every run with one export) read in the main thread alone.
 *
 * Why the main thread reads too: it only waited while the threads read, and every row of a part is
 * copied into the dataset, while the rows read here are finalized where they
 * stand (1M Yammer messages: bench/README.md, s11-d). One thread fewer also loads the code once less.
 */
import { rmSync } from 'node:fs';
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
import { STOP, type JobReply, type PartJob, type ReadTask, type ThrownError, type WorkerMessage } from './messages.js';
import { Parts } from './parts.js';
import { memoryFractions, readingOrder, workerCount, type PlannedExport } from './plan.js';
import { readPart } from './read-part.js';

/**
 * Below this many bytes of exports in all, reading in one thread is about as fast: starting the
 * threads and merging their parts costs about half a second.
 */
export const PARALLEL_READ_MIN_BYTES = 64 * 2 ** 20;

/** How the main thread wants exports read in parallel. */
export interface ParallelReadOptions {
  /** Exports read at once, the main thread's included (1 reads in the main thread alone). */
  threads: number;
  /** Exports of fewer bytes in all are read in the main thread. */
  minBytes: number;
  /** DuckDB memory limit of the whole run; each thread gets an equal share. */
  memoryLimit: string | null;
  csvMapping: CsvMapping | null;
}

/**
 * Reads export `e` in the main thread into `into` (the dataset, or a part), with `memoryShare` as
 * its share of the memory (null: `into`'s own); `stopped` says, between records, that another
 * thread failed.
 */
export type ReadInto = (
  e: PlannedExport,
  into: Dataset,
  memoryShare: string | null,
  stopped: () => boolean,
) => Promise<SourceAccount[]>;

/** What every part is read with. */
export interface ReadSettings {
  includePrivate: boolean;
  botAccounts: string[];
  notAfter: number;
}

/**
 * Reads `exports` with up to `options.threads` at once: the costliest here, straight into
 * `dataset`, with `readInto`; the others into parts in `folder` (a scratch folder this takes over
 * and removes), by worker threads and by this thread beside its own export; copies the parts into
 * `dataset` after this thread's rows, in input order, and returns the accounts in input order.
 * A failure in any thread asks the others to stop and is thrown as the error it was (an unusable
 * input stays exit 2) once every thread has ended.
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
  readInto: ReadInto,
): Promise<SourceAccount[]> {
  try {
    const order = readingOrder(exports);
    const [own, ...rest] = order;
    if (own === undefined) return [];
    const workerThreads = workerCount(exports.length, options.threads);
    // The main thread reads a part beside its own export: one more export at once than threads.
    const fractions = memoryFractions(order, workerThreads + 2);
    const limit = options.memoryLimit;
    const shareOfExport = (e: PlannedExport) =>
      limit === null ? null : shareOf(limit, 1 / (fractions.get(e.inputIndex) ?? 1));
    const task: ReadTask = { ...settings, csvMapping: options.csvMapping, verbose: log.verboseOn !== false };
    log.verbose(`reading ${exports.length} exports in ${workerThreads + 1} threads`);
    const parts = new Parts(rest, folder, shareOfExport);
    const accounts = await runAll(parts, workerThreads, task, dataset, log, (stopped) => ({
      own: () => readInto(own, dataset, shareOfExport(own), stopped),
      part: (job) => readPart(job, (part) => readInto(job.export, part, job.memoryLimit, stopped)),
      share: shareOfExport(own),
    }));
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

/** How the main thread reads: its own export into the dataset, a part, and its share of the memory. */
interface MainReads {
  own: () => Promise<SourceAccount[]>;
  part: (job: PartJob) => Promise<SourceAccount[]>;
  /** The own export's share of the memory, which the copies use once it is read. */
  share: string | null;
}

/**
 * The accounts of every thread once every one has ended; the first failure asks the others to
 * stop (the workers by a message, this thread's reads by `stopped`). Beside its own export, whose
 * load waits on DuckDB most of the time, this thread reads parts too, one at a time, once every
 * worker has started one: read one after the other, the wiki ran alone at the end of the
 * three-export read with a core idle (bench/README.md, s15-b). Once its own export is read, it
 * copies the closed parts in, in input order (the rows' order, parts.ts), under that export's share
 * of the memory: on one engine thread while any read still runs beside, on all once it is all
 * that runs. The last copy (1M Slack messages' part) is the read's tail now that the wiki is read
 * beside Yammer: on both cores it costs a little more CPU (6.1 against 5.4-5.6 s) for the core the
 * read's end leaves idle otherwise (bench/README.md, s15-b).
 */
async function runAll(
  parts: Parts,
  workerThreads: number,
  task: ReadTask,
  dataset: Dataset,
  log: LoadLog,
  reads: (stopped: () => boolean) => MainReads,
): Promise<SourceAccount[]> {
  const workers = Array.from({ length: workerThreads }, () => startWorker(task));
  let failure: unknown = null;
  let workersReading = workers.length;
  let mainReadingParts = false;
  const failed =
    (worker: Worker | null) =>
    (error: unknown): never => {
      if (failure === null) {
        failure = error;
        for (const other of workers) if (other !== worker) other.postMessage(STOP);
        parts.abandon();
      }
      throw error;
    };
  const stopped = () => failure !== null;
  const everyWorkerStarted = workersStarted(workers);
  for (const worker of workers) {
    handOutParts(worker, parts, stopped);
    worker.once('exit', () => (workersReading -= 1));
  }
  const main = reads(stopped);
  const readParts = async (): Promise<SourceAccount[]> => {
    // A worker still starting would take the next export in a moment: this thread only fills in.
    await everyWorkerStarted;
    const accounts: SourceAccount[] = [];
    mainReadingParts = true;
    try {
      for (let job = stopped() ? null : parts.take(); job !== null; job = stopped() ? null : parts.take()) {
        accounts.push(...(await main.part(job).catch(failed(null))));
        parts.settle(job.export.inputIndex, true);
      }
    } finally {
      mainReadingParts = false;
    }
    return accounts;
  };
  const copyParts = async (): Promise<void> => {
    for (const { job, closed } of parts.inInputOrder()) {
      if (!(await closed) || stopped()) return;
      const copy = () => dataset.absorb(job.file);
      const beside = workersReading > 0 || mainReadingParts;
      await underMemoryShare(dataset, main.share, () => (beside ? onOneEngineThread(dataset, copy) : copy()));
      // Uncompressed, as large as the export's text: not kept until the folder goes.
      rmSync(job.file, { force: true });
    }
  };
  const mainThread = async (): Promise<SourceAccount[]> => {
    const partsRead = readParts();
    // Awaited below, after the own read: a failure meanwhile must not count as unhandled.
    partsRead.catch(() => undefined);
    // A failure of the own read stops the part reads at once, here and in the workers.
    const own = main.own().catch(failed(null));
    // Every call to its end, even when one fails: no DuckDB call is left running.
    const [ownRead] = await Promise.allSettled([own]);
    const copied = ownRead.status === 'fulfilled' && !stopped() ? copyParts().catch(failed(null)) : null;
    const ended = await Promise.allSettled([own, partsRead, copied]);
    for (const outcome of ended) if (outcome.status === 'rejected') throw outcome.reason;
    return [...(await own), ...(await partsRead)];
  };
  const outcomes = await Promise.allSettled([
    mainThread().catch(failed(null)),
    ...workers.map((worker) => outcomeOf(worker, log).catch(failed(worker))),
  ]);
  if (failure !== null) throw failure;
  return outcomes.flatMap((o) => (o.status === 'fulfilled' ? o.value : []));
}

/** Resolves once each of `workers` has sent its first message (its first `next`) or ended. */
function workersStarted(workers: readonly Worker[]): Promise<void> {
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.once('message', () => resolve());
          worker.once('exit', () => resolve());
        }),
    ),
  ).then(() => undefined);
}

/**
 * Answers `worker`'s requests for an export with the next one of `parts` (none once `stopped`),
 * and settles the parts it closes; the parts it was handed and did not close, when it ends, never will be.
 */
function handOutParts(worker: Worker, parts: Parts, stopped: () => boolean): void {
  const handed: number[] = [];
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'next') {
      const job = stopped() ? null : parts.take();
      if (job) handed.push(job.export.inputIndex);
      const reply: JobReply = job ? { type: 'read', job } : { type: 'none' };
      worker.postMessage(reply);
    } else if (m.type === 'part') parts.settle(m.inputIndex, true);
  });
  worker.on('exit', () => {
    for (const inputIndex of handed) parts.settle(inputIndex, false);
  });
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
