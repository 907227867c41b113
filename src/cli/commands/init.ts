import { createReadStream } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../../config/defaults.js';
import { DEFAULT_CONFIG_FILE } from '../../config/load.js';
import { configSchema, type WrittenConfig } from '../../config/schema.js';
import { InternalError, PilotError, UsageError } from '../../errors.js';
import type { SourceKind } from '../../model/types.js';
import { makeTree } from '../../sources/input-tree.js';
import { openInput } from '../../sources/open-input.js';
import { DETECTION_ORDER, SOURCES } from '../../sources/registry.js';
import type { InputFile, InputTree } from '../../sources/types.js';
import { TOOL_VERSION } from '../../version.js';
import { askAnswers, INQUIRER, type PromptKit } from '../init/prompts.js';
import { buildProposal, defaultAnswers, SUGGESTED_PEOPLE_FILE } from '../init/proposal.js';
import { findSideFiles } from '../init/side-files.js';
import { surveyFolder, type Survey } from '../init/survey.js';
import type { Logger } from '../output.js';

/** The flags of `pilot-report init`. */
export interface InitFlags {
  force?: boolean;
  dir?: string;
  yes?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** An export found by `init`: the path written into `inputs` and what it is. */
export interface FoundExport {
  /** Relative to the config file's folder, `/`-separated (`.` for the folder itself). */
  input: string;
  kind: SourceKind;
}

/** How init asks: the prompts library on a terminal; tests pass the library wrapped in its test helper. */
export interface InitAsking {
  /** Ask at all (default: stdin and stderr are terminals and `--yes` is not given). */
  interactive: boolean;
  kit: PromptKit;
}

/** The shipped config schema: three levels above this file in both src/ and dist/. */
const SCHEMA_FILE = fileURLToPath(new URL('../../../schema/config.schema.json', import.meta.url));

/** Child entries that are never exports and may be huge (dependencies, VCS data, our own output). */
const NOT_EXPORTS = new Set(['node_modules', 'pilot-report-out']);
/** Files worth opening for detection besides folders (as `loadInputs` looks into a folder of exports). */
const EXPORT_FILE = /\.(zip|xml|xml\.gz|json)$/i;

/** On a terminal, and not told `--yes`: ask. */
function defaultAsking(flags: InitFlags): InitAsking {
  return {
    interactive: flags.yes !== true && process.stdin.isTTY === true && process.stderr.isTTY === true,
    kit: INQUIRER,
  };
}

/**
 * `pilot-report init`: detects the exports in a folder (the folder itself, or its direct children:
 * folders and .zip/.xml/.json files), a people file and an idea ledger among its CSV files (by
 * header), reads the exports once to propose bots, moderators and identity suggestions, asks for
 * what only a person knows (on a terminal), and writes `pilot-report.config.json` there with every
 * default spelled out, plus `people.suggested.csv` when accounts look like one person. An existing
 * config is kept unless `--force` (exit 2).
 */
export async function runInit(
  flags: InitFlags,
  log: Logger,
  asking: InitAsking = defaultAsking(flags),
): Promise<number> {
  const dir = flags.dir ?? '.';
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`${dir}: --dir must name an existing folder`);
  const target = path.join(dir, DEFAULT_CONFIG_FILE);
  if (!flags.force && (await stat(target).catch(() => null))) {
    throw new UsageError(
      `${target}: already exists; it was left as it is\n  hint: add --force to overwrite it, or edit it by hand`,
    );
  }
  const found = await detectExportsIn(dir, log);
  found.forEach((f) => log.info(`found ${SOURCES[f.kind].title}: ${f.input}`));
  if (found.length === 0) log.warn(`no export found in ${dir}; list your exports under "inputs" in ${target}`);
  const side = await findSideFiles(dir);
  if (side.people) log.info(`found a people file: ${side.people}`);
  if (side.ideasLedger) log.info(`found an idea ledger: ${side.ideasLedger}`);
  side.notes.forEach((note) => log.warn(note));
  const survey = await surveyFolder(
    dir,
    found.map((f) => f.input),
    side.people,
    log,
  );
  tellSurvey(survey, log);
  const defaults = defaultAnswers(survey, path.basename(path.resolve(dir)));
  const answers = asking.interactive
    ? await askAnswers(asking.kit, defaults, survey.active, { output: process.stderr }).catch(cancelled)
    : defaults;
  const proposal = buildProposal(survey, side, answers);
  const text = starterConfigText(
    found.map((f) => f.input),
    schemaReference(dir),
    proposal.config,
  );
  // 'wx' fails if the file appeared since the check above; --force replaces it.
  await writeFile(target, text, { flag: flags.force ? 'w' : 'wx' }).catch((cause: unknown) => {
    throw new UsageError(`${target}: cannot be written (${errorCode(cause)})`, { cause });
  });
  log.info(`wrote ${target} (${found.length} input${found.length === 1 ? '' : 's'})`);
  if (proposal.suggestedPeople !== null)
    await writeSuggestions(path.join(dir, SUGGESTED_PEOPLE_FILE), proposal.suggestedPeople, flags.force === true, log);
  log.info(['', 'Next steps:', ...proposal.nextSteps.map((step) => `  [ ] ${step}`)].join('\n'));
  return 0;
}

/** Ctrl-C or a closed terminal during the questions: nothing is written, and that is no bug (exit 2). */
function cancelled(error: unknown): never {
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
    throw new UsageError('init was stopped before the config was written; nothing was written', { cause: error });
  }
  throw error;
}

