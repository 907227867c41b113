import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../errors.js';

/** One output file and what goes in it. */
export interface OutputFile {
  target: string;
  content: string | Buffer;
}

/**
 * An output already written, by something else than this module, to `temporaryBeside(target)`
 * (the Parquet files of `--dataset out/`, which DuckDB writes itself): published, or removed, with
 * the others.
 */
export interface StagedFile {
  target: string;
}

/** A temporary file beside `target`, in the same folder so that the rename is atomic. */
export function temporaryBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
}

/**
 * Publishes a run's outputs as one set, after everything was rendered: each file is written to a
 * temporary file beside its target, then stdout (if it gets metrics.json), and only when all of
 * these succeeded is each temporary file renamed over its target. A full disk, a failed stdout or a
 * kill before the renames leaves the previous outputs as they were; the renames take milliseconds.
 */
export async function publishOutputs(
  files: readonly OutputFile[],
  stdoutText: string | null,
  staged: readonly StagedFile[] = [],
): Promise<void> {
  for (const { target } of files) {
    const info = await stat(target).catch(() => null);
    if (info?.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR', path: target });
  }
  const written: string[] = staged.map((f) => temporaryBeside(f.target));
  try {
    for (const file of files) {
      const temporary = temporaryBeside(file.target);
      written.push(temporary);
      await writeFile(temporary, file.content);
    }
    if (stdoutText !== null) await writeStdout(stdoutText);
  } catch (error) {
    await Promise.all(written.map((t) => rm(t, { force: true })));
    throw error;
  }
  for (const file of [...files, ...staged]) await rename(temporaryBeside(file.target), file.target);
}

/** Removes staged outputs a failed run wrote and did not publish. */
export async function discardStaged(staged: readonly StagedFile[]): Promise<void> {
  await Promise.all(staged.map((f) => rm(temporaryBeside(f.target), { force: true })));
}

const ignoreLateError = (): void => undefined;

/**
 * Writes `what` (metrics.json) to stdout and waits until it is accepted: a full disk (`> /dev/full`) or a
 * reader that went away (EPIPE) is exit 2 with a message, never an unhandled 'error' event or a
 * file cut short with exit 0.
 */
export async function writeStdout(text: string, what = 'metrics.json'): Promise<void> {
  // Errors reported after the callback (a late EPIPE) must not crash the process either. Ours even
  // when stdout has other listeners: a worker thread's output piped into it (the PDF thread) adds
  // one that removes itself at the first error and then re-raises it when no other is left.
  if (!process.stdout.listeners('error').includes(ignoreLateError)) process.stdout.on('error', ignoreLateError);
  try {
    await new Promise<void>((resolve, reject) => {
      process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(
      `cannot write ${what} to stdout (${typeof code === 'string' ? code : String(error)})\n  hint: check where stdout goes (a full disk, a closed pipe); or write it to a file with --json FILE`,
      { cause: error },
    );
  }
}
