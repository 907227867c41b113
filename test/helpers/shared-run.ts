/**
 * One CLI run shared by every test file of a suite run that asks for the same (fixture, arguments,
 * environment): several files read the outputs of `analyze` on the sample pilot, and each spawn
 * costs seconds of CPU on a 2-core machine. The first file to ask makes the run in a folder of the
 * suite's cache (test/helpers/shared-runs-setup.ts, the e2e project's globalSetup, makes it and
 * removes it at the end); a file that asks while the run is under way waits for it. Files run in
 * separate workers, so the cache is on disk and a run's folder is claimed with an atomic mkdir.
 * A run is made in the worker (test/helpers/cli-in-process.ts) unless the spec asks for a spawn.
 * Readers must not write into a shared folder: a test that changes the outputs makes its own run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { REPO_ROOT, runCli, type CliResult } from './cli.js';
import { runCliInProcess } from './cli-in-process.js';
import { readPdf } from './pdf-text.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the shared runs of this suite run go to (made by shared-runs-setup.ts). */
    sharedRunsDir: string;
  }
}

/** Stands for the run's own folder in `args`, e.g. `['--out', `${RUN_DIR}/out`]`. */
export const RUN_DIR = '{run}';

export interface SharedRunSpec {
  /**
   * Names the inputs, and is part of the key: one name per fixture content (a `prepare` that writes
   * other files must use another name).
   */
  fixture: string;
  /** The CLI arguments; RUN_DIR in them is replaced by the run's folder. */
  args: readonly string[];
  /** Writes the inputs into the run's folder, which is then the run's cwd; without it the cwd is the repository. */
  prepare?: (dir: string) => void;
  env?: Record<string, string>;
  /** Runs the built CLI in a child process (the binary as a user runs it); else in this worker. */
  spawn?: boolean;
}

export interface SharedRun {
  /** The run's folder: its outputs (and its inputs, with `prepare`). Read only. */
  dir: string;
  result: CliResult;
}

/** A run made by another worker may take long on a loaded machine; past this, waiting is a failure. */
const WAIT_MS = 240_000;
const RESULT = 'cli-result.json';
const FAILED = 'cli-failed.txt';

/** The folder of the suite's cache; fails when the e2e project's globalSetup did not run. */
function cacheDir(): string {
  const dir = inject('sharedRunsDir');
  if (!dir) throw new Error('no shared-runs folder: run the spawning tests through vitest.config.ts (e2e project)');
  return dir;
}

/** The key of a spec: what the run reads and how it is called. */
function keyOf(spec: SharedRunSpec): string {
  const what = JSON.stringify([
    spec.fixture,
    spec.args,
    spec.env ?? {},
    spec.prepare ? 'own folder' : 'repository',
    spec.spawn === true ? 'spawned' : 'in process',
  ]);
  return createHash('sha256').update(what).digest('hex').slice(0, 16);
}

/** Runs the CLI as the spec says, once per suite run, and returns its folder and result. */
export async function sharedRun(spec: SharedRunSpec): Promise<SharedRun> {
  const dir = path.join(cacheDir(), `${spec.fixture.replace(/[^\w-]/g, '_')}-${keyOf(spec)}`);
  let claimed = true;
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    claimed = false;
  }
  if (claimed) {
    try {
      spec.prepare?.(dir);
      const args = spec.args.map((arg) => arg.replaceAll(RUN_DIR, dir));
      const how = { cwd: spec.prepare ? dir : REPO_ROOT, env: spec.env ?? {} };
      const result = spec.spawn === true ? runCli(args, how) : await runCliInProcess(args, how);
      // Written whole, then renamed: a waiting worker never reads half a file.
      writeFileSync(path.join(dir, `${RESULT}.tmp`), JSON.stringify(result));
      renameSync(path.join(dir, `${RESULT}.tmp`), path.join(dir, RESULT));
    } catch (error) {
      writeFileSync(path.join(dir, FAILED), String(error));
      throw error;
    }
  }
  const started = Date.now();
  while (!existsSync(path.join(dir, RESULT))) {
    if (existsSync(path.join(dir, FAILED)))
      throw new Error(
        `the shared run ${spec.fixture} failed in another test file: ${readFileSync(path.join(dir, FAILED), 'utf8')}`,
      );
    if (Date.now() - started > WAIT_MS)
      throw new Error(`waited ${WAIT_MS / 1000} s for the shared run ${spec.fixture}`);
    await sleep(100);
  }
  return { dir, result: JSON.parse(readFileSync(path.join(dir, RESULT), 'utf8')) as CliResult };
}

/**
 * The page texts of a PDF of a shared run (`file`, relative to its folder), extracted once per
 * suite run (pdfjs costs a good part of a second per report) and kept as JSON beside the outputs,
 * not among them.
 */
export async function sharedPdfPages(run: SharedRun, file: string): Promise<string[]> {
  const cached = path.join(run.dir, `${file.replace(/[^\w.-]/g, '_')}.pages.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as string[];
  const { pages } = await readPdf(readFileSync(path.join(run.dir, file)));
  // Two workers may both extract it; each writes the same text whole and renames it in place.
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(pages));
  renameSync(tmp, cached);
  return pages;
}

/** The bundled sample pilot's config, relative to the repository (the README's main command). */
export const SAMPLE_CONFIG = 'fixtures/sample-pilot/pilot-report.config.json';

/**
 * `analyze --config <sample config> ...extra --out <run>/out` from the repository, shared: the
 * outputs are in `out`. The README's main command is `sampleAnalyze()`, run by the built binary in
 * a child process as a user runs it; with `extra` the run is made in the worker.
 */
export async function sampleAnalyze(extra: readonly string[] = []): Promise<SharedRun & { out: string }> {
  const run = await sharedRun({
    fixture: 'sample-pilot',
    args: ['analyze', '--config', SAMPLE_CONFIG, ...extra, '--out', `${RUN_DIR}/out`],
    spawn: extra.length === 0,
  });
  return { ...run, out: path.join(run.dir, 'out') };
}

/**
 * `analyze` of the sample pilot with every output on: metrics.json and the PDF in `<dir>/out`, the
 * Markdown summary, the slide deck and the community post beside them, and the dataset as Parquet
 * files in `<dir>/kept/`.
 */
export function sampleEveryOutputArgs(dir: string): string[] {
  const out = path.join(dir, 'out');
  return [
    'analyze',
    '--config',
    SAMPLE_CONFIG,
    '--out',
    out,
    '--markdown',
    path.join(out, 'summary.md'),
    '--pptx',
    path.join(out, 'deck.pptx'),
    '--community-post',
    path.join(out, 'post.md'),
    '--dataset',
    `${path.join(dir, 'kept')}/`,
  ];
}

/**
 * The built binary's run of `sampleEveryOutputArgs`, shared: deck-and-post.test.ts reads the deck,
 * the post and the summary, parquet-dataset.test.ts the Parquet folder and metrics.json. One spawned
 * sample run instead of two, and the output formats are still written by the binary.
 */
export async function sampleEveryOutput(): Promise<SharedRun & { out: string; kept: string }> {
  const run = await sharedRun({ fixture: 'sample-pilot', args: sampleEveryOutputArgs(RUN_DIR), spawn: true });
  return { ...run, out: path.join(run.dir, 'out'), kept: path.join(run.dir, 'kept') };
}
