/** What the main thread and a reading worker thread say to each other (structured-clone data only). */
import type { CsvMapping } from '../csv/mapping.js';
import type { SourceAccount } from '../../model/accounting.js';
import type { SourceKind } from '../../model/types.js';
import type { PlannedExport } from './plan.js';

/** What the main thread posts to ask a reading thread to stop (another one failed). */
export const STOP = 'stop';

/** The worker's whole task, as `workerData`. */
export interface ReadTask {
  /** One part's DuckDB file per export, in the order of `exports` (none may exist yet). */
  files: string[];
  memoryLimit: string | null;
  exports: PlannedExport[];
  includePrivate: boolean;
  botAccounts: string[];
  /** Activities dated after this instant (UTC ms) are skipped as `future`. */
  notAfter: number;
  csvMapping: CsvMapping | null;
  /** Send verbose messages (a skip each); false when the main thread would drop them. */
  verbose: boolean;
}

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
  /** The part of `exports[index]` is written and closed in `files[index]`. */
  | { type: 'part'; index: number }
  | { type: 'done'; accounts: SourceAccount[] }
  | { type: 'failed'; error: ThrownError };
