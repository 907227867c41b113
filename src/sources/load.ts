import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, PilotError } from '../errors.js';
import { newAccount, recordSkip, recordWarning, type SourceAccount } from '../model/accounting.js';
import type { Dataset } from '../model/dataset.js';
import type { SourceKind, SourceRecord } from '../model/types.js';
import { openInput } from './open-input.js';
import { makeScratchFolder } from '../model/scratch.js';
import { readCost } from './parallel/plan.js';
import {
  readInWorkers,
  underMemoryShare,
  type ParallelReadOptions,
  type ReadHere,
} from './parallel/read-in-workers.js';
import { DETECTION_ORDER, SOURCES } from './registry.js';
import type { InputTree, Problem, Source, SourceContext, SourceOptions } from './types.js';

/** How many problems per source are echoed on stderr before the rest are only counted. */
const PROBLEMS_ECHOED = 5;

/**
 * Longest activity text kept, in UTF-16 units. Real messages stay far below it (Slack caps a
 * message at 40,000 characters); a longer body (a pasted log, a corrupt cell swallowing the rest of
 * a file) is cut with a problem, since metrics only look at tags, links and the first words, and a
 * 50 MB body otherwise costs seconds and gigabytes in every text metric.
 */
export const MAX_TEXT_CHARS = 100_000;

