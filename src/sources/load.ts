import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, PilotError } from '../errors.js';
import { newAccount, recordSkip, recordWarning, type SourceAccount } from '../model/accounting.js';
import type { Dataset } from '../model/dataset.js';
import type { SourceKind } from '../model/types.js';
import { openInput } from './open-input.js';
import { DETECTION_ORDER, SOURCES } from './registry.js';
import type { InputTree, Problem, Source, SourceContext, SourceOptions } from './types.js';

/** How many problems per source are echoed on stderr before the rest are only counted. */
const PROBLEMS_ECHOED = 5;

/** What loading tells the person running it (stderr); the CLI's logger satisfies it. */
export interface LoadLog {
  warn(message: string): void;
  verbose(message: string): void;
}

export interface LoadOptions extends SourceOptions {
  /** Adapters by kind; tests and the config (generic CSV mapping) may replace some. */
  sources?: Partial<Record<SourceKind, Source>>;
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
export async function loadInputs(args: readonly string[], dataset: Dataset, options: LoadOptions, log: LoadLog): Promise<SourceAccount[]> {
  const sources = { ...SOURCES, ...options.sources };
  const accounts: SourceAccount[] = [];
  for (const arg of args) {
    for (const found of await detectExports(arg, sources)) {
      const account = newAccount(accounts.length, found.kind, found.tree.displayPath);
      accounts.push(account);
      try {
        await readExport(sources[found.kind], found, account, dataset, options, log);
      } finally {
        await found.tree.close();
      }
    }
  }
  return accounts;
}

async function detectExports(arg: string, sources: Record<SourceKind, Source>): Promise<DetectedExport[]> {
  const { forcedKind, tree, problems } = await openInput(arg);
  if (forcedKind) return [{ kind: forcedKind, tree, treeProblems: problems }];
  for (const kind of DETECTION_ORDER) {
    if (await sources[kind].detect(tree)) return [{ kind, tree, treeProblems: problems }];
  }
  await tree.close();
  const found = await detectInChildren(arg, sources);
  if (found.length > 0) return found;
  throw new InputError(arg, null, 'holds no export pilot-report knows', {
    hint: 'expected a Yammer export (Messages.csv), a Slack export (users.json + channels.json), Microsoft Graph chatMessage JSON, a MediaWiki XML dump, or a folder of these; force a kind with yammer:, slack:, teams:, mediawiki: or csv: before the path',
  });
}

/** A folder that is no export itself may hold several (`sample-pilot/{yammer,slack,wiki}`). */
async function detectInChildren(arg: string, sources: Record<SourceKind, Source>): Promise<DetectedExport[]> {
  const info = await stat(arg).catch(() => null);
  if (!info?.isDirectory()) return [];
  const found: DetectedExport[] = [];
  const children = (await readdir(arg, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const child of children) {
    if (!child.isDirectory() && !/\.(zip|xml|xml\.gz|json)$/i.test(child.name)) continue;
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

async function readExport(source: Source, found: DetectedExport, account: SourceAccount, dataset: Dataset, options: LoadOptions, log: LoadLog): Promise<void> {
  let echoed = 0;
  const problem = (p: Problem) => {
    const location = p.line === null ? `${p.file}:` : `${p.file}:${p.line}:`;
    recordWarning(account, location, p.detail);
    if (echoed < PROBLEMS_ECHOED) log.warn(`${location} ${p.detail}`);
    else if (echoed === PROBLEMS_ECHOED) log.warn(`${found.tree.displayPath}: more problems; all are counted in metrics.json (sources[].problemCount)`);
    echoed += 1;
  };
  const ctx: SourceContext = {
    options: { includePrivate: options.includePrivate, botAccounts: options.botAccounts },
    problem,
    skip: (reason, at, detail) => {
      recordSkip(account, reason);
      if (detail) log.verbose(`skipped (${reason}) ${at.file}:${at.line ?? ''} ${detail}`);
    },
    fileRead: () => {
      account.files += 1;
    },
    note: (text) => {
      if (!account.notes.includes(text)) account.notes.push(text);
    },
  };
  found.treeProblems.forEach(problem);
  log.verbose(`reading ${found.tree.displayPath} as ${source.title}`);
  try {
    for await (const record of source.read(found.tree, ctx)) dataset.append(record, account);
  } catch (error) {
    if (error instanceof PilotError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new InputError(found.tree.displayPath, null, `cannot be read (${code})`, { cause: error });
    }
    throw error;
  }
}
