import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../../config/defaults.js';
import { UsageError } from '../../errors.js';
import { splitKind } from '../../sources/open-input.js';
import { isDatasetFolder, parquetFiles } from './dataset-target.js';

/** Where each output of a run goes; `json` is `-` for stdout. Paths as the user wrote them. */
export interface OutputTargets {
  json: string;
  pdf: string;
  markdown: string | null;
  pptx: string | null;
  communityPost: string | null;
  /** `--dataset`: written while the run reads, not published with the others, but it must not collide either. */
  dataset: string | null;
}

/** The targets of a run: explicit flags, else the files in `--out`. */
export function outputTargets(config: ResolvedConfig): OutputTargets {
  return {
    json: config.json ?? path.join(config.out, 'metrics.json'),
    pdf: config.pdf ?? path.join(config.out, 'report.pdf'),
    markdown: config.markdown ?? null,
    pptx: config.pptx ?? null,
    communityPost: config.communityPost ?? null,
    dataset: config.dataset ?? null,
  };
}

/** The files the run writes, by the option that names them (stdout left out). */
export function writtenFiles(targets: OutputTargets): Array<{ option: string; file: string }> {
  const files: Array<{ option: string; file: string }> = [];
  if (targets.json !== '-') files.push({ option: '--json', file: targets.json });
  files.push({ option: '--pdf', file: targets.pdf });
  if (targets.markdown !== null) files.push({ option: '--markdown', file: targets.markdown });
  if (targets.pptx !== null) files.push({ option: '--pptx', file: targets.pptx });
  if (targets.communityPost !== null) files.push({ option: '--community-post', file: targets.communityPost });
  if (targets.dataset !== null && isDatasetFolder(targets.dataset)) {
    for (const file of Object.values(parquetFiles(targets.dataset))) files.push({ option: '--dataset', file });
  } else if (targets.dataset !== null) {
    files.push({ option: '--dataset', file: targets.dataset });
    // DuckDB writes its log beside the file.
    files.push({ option: '--dataset (its .wal)', file: `${targets.dataset}.wal` });
  }
  return files;
}

/** The files the run reads, by what names them: inputs, side files, the config's own files. */
function readFiles(
  inputs: readonly string[],
  config: ResolvedConfig,
  configFile: string,
): Array<{ option: string; file: string }> {
  const files = inputs.map((arg) => ({ option: `input ${arg}`, file: splitKind(arg).path }));
  const side: Array<[string, string | undefined]> = [
    ['the config file', configFile],
    ['--people', config.people],
    ['--ideas', config.ideasLedger],
    ['--recognize', config.recognize],
    ['--baseline', config.baseline],
    ['report.logo', config.report.logo],
  ];
  for (const [option, file] of side) if (file !== undefined) files.push({ option, file });
  return files;
}

/**
 * One key per file, the same for two names of one file: the device and inode when it exists,
 * else the real path of its folder joined with its name (two new files are the same when that is).
 */
async function identity(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (info) return `inode:${info.dev}:${info.ino}`;
  const folder = await realpath(path.dirname(path.resolve(file))).catch(() => path.dirname(path.resolve(file)));
  return `path:${path.join(folder, path.basename(file))}`;
}

/**
 * Refuses (exit 2) a run whose outputs would overwrite each other or one of its inputs: checked
 * before anything is read, so a typo costs nothing. Files are compared by identity, so a symlink
 * or `./a/../metrics.json` is caught too. `configPath` is `--config` (default: the file looked for
 * in the working folder).
 */
export async function refuseCollisions(
  targets: OutputTargets,
  inputs: readonly string[],
  config: ResolvedConfig,
  configPath: string | undefined,
): Promise<void> {
  const seen = new Map<string, string>();
  for (const { option, file } of writtenFiles(targets)) {
    const key = await identity(file);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new UsageError(
        `${option} ${file}: the same file as ${other}; two outputs cannot share a file\n  hint: give each output its own name`,
      );
    }
    seen.set(key, `${option} ${file}`);
  }
  const read = readFiles(inputs, config, configPath ?? 'pilot-report.config.json');
  for (const { option, file } of read) {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) continue;
    const other = seen.get(await identity(file));
    if (other !== undefined) throw overwrites(other, `${option} (${file})`);
  }
  for (const { option, file } of writtenFiles(targets)) {
    const folder = await inputFolderHolding(file, read);
    if (folder !== null && !(await isOwnOutput(file)))
      throw overwrites(`${option} ${file}`, `a file of the input folder ${folder}`);
  }
}

function overwrites(output: string, input: string): UsageError {
  return new UsageError(
    `${output}: would overwrite ${input}\n  hint: write the outputs somewhere else (--out, --json, --pdf, --markdown, --pptx, --community-post, --dataset)`,
  );
}

/** The input folder an existing output file lies in, or null (also when the file does not exist yet). */
async function inputFolderHolding(file: string, read: ReadonlyArray<{ file: string }>): Promise<string | null> {
  const real = await realpath(file).catch(() => null);
  if (real === null) return null;
  for (const input of read) {
    const info = await stat(input.file).catch(() => null);
    if (!info?.isDirectory()) continue;
    const folder = await realpath(input.file);
    if (real.startsWith(`${folder}${path.sep}`)) return input.file;
  }
  return null;
}

/**
 * Files no source reads, which an earlier run in an input folder (`analyze .`) may have written:
 * a PDF, Markdown, a slide deck, a dataset, or a metrics.json. Any other file in an input folder is an input.
 */
async function isOwnOutput(file: string): Promise<boolean> {
  if (/\.(pdf|md|markdown|pptx|duckdb|db|wal|parquet)$/i.test(file)) return true;
  if (!/\.json$/i.test(file)) return false;
  const head = await readHead(file, 256);
  return /^\{\s*"schemaVersion"\s*:/.test(head);
}

async function readHead(file: string, bytes: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
