/**
 * Provenance of a run (metrics.json `provenance`): the tool, a hash of the resolved configuration,
 * and a sha256 of every input file, so that a reader can tell whether two reports came from the
 * same data and settings. Files are hashed as streams: exports can be larger than memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { addAbortSignal, type Readable } from 'node:stream';
import type { ResolvedConfig } from '../config/defaults.js';
import { InputError } from '../errors.js';
import type { Provenance, ProvenanceInput } from '../report/json/document.js';
import { folderTree } from '../sources/input-tree.js';
import { splitKind } from '../sources/open-input.js';
import { isDatasetFolder } from './outputs/dataset-target.js';

/** What provenance needs besides the inputs. */
export interface ProvenanceOptions {
  version: string;
  /**
   * Absolute paths whose files are left out of folder hashes: the run's own outputs, so that
   * `analyze .` twice does not hash the first run's report into the second.
   */
  exclude?: readonly string[];
  /** Stops hashing between files (the run failed while hashing went on beside the reading). */
  signal?: AbortSignal;
}

/** Lower-case hex sha256 of a byte stream, and its length; the stream is consumed, never buffered whole. */
export async function hashStream(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    // fs and zip streams yield Buffers; a stream switched to text mode yields strings.
    const data: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8');
    hash.update(data);
    bytes += data.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Lower-case hex sha256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * JSON with object keys sorted at every level and no whitespace: equal values give equal text
 * whatever order their keys were built in. `undefined` members are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 of the canonical JSON of the resolved configuration (every layer merged, defaults filled). */
export function configHash(config: ResolvedConfig): string {
  return sha256Hex(canonicalJson(config));
}

/**
 * The side files that feed figures besides the exports: people, idea ledger, opt-in list, baseline.
 * The config file itself is covered by the config hash.
 */
export function sideFiles(config: ResolvedConfig): string[] {
  return [config.people, config.ideasLedger, config.recognize, config.baseline].filter(
    (f): f is string => f !== undefined,
  );
}

/** Where a run writes (output folder and files, dataset): never hashed as input. */
export function runOutputs(config: ResolvedConfig): string[] {
  // DuckDB writes a write-ahead log and spill files next to a kept dataset while the run hashes.
  // A Parquet folder (`--dataset out/`) is left out whole, with the files being written in it.
  const dataset = !config.dataset
    ? []
    : isDatasetFolder(config.dataset)
      ? [config.dataset]
      : [config.dataset, `${config.dataset}.wal`, `${config.dataset}.tmp`];
  const files = [config.out, config.json, config.pdf, config.markdown, config.pptx, config.communityPost, ...dataset];
  return files.filter((f): f is string => f !== undefined && f !== '-');
}

/**
 * Provenance of a run over `inputs` (command-line arguments, `kind:` prefixes allowed) and the
 * config's side files. Paths stay as the user wrote them, with `/` separators, so that two clones
 * of the same repository produce identical files.
 */
export async function computeProvenance(
  inputs: readonly string[],
  config: ResolvedConfig,
  options: ProvenanceOptions,
): Promise<Provenance> {
  const exclude = (options.exclude ?? []).map((p) => path.resolve(p));
  const seen = new Set<string>();
  const files: ProvenanceInput[] = [];
  for (const arg of [...inputs.map((i) => splitKind(i).path), ...sideFiles(config)]) {
    for (const file of await hashInput(arg, exclude, options.signal)) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      files.push(file);
    }
  }
  return { tool: { name: 'pilot-report', version: options.version }, configHash: configHash(config), inputs: files };
}

/** A file: its own hash (a zip archive included); a folder: every file in its tree, sorted by name. */
async function hashInput(
  given: string,
  exclude: readonly string[],
  signal: AbortSignal | undefined,
): Promise<ProvenanceInput[]> {
  signal?.throwIfAborted();
  const info = await stat(given).catch((cause: unknown) => {
    throw new InputError(given, null, 'does not exist or cannot be read (while hashing it for provenance)', { cause });
  });
  const shown = toSlashes(given);
  // A FIFO or device is never opened: the open would wait for a writer forever.
  if (!info.isDirectory() && !info.isFile()) throw new InputError(given, null, 'is not a regular file');
  if (!info.isDirectory())
    return [{ path: shown, ...(await hashOpened(given, async () => createReadStream(given), signal)) }];
  const tree = await folderTree(given);
  const root = shown.replace(/\/+$/, '');
  const result: ProvenanceInput[] = [];
  for (const file of tree.files) {
    const absolute = path.resolve(given, file.name);
    if (exclude.some((e) => absolute === e || absolute.startsWith(`${e}${path.sep}`))) continue;
    signal?.throwIfAborted();
    result.push({ path: `${root}/${file.name}`, ...(await hashOpened(absolute, () => file.open(), signal)) });
  }
  return result;
}

/** A file's hash; stops mid-file when `signal` aborts; a file that cannot be read is an input error. */
async function hashOpened(
  file: string,
  open: () => Promise<Readable>,
  signal: AbortSignal | undefined,
): Promise<{ sha256: string; bytes: number }> {
  try {
    const stream = await open();
    return await hashStream(signal ? addAbortSignal(signal, stream) : stream);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new InputError(file, null, 'cannot be read (while hashing it for provenance)', { cause });
  }
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}
