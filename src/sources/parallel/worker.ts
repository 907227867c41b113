/**
 * A worker thread that reads some of a run's exports, each into a dataset file of its own (a part),
 * which the main thread then copies in (`Dataset.absorb`). Two large exports read on two cores take
 * the time of the larger one instead of their sum: parsing and appending are single-threaded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PilotError, InputError } from '../../errors.js';
import type { SourceAccount } from '../../model/accounting.js';
import { Dataset } from '../../model/dataset.js';
import { createCsvSource } from '../csv/index.js';
import { loadInputs, type LoadLog } from '../load.js';
import { STOP, type ReadTask, type ThrownError, type WorkerMessage } from './messages.js';

const say = (message: WorkerMessage): void => parentPort?.postMessage(message);

/** Another thread failed: this one stops at its next progress tick, between two records. */
let stopAsked = false;
class Stopped extends Error {}
parentPort?.on('message', (message: unknown) => {
  if (message === STOP) stopAsked = true;
});
// The listener must not keep the thread alive once its reading is done.
parentPort?.unref();

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
  // A part per export, closed as soon as it is read: the main thread copies it in while this
  // thread reads the next one.
  for (const [index, e] of task.exports.entries()) {
    const dataset = await Dataset.open({
      file: task.files[index] ?? '',
      uncompressed: true,
      ...(task.memoryLimit ? { memoryLimit: task.memoryLimit } : {}),
    });
    const options = {
      includePrivate: task.includePrivate,
      botAccounts: task.botAccounts,
      notAfter: task.notAfter,
      firstInputIndex: e.inputIndex,
      sources,
    };
    try {
      accounts.push(...(await loadInputs([e.arg], dataset, options, log)));
    } catch (error) {
      await dataset.close();
      throw error;
    }
    await dataset.closePart();
    say({ type: 'part', index });
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
