/**
 * Output helpers for the writers: a file sink that honours backpressure (so a million-message
 * export never sits in memory as one string) and RFC 4180 CSV rows.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A write stream wrapped so that callers `await` each chunk and pause while the buffer drains. */
export class FileSink {
  private constructor(private readonly stream: WriteStream) {}

  /** Opens (creates or truncates) a file, creating its folder. */
  static async open(path: string): Promise<FileSink> {
    await mkdir(dirname(path), { recursive: true });
    return new FileSink(createWriteStream(path, { encoding: 'utf8' }));
  }

  /** Writes a chunk; resolves at once unless the stream asked to wait for 'drain'. */
  write(chunk: string): Promise<void> {
    if (this.stream.write(chunk)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => {
        this.stream.off('drain', onDrain);
        reject(error);
      };
      const onDrain = (): void => {
        this.stream.off('error', onError);
        resolve();
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

/** Writes a whole small file (metadata files such as users.json). */
export async function writeSmallFile(path: string, content: string): Promise<void> {
  const sink = await FileSink.open(path);
  await sink.write(content);
  await sink.close();
}

/** The UTF-8 byte order mark Yammer exports start with. */
export const BOM = '\uFEFF';

/** One CSV field: quoted when it holds a comma, quote, CR or LF; quotes doubled (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record ending in CRLF. */
export function csvRow(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Yammer's timestamp format: `2026-03-02 09:15:00 UTC`. */
export function yammerTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** ISO 8601 without milliseconds: `2026-03-02T09:15:00Z` (MediaWiki timestamps). */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