/** Activities dated more than this after the clock are skipped as `future` (clock skew and zones fit inside). */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * Activities dated before this are skipped as `tooEarly`: no tool pilot-report reads existed yet
 * (Wikipedia's first wiki ran in January 2001; MediaWiki, Yammer, Slack and Teams came later),
 * so such a date is a placeholder (1900-01-01, 1970-01-01) or an error, and one such row would
 * otherwise stretch the default period over a century.
 */
export const EARLIEST_ACTIVITY = Date.UTC(2001, 0, 1);

/** The largest instant a JavaScript Date holds (ms from 1970, either way). */
const MAX_DATE_MS = 8.64e15;

/** What loading tells the person running it (stderr); the CLI's logger satisfies it. */
export interface LoadLog {
  warn(message: string): void;
  verbose(message: string): void;
  /** False when verbose messages are dropped anyway (reading threads then do not send them). */
  readonly verboseOn?: boolean;
  /**
   * Records read so far from the export being read, about every PROGRESS_INTERVAL_MS while it
   * reads, and once more with `done` when it ends (also on failure). Optional: without it the
   * per-record tick is a no-op.
   */
  progress?(kind: SourceKind, read: number, done?: boolean): void;
}

/** How often `LoadLog.progress` is called during a read. */
const PROGRESS_INTERVAL_MS = 100;
/** Records between clock reads, so that a fast read does not pay for a clock call per record. */
const PROGRESS_STRIDE = 256;

export interface LoadOptions extends SourceOptions {
  /** Adapters by kind; tests and the config (generic CSV mapping) may replace some. */
  sources?: Partial<Record<SourceKind, Source>>;
  /** Input index of the first account (a caller loading inputs one at a time into one dataset). */
  firstInputIndex?: number;
  /**
   * Activities dated after this instant (UTC ms) are skipped as `future` with a problem: a record
   * from a wrong clock would otherwise stretch the default period over decades. Defaults to one
   * day after the wall clock (not SOURCE_DATE_EPOCH, which only fixes what the outputs say).
   */
  notAfter?: number;
  /** Read large inputs in worker threads (the CLI); without it everything is read in this thread. */
  parallel?: ParallelReadOptions;
  /**
   * The memory limit an engine load plans with (`SourceEngine.memoryLimit`): this thread's share
   * while worker threads read beside it; the dataset's own limit when not given.
   */
  memoryShare?: string | null;
}

/** One export found in an input and the tree it lives in. */
interface DetectedExport {
  kind: SourceKind;
  tree: InputTree;
  treeProblems: readonly Problem[];
}

/**
 * Opens every input, detects which export each holds (or several, for a folder of exports), and
 * streams each through its adapter into the dataset. Returns one data-quality account per export.
 * An input that holds no known export, or that an adapter finds unusable, stops the run (exit 2).
 */
export async function loadInputs(
  args: readonly string[],
  dataset: Dataset,
  options: LoadOptions,
  log: LoadLog,
): Promise<SourceAccount[]> {
  const sources = { ...SOURCES, ...options.sources };
  const accounts: SourceAccount[] = [];
  const exports = await detectAll(args, sources);
  const inParallel = await readInParallel(exports, dataset, options, log);
  if (inParallel) return inParallel;
  for (const [position, found] of exports.entries()) {
    const account = newAccount((options.firstInputIndex ?? 0) + accounts.length, found.kind, found.tree.displayPath);
    accounts.push(account);
    dataset.beginInput(account.inputIndex);
    try {
      await readExport(sources[found.kind], found, account, dataset, options, log);
    } catch (error) {
      await Promise.all(exports.slice(position + 1).map((e) => e.tree.close()));
      throw error;
    } finally {
      await found.tree.close();
    }
  }
  return accounts;
}

/**
 * Reads the exports in worker threads when `options.parallel` allows and they are large enough
 * together; null when they are to be read here, in the main thread.
 */
async function readInParallel(
  exports: readonly DetectedExport[],
  dataset: Dataset,
  options: LoadOptions,
  log: LoadLog,
): Promise<SourceAccount[] | null> {
  const parallel = options.parallel;
  const bytes = exports.map((e) => e.tree.files.reduce((n, f) => n + (f.size ?? 0), 0));
  if (!parallel || parallel.threads < 2 || exports.length < 2 || bytes.reduce((a, b) => a + b, 0) < parallel.minBytes)
    return null;
  const first = options.firstInputIndex ?? 0;
  // The parts' folder first: without one the exports are read here, from trees still open.
  const folder = makeScratchFolder();
  if (!folder) return null;
  const planned = exports.map((e, i) => ({
    arg: `${e.kind}:${e.tree.displayPath}`,
    inputIndex: first + i,
    cost: readCost(e.kind, bytes[i] ?? 0),
  }));
  await Promise.all(exports.map((e) => e.tree.close()));
  const settings = {
    includePrivate: options.includePrivate,
    botAccounts: [...options.botAccounts],
    notAfter: options.notAfter ?? Date.now() + FUTURE_TOLERANCE_MS,
  };
  return readInWorkers(planned, dataset, folder, parallel, settings, log, readHere(dataset, options, log));
}

/** Raised between two records of this thread's read when another reading thread failed. */
class Stopped extends Error {}

/**
 * How this thread reads its group of a parallel read: one export after another, as a worker thread
 * does, into the dataset itself, under its share of the memory limit (the dataset's limit is set
 * back afterwards); it stops between records once another thread failed.
 */
function readHere(dataset: Dataset, options: LoadOptions, log: LoadLog): ReadHere {
  return async (group, share, stopped) => {
    const own = dataset.memoryLimit;
    const limited = own !== null && share !== null;
    const here: LoadOptions = { ...options, parallel: undefined, memoryShare: limited ? share : own };
    const stoppable: LoadLog = {
      warn: (message) => log.warn(message),
      verbose: (message) => log.verbose(message),
      ...(log.verboseOn === undefined ? {} : { verboseOn: log.verboseOn }),
      progress: (kind, read, done) => {
        if (stopped() && done !== true) throw new Stopped('stopped: another reading thread failed');
        log.progress?.(kind, read, done);
      },
    };
    return underMemoryShare(dataset, share, async () => {
      const accounts: SourceAccount[] = [];
      for (const e of group)
        accounts.push(...(await loadInputs([e.arg], dataset, { ...here, firstInputIndex: e.inputIndex }, stoppable)));
      return accounts;
    });
  };
}

/**
 * Every argument's exports, found before any is read: an input that holds no export must stop
 * the run at once, not after minutes spent reading the large exports named before it.
 */
async function detectAll(args: readonly string[], sources: Record<SourceKind, Source>): Promise<DetectedExport[]> {
  const exports: DetectedExport[] = [];
  try {
    for (const arg of args) exports.push(...(await detectExports(arg, sources)));
  } catch (error) {
    await Promise.all(exports.map((e) => e.tree.close()));
    throw error;
  }
  return exports;
}

async function detectExports(arg: string, sources: Record<SourceKind, Source>): Promise<DetectedExport[]> {
  const { forcedKind, tree, problems } = await openInput(arg);
  if (forcedKind) return [{ kind: forcedKind, tree, treeProblems: problems }];
  // A folder of exports (`pilot/{yammer,slack,wiki}`) must not be claimed whole by an adapter that
  // also accepts its export one folder down: without an export's marker at its root, the folder's
  // children are tried first, each as an export of its own.
  if (!hasRootMarker(tree)) {
    const children = await detectInChildren(arg, sources, false);
    if (children.length > 0) {
      await tree.close();
      return children;
    }
  }
  for (const kind of DETECTION_ORDER) {
    if (await sources[kind].detect(tree)) return [{ kind, tree, treeProblems: problems }];
  }
  await tree.close();
  const found = await detectInChildren(arg, sources, true);
  if (found.length > 0) return found;
  // Entries left out of a zip (nested, encrypted) are often why nothing was found: say so.
  const leftOut = problems.map((p) => `\n  ${p.file}: ${p.detail}`).join('');
  throw new InputError(arg, null, `holds no export pilot-report knows${leftOut}`, {
    hint: 'expected a Yammer export (Messages.csv), a Slack export (users.json + channels.json), Microsoft Graph chatMessage JSON, a MediaWiki XML dump, or a folder of these; force a kind with yammer:, slack:, teams:, mediawiki: or csv: before the path',
  });
}

/** The files that mark an export at the root of a tree (Yammer, Slack). */
const ROOT_MARKERS = /^(messages\.csv|channels\.json|users\.json)$/i;

function hasRootMarker(tree: InputTree): boolean {
  return tree.files.some((f) => !f.name.includes('/') && ROOT_MARKERS.test(f.name));
}

/** A folder that is no export itself may hold several (`sample-pilot/{yammer,slack,wiki}`). */
async function detectInChildren(
  arg: string,
  sources: Record<SourceKind, Source>,
  withJsonFiles: boolean,
): Promise<DetectedExport[]> {
  const info = await stat(arg).catch(() => null);
  if (!info?.isDirectory()) return [];
  const found: DetectedExport[] = [];
  const children = (await readdir(arg, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const child of children) {
    // Loose .json files are tried last: a folder of Teams pages is one export, not one per page.
    const pattern = withJsonFiles ? /\.(zip|xml|xml\.gz|json)$/i : /\.(zip|xml|xml\.gz)$/i;
    if (!child.isDirectory() && !pattern.test(child.name)) continue;
    const childPath = path.join(arg, child.name);
    const { tree, problems } = await openInput(childPath);
    let kind: SourceKind | undefined;
    for (const candidate of DETECTION_ORDER) {
      if (await sources[candidate].detect(tree)) {
        kind = candidate;
        break;
      }
    }
    if (kind) found.push({ kind, tree, treeProblems: problems });
    else await tree.close();
  }
  return found;
}

/** A per-record tick that calls `log.progress` at most every PROGRESS_INTERVAL_MS; a no-op without it. */
function progressTicker(kind: SourceKind, account: SourceAccount, log: LoadLog): () => void {
  const report = log.progress?.bind(log);
  if (!report) return () => {};
  let count = 0;
  let last = Date.now();
  return () => {
    count += 1;
    if (count % PROGRESS_STRIDE !== 0) return;
    const now = Date.now();
    if (now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    report(kind, account.read);
  };
}

async function readExport(
  source: Source,
  found: DetectedExport,
  account: SourceAccount,
  dataset: Dataset,
  options: LoadOptions,
  log: LoadLog,
): Promise<void> {
  let echoed = 0;
  const tick = progressTicker(found.kind, account, log);
  const problem = (p: Problem) => {
    const location = p.line === null ? `${p.file}:` : `${p.file}:${p.line}:`;
    recordWarning(account, location, p.detail);
    if (echoed < PROBLEMS_ECHOED) log.warn(`${location} ${p.detail}`);
    else if (echoed === PROBLEMS_ECHOED)
      log.warn(`${found.tree.displayPath}: more problems; all are counted in metrics.json (sources[].problemCount)`);
    echoed += 1;
  };
  const ctx: SourceContext = {
    options: { includePrivate: options.includePrivate, botAccounts: options.botAccounts },
    problem,
    skip: (reason, at, detail) => {
      recordSkip(account, reason);
      tick();
      if (detail && log.verboseOn !== false) log.verbose(`skipped (${reason}) ${at.file}:${at.line ?? ''} ${detail}`);
    },
    fileRead: () => {
      account.files += 1;
    },
    note: (text) => {
      if (!account.notes.includes(text)) account.notes.push(text);
    },
    withoutReactions: () => {
      account.recordsReactions = false;
    },
    engine: {
      run: (sql) => dataset.query.run(sql),
      all: <T extends Record<string, unknown>>(sql: string) => dataset.query.all(sql) as Promise<T[]>,
      runBeside: (sql) => dataset.runBeside(sql),
      reserve: (count) => dataset.reserveSeq(count),
      inputIndex: account.inputIndex,
      inserted: (count) => {
        account.read += count;
        account.used += count;
      },
      notAfter: options.notAfter ?? Date.now() + FUTURE_TOLERANCE_MS,
      earliest: EARLIEST_ACTIVITY,
      maxTextChars: MAX_TEXT_CHARS,
      memoryLimit: options.memoryShare === undefined ? dataset.memoryLimit : options.memoryShare,
    },
  };
  found.treeProblems.forEach(problem);
  log.verbose(`reading ${found.tree.displayPath} as ${source.title}`);
  const started = performance.now();
  try {
    const notAfter = ctx.engine?.notAfter ?? Date.now() + FUTURE_TOLERANCE_MS;
    for await (const record of source.read(found.tree, ctx)) {
      const kept = screen(record, notAfter, ctx);
      if (kept) dataset.append(kept, account);
      tick();
    }
  } catch (error) {
    if (error instanceof PilotError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new InputError(found.tree.displayPath, null, `cannot be read (${code})`, { cause: error });
    }
    throw error;
  } finally {
    log.progress?.(found.kind, account.read, true);
  }
  log.verbose(
    `timing: read ${found.tree.displayPath} (${account.read.toLocaleString('en-US')} records) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * The checks every source gets before a record reaches the dataset: an activity dated before
 * EARLIEST_ACTIVITY, outside what a Date holds, or in the future is skipped (derived ones silently, with the message they belong to) and an oversized text is cut.
 */
function screen(record: SourceRecord, notAfter: number, ctx: SourceContext): SourceRecord | null {
  if (record.type !== 'activity') return record;
  const { activity } = record;
  const at = { file: activity.provenance.file, line: activity.provenance.line };
  if (!Number.isFinite(activity.at) || Math.abs(activity.at) > MAX_DATE_MS) {
    if (record.derived) return null;
    const detail = `dated ${String(activity.at)} ms from 1970, outside any calendar; not used`;
    ctx.problem({ ...at, reason: 'malformed', detail });
    ctx.skip('malformed', at, detail);
    return null;
  }
  if (activity.at < EARLIEST_ACTIVITY) {
    if (record.derived) return null;
    const detail = `dated ${new Date(activity.at).toISOString()}, before 2001-01-01 when none of the tools pilot-report reads existed; not used`;
    ctx.problem({ ...at, reason: 'tooEarly', detail });
    ctx.skip('tooEarly', at, detail);
    return null;
  }
  if (activity.at > notAfter) {
    if (record.derived) return null;
    const detail = `dated ${new Date(activity.at).toISOString()}, after the time of this run; not used`;
    ctx.problem({ ...at, reason: 'future', detail });
    ctx.skip('future', at, detail);
    return null;
  }
  if (activity.text !== null && activity.text.length > MAX_TEXT_CHARS) {
    const detail = `text of ${activity.text.length} characters cut to the first ${MAX_TEXT_CHARS}`;
    ctx.problem({ ...at, reason: 'longText', detail });
    return { ...record, activity: { ...activity, text: activity.text.slice(0, MAX_TEXT_CHARS) } };
  }
  return record;
}
