/**
 * A worker thread that reads exports the main thread hands it, one at a time, each into a dataset
 * file of its own (a part, read-part.ts), which the main thread then copies in (`Dataset.absorb`).
 * Two large exports read on two cores take the time of the larger one instead of their sum: parsing
 * and appending are single-threaded. It asks for the next export when it is free (plan.ts says why),
 * and ends when none is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PilotError, InputError } from '../../errors.js';
import type { SourceAccount } from '../../model/accounting.js';
import { createCsvSource } from '../csv/index.js';
import { loadInputs, type LoadLog } from '../load.js';
import { STOP, type JobReply, type PartJob, type ReadTask, type ThrownError, type WorkerMessage } from './messages.js';
import { readPart } from './read-part.js';

const say = (message: WorkerMessage): void => parentPort?.postMessage(message);

/** Another thread failed: this one stops at its next progress tick, between two records. */
let stopAsked = false;
class Stopped extends Error {}
/** Receives the main thread's answer to the `next` this thread is waiting on. */
let answer: ((reply: JobReply) => void) | null = null;
parentPort?.on('message', (message: unknown) => {
  if (message === STOP) stopAsked = true;
  else if (isJobReply(message)) answer?.(message);
});
// The listener must not keep the thread alive once its reading is done.
parentPort?.unref();

function isJobReply(message: unknown): message is JobReply {
  return (
    typeof message === 'object' &&
    message !== null &&
    'type' in message &&
    (message.type === 'read' || message.type === 'none')
  );
}

/** The next export to read, or null: none left, or another thread failed. */
async function nextJob(): Promise<PartJob | null> {
  if (stopAsked) return null;
  // Waiting for the answer must keep the thread alive.
  parentPort?.ref();
  const reply = await new Promise<JobReply>((resolve) => {
    answer = resolve;
    say({ type: 'next' });
  });
  answer = null;
  parentPort?.unref();
  return reply.type === 'read' && !stopAsked ? reply.job : null;
}

async function run(task: ReadTask): Promise<SourceAccount[]> {
  const log: LoadLog = {
    warn: (message) => say({ type: 'warn', message }),
    verbose: task.verbose ? (message) => say({ type: 'verbose', message }) : () => undefined,
    verboseOn: task.verbose,
    progress: (kind, read, done) => {
      if (stopAsked && done !== true) throw new Stopped('stopped: another reading thread failed');
      say({ type: 'progress', kind, read, done: done === true });
    },
  };
  const sources = task.csvMapping ? { csv: createCsvSource(task.csvMapping) } : {};
  const accounts: SourceAccount[] = [];
  for (let job = await nextJob(); job !== null; job = await nextJob()) {
    const options = {
      includePrivate: task.includePrivate,
      botAccounts: task.botAccounts,
      notAfter: task.notAfter,
      firstInputIndex: job.export.inputIndex,
      sources,
    };
    const arg = job.export.arg;
    accounts.push(...(await readPart(job, (part) => loadInputs([arg], part, options, log))));
    say({ type: 'part', inputIndex: job.export.inputIndex });
  }
  return accounts;
}

function thrown(error: unknown): ThrownError {
  const base = error instanceof Error ? error : new Error(String(error));
  return {
    name: error instanceof PilotError ? error.name : 'Error',
    message: base.message,
    stack: base.stack,
    file: error instanceof InputError ? error.file : null,
    line: error instanceof InputError ? error.line : null,
  };
}

run(workerData as ReadTask).then(
  (accounts) => say({ type: 'done', accounts }),
  (error: unknown) => say({ type: 'failed', error: thrown(error) }),
);
