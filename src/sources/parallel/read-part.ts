/**
 * One export read into a part: a dataset file of its own, written uncompressed and closed, which
 * the main thread then copies into the dataset (`Dataset.absorb`). Worker threads and the main
 * thread (beside its own export) read parts the same way.
 */
import type { SourceAccount } from '../../model/accounting.js';
import { Dataset } from '../../model/dataset.js';
import type { PartJob } from './messages.js';

/** Reads `job`'s export into its part with `load`, under the job's memory limit, and closes it. */
export async function readPart(
  job: PartJob,
  load: (part: Dataset) => Promise<SourceAccount[]>,
): Promise<SourceAccount[]> {
  const limit = job.memoryLimit;
  const part = await Dataset.open({ file: job.file, uncompressed: true, ...(limit ? { memoryLimit: limit } : {}) });
  let accounts: SourceAccount[];
  try {
    accounts = await load(part);
  } catch (error) {
    await part.close();
    throw error;
  }
  await part.closePart();
  return accounts;
}