/** What init found that the person should know before the config is written. */
function tellSurvey(survey: Survey, log: Logger): void {
  log.info(
    `${survey.active.length} active people${survey.moderatorsByRole.length > 0 ? `, ${survey.moderatorsByRole.length} moderator(s) from the people file` : ''}`,
  );
  for (const { input, count } of survey.botRecords) log.info(`${input}: ${count} record(s) by bots or apps, left out`);
  for (const bot of survey.bots) {
    log.info(
      `${bot.excluded ? 'bot' : 'bot? (proposed in botAccounts)'}: ${bot.name ?? bot.account}${bot.name && bot.name !== bot.account ? ` (${bot.account})` : ''}: ${bot.evidence}`,
    );
  }
  for (const s of survey.suggestions) {
    log.info(
      `same person? ${s.anchor.name ?? s.anchor.personId} and ${s.aliases.join(', ')}: ${s.evidence.join('; ')}`,
    );
  }
}

/** The suggestion file is the champion's to edit: an existing one is kept unless --force. */
async function writeSuggestions(file: string, text: string, force: boolean, log: Logger): Promise<void> {
  try {
    await writeFile(file, text, { flag: force ? 'w' : 'wx' });
    log.info(`wrote ${file}: accounts that look like one person, to confirm`);
  } catch (cause) {
    if (errorCode(cause) === 'EEXIST')
      log.warn(`${file}: already exists; it was left as it is (add --force to replace it)`);
    else throw new UsageError(`${file}: cannot be written (${errorCode(cause)})`, { cause });
  }
}

/**
 * The starter config: `$schema`, `inputs`, then every default (or the proposed value) in the
 * schema's key order, checked against the schema it points at.
 */
export function starterConfigText(inputs: readonly string[], schemaRef: string, proposed: WrittenConfig = {}): string {
  const defaults: Record<string, unknown> = { ...DEFAULT_CONFIG, ...proposed, $schema: schemaRef, inputs: [...inputs] };
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.shape)) if (defaults[key] !== undefined) ordered[key] = defaults[key];
  const checked = configSchema.safeParse(ordered);
  if (!checked.success)
    throw new InternalError(`the starter config does not pass the config schema: ${checked.error.message}`);
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * `$schema` for a config written in `dir`: a relative path to the shipped schema when it is in
 * this project (a repository checkout, or `node_modules` of `dir` or a folder above it), else the
 * schema of this version on unpkg (a global install or the npx cache, which may move).
 */
export function schemaReference(dir: string, schemaFile: string = SCHEMA_FILE, version: string = TOOL_VERSION): string {
  const absoluteDir = path.resolve(dir);
  const relative = path.relative(absoluteDir, schemaFile).split(path.sep).join('/');
  const parts = schemaFile.split(path.sep);
  const modules = parts.lastIndexOf('node_modules');
  if (modules === -1) return relative;
  const projectRoot = parts.slice(0, modules).join(path.sep) || path.sep;
  const inProject =
    absoluteDir === projectRoot || absoluteDir.startsWith(`${projectRoot.replace(/[\\/]$/, '')}${path.sep}`);
  return inProject ? relative : `https://unpkg.com/pilot-report@${version}/schema/config.schema.json`;
}

/** Kinds whose export is a folder recognized by files at its top (`Messages.csv`; `users.json` + `channels.json`). */
const FOLDER_KINDS: readonly SourceKind[] = DETECTION_ORDER.filter((kind) => SOURCES[kind].folderExport);

/**
 * The exports in `dir`: the folder itself when it is a Yammer or Slack export; else each direct
 * child that is an export (sorted by name); else the folder itself when it holds one of the
 * file-shaped exports (Graph JSON pages, a wiki dump) at its top. Children come before that last
 * case so that `wiki.xml` beside `yammer/` gives two inputs, not `.` read as a wiki.
 */
export async function detectExportsIn(dir: string, log: Pick<Logger, 'warn' | 'verbose'>): Promise<FoundExport[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const top = shallowTree(
    dir,
    entries.filter((e) => e.isFile() && e.name !== DEFAULT_CONFIG_FILE).map((e) => e.name),
  );
  const folderKind = await detectKind(top, FOLDER_KINDS);
  if (folderKind) return [{ input: '.', kind: folderKind }];
  const found: FoundExport[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || NOT_EXPORTS.has(entry.name) || entry.name === DEFAULT_CONFIG_FILE) continue;
    if (!entry.isDirectory() && !(entry.isFile() && EXPORT_FILE.test(entry.name))) continue;
    const kind = await detectChild(path.join(dir, entry.name), log);
    if (kind) found.push({ input: entry.isDirectory() ? `${entry.name}/` : entry.name, kind });
  }
  if (found.length > 0) return found;
  const fileKind = await detectKind(top);
  return fileKind ? [{ input: '.', kind: fileKind }] : [];
}

async function detectChild(childPath: string, log: Pick<Logger, 'warn' | 'verbose'>): Promise<SourceKind | null> {
  try {
    const { tree } = await openInput(childPath);
    try {
      return await detectKind(tree);
    } finally {
      await tree.close();
    }
  } catch (error) {
    // A broken archive among the exports is worth a word, not a failed init.
    if (!(error instanceof PilotError)) throw error;
    log.warn(`${error.message.split('\n')[0] ?? childPath} (left out)`);
    return null;
  }
}

async function detectKind(tree: InputTree, kinds: readonly SourceKind[] = DETECTION_ORDER): Promise<SourceKind | null> {
  for (const kind of kinds) if (await SOURCES[kind].detect(tree)) return kind;
  return null;
}

/** The folder's own files only: walking a whole project (node_modules...) to look at its top is waste. */
function shallowTree(dir: string, names: readonly string[]): InputTree {
  const files = names.map((name): InputFile => {
    const file = path.join(dir, name);
    return { name, displayPath: file, size: null, open: async () => createReadStream(file) };
  });
  return makeTree(dir, files);
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : String(error);
}
