import { Transform, type Readable, type TransformCallback } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { InputError } from '../errors.js';
import { makeTree } from './input-tree.js';
import type { InputFile, InputTree, Problem } from './types.js';

// yauzl 3 has these at runtime; @types/yauzl (2.10) does not declare them. They are needed to
// read entry names without yauzl's own validation, which would abort the whole listing at the
// first unsafe name instead of leaving that one entry out.
declare module 'yauzl' {
  interface Entry {
    fileNameRaw: Buffer;
  }
  function getFileNameLowLevel(
    generalPurposeBitFlag: number,
    fileNameBuffer: Buffer,
    extraFields: Array<{ id: number; data: Buffer }>,
    strictFileNames: boolean,
  ): string;
}

/** Zip-bomb limits, checked on the central directory up front and again while inflating. */
export interface ZipLimits {
  /** Largest uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all kept entries together; above it the archive is refused. */
  maxTotalBytes: number;
  /** Largest uncompressed / compressed ratio, checked on entries above `ratioMinBytes`. */
  maxRatio: number;
  ratioMinBytes: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** The default limits: far above any real export (text compresses 5-20x), far below a bomb. */
export const ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 2 * GiB,
  maxTotalBytes: 8 * GiB,
  maxRatio: 200,
  ratioMinBytes: MiB,
};

/** A zip archive as an input tree, with the entries left out and why. */
export interface ZipTreeResult {
  tree: InputTree;
  /** One problem per entry left out (unsafe name, encrypted, nested archive, too large). */
  problems: Problem[];
}

/**
 * Opens a zip archive as a read-only tree. Entries are listed from the central directory and
 * inflated on demand, one stream per `open()`; nothing is extracted to disk. Unsafe entries are
 * left out and reported. Throws an InputError when the file is not a readable zip archive or
 * declares more than `maxTotalBytes` in total.
 */
export async function zipTree(file: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipTreeResult> {
  const zip = await openZip(file);
  const problems: Problem[] = [];
  const files: InputFile[] = [];
  let total = 0;
  try {
    for await (const entry of entries(zip, file)) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      if (name.endsWith('/')) continue; // a folder
      const refusal = refuse(entry, name, limits);
      if (refusal) {
        problems.push({ file: `${file}!${name}`, line: null, reason: refusal.reason, detail: refusal.detail });
        continue;
      }
      total += entry.uncompressedSize;
      files.push(zipEntryFile(zip, entry, file, name, limits));
    }
  } catch (error) {
    zip.close();
    throw error;
  }
  if (total > limits.maxTotalBytes) {
    zip.close();
    throw new InputError(
      file,
      null,
      `holds ${formatBytes(total)} uncompressed, above the ${formatBytes(limits.maxTotalBytes)} limit (zip bomb?)`,
      {
        hint: 'extract the archive and pass the folder, leaving out files pilot-report does not need',
      },
    );
  }
  const close = async () => zip.close();
  return { tree: makeTree(file, files, close, problems), problems };
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => {
        if (error) reject(notAZip(file, error));
        else resolve(zip);
      },
    );
  });
}

function notAZip(file: string, cause: unknown): InputError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new InputError(file, null, `is not a readable zip archive (${message})`, {
    cause,
    hint: 'check that the download finished; a zip that other tools open can also be extracted and passed as a folder',
  });
}

/** The central directory entries, one at a time (yauzl's lazyEntries). */
async function* entries(zip: ZipFile, file: string): AsyncGenerator<Entry> {
  for (;;) {
    const next = await new Promise<Entry | null>((resolve, reject) => {
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      const onEntry = (entry: Entry) => (cleanup(), resolve(entry));
      const onEnd = () => (cleanup(), resolve(null));
      const onError = (error: unknown) => (cleanup(), reject(notAZip(file, error)));
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (next === null) return;
    yield next;
  }
}

/** Why an entry is left out of the tree, or null to keep it. */
function refuse(entry: Entry, name: string, limits: ZipLimits): { reason: string; detail: string } | null {
  if (yauzl.validateFileName(name) !== null) {
    return { reason: 'unsafePath', detail: 'entry name points outside the archive (absolute path or ".."); left out' };
  }
  if (entry.isEncrypted()) return { reason: 'encrypted', detail: 'entry is password-protected; left out' };
  if (/\.zip$/i.test(name))
    return { reason: 'nestedArchive', detail: 'nested archive not read; extract it and pass it separately' };
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return {
      reason: 'unsupportedCompression',
      detail: `entry uses compression method ${entry.compressionMethod}, which cannot be read; left out`,
    };
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    return {
      reason: 'tooLarge',
      detail: `entry is ${formatBytes(entry.uncompressedSize)} uncompressed, above the ${formatBytes(limits.maxEntryBytes)} limit; left out`,
    };
  }
  if (
    entry.uncompressedSize > limits.ratioMinBytes &&
    entry.uncompressedSize > entry.compressedSize * limits.maxRatio
  ) {
    return { reason: 'tooLarge', detail: `entry inflates more than ${limits.maxRatio} times (zip bomb?); left out` };
  }
  return null;
}

function zipEntryFile(zip: ZipFile, entry: Entry, file: string, name: string, limits: ZipLimits): InputFile {
  const displayPath = `${file}!${name}`;
  return {
    name,
    displayPath,
    size: entry.uncompressedSize,
    open: async () => {
      const raw = await new Promise<Readable>((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) =>
          error ? reject(entryError(displayPath, error)) : resolve(stream),
        );
      });
      return guarded(raw, entry, displayPath, limits);
    },
  };
}

function entryError(displayPath: string, cause: unknown): InputError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new InputError(displayPath, null, `cannot be read from the archive (${message})`, { cause });
}

/**
 * Counts inflated bytes and stops the stream with an error naming the entry as soon as it goes
 * beyond its declared size, the per-entry limit or the ratio limit: the central directory can lie.
 */
function guarded(raw: Readable, entry: Entry, displayPath: string, limits: ZipLimits): Readable {
  const allowed = Math.min(entry.uncompressedSize, limits.maxEntryBytes);
  let seen = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > allowed || (seen > limits.ratioMinBytes && seen > entry.compressedSize * limits.maxRatio)) {
        done(
          new InputError(
            displayPath,
            null,
            `inflates beyond ${formatBytes(allowed)} or ${limits.maxRatio} times its compressed size (zip bomb?); reading stopped`,
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
  raw.on('error', (error) => guard.destroy(error instanceof InputError ? error : entryError(displayPath, error)));
  guard.on('close', () => {
    raw.unpipe(guard);
    raw.destroy();
  });
  return raw.pipe(guard);
}

function formatBytes(bytes: number): string {
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}
