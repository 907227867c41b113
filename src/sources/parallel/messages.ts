/** What the main thread and a reading worker thread say to each other (structured-clone data only). */
import type { CsvMapping } from '../csv/mapping.js';
import type { SourceAccount } from '../../model/accounting.js';
import type { SourceKind } from '../../model/types.js';
import type { PlannedExport } from './plan.js';

/** What the main thread posts to ask a reading thread to stop (another one failed). */
export const STOP = 'stop';

/** What a worker thread is started with, as `workerData`: how to read any export it is handed. */
export interface ReadTask {
  includePrivate: boolean;
  botAccounts: string[];
  /** Activities dated after this instant (UTC ms) are skipped as `future`. */
  notAfter: number;
  csvMapping: CsvMapping | null;
  /** Send verbose messages (a skip each); false when the main thread would drop them. */
  verbose: boolean;
}

/** An export handed to a thread: read it into a new dataset file of its own, `file` (a part). */
export interface PartJob {
  export: PlannedExport;
  file: string;
  /** The part's DuckDB memory limit: the export's share of the run's (null: DuckDB's default). */
  memoryLimit: string | null;
}

/** The main thread's answer to a worker's `next`: an export to read, or none left (the worker ends). */
export type JobReply = { type: 'read'; job: PartJob } | { type: 'none' };

/** An error as it crosses threads; `name` is the PilotError class, or anything else for a bug. */
export interface ThrownError {
  name: string;
  message: string;
  stack: string | undefined;
  file: string | null;
  line: number | null;
}

export type WorkerMessage =
  | { type: 'warn' | 'verbose'; message: string }
  | { type: 'progress'; kind: SourceKind; read: number; done: boolean }
  /** The worker is free: it asks for an export to read (answered by a `JobReply`). */
  | { type: 'next' }
  /** The part of the export of `inputIndex` is written and closed. */
  | { type: 'part'; inputIndex: number }
  | { type: 'done'; accounts: SourceAccount[] }
  | { type: 'failed'; error: ThrownError };
