/**
 * Small readers of the generated files for the generator's tests (independent of the generator).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';

/** SHA-256 of every file under `dir`, by relative path, sorted. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else
        out[relative(dir, path)] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
    }
  };
  await walk(dir);
  return out;
}

/** A CSV file as header + records of strings (BOM stripped, RFC 4180, multi-line fields). */
export async function readCsv(path: string): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const text = await readFile(path);
  const records: string[][] = parse(text, { bom: true, relax_column_count: false });
  const [header = [], ...body] = records;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

/** A Slack message as far as the tests look at it. */
export interface SlackMessage {
  ts: string;
  text?: string;
  user?: string;
  subtype?: string;
  bot_id?: string | null;
  thread_ts?: string;
  reply_count?: number;
  reactions?: { name: string; users: string[]; count: number }[];
}

function isMessage(value: unknown): value is SlackMessage {
  return typeof value === 'object' && value !== null && 'ts' in value && typeof value.ts === 'string';
}

/** Every day file of a Slack export: folder, file name and parsed messages. */
export async function readSlackDays(
  dir: string,
): Promise<{ folder: string; file: string; messages: SlackMessage[] }[]> {
  const out: { folder: string; file: string; messages: SlackMessage[] }[] = [];
  for (const folder of (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    for (const file of (await readdir(join(dir, folder))).sort()) {
      const parsed: unknown = JSON.parse(await readFile(join(dir, folder, file), 'utf8'));
      if (!Array.isArray(parsed) || !parsed.every(isMessage))
        throw new Error(`${folder}/${file} is not an array of messages`);
      out.push({ folder, file, messages: parsed });
    }
  }
  return out;
}

/** Parses a JSON file into unknown (narrowed by the caller). */
export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}
