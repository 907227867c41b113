import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import type { InputFile, InputTree } from '../types.js';
import type { TimestampFormat } from './timestamp-format.js';
import { decodeUnicode } from '../shared/unicode-text.js';

/** The file that gives a generic CSV its column mapping when it sits beside the CSV. */
export const MAPPING_FILE = 'pilot-report.csv.json';

/**
 * Which columns of a generic chat-log CSV mean what. Values are header names (matched
 * case-insensitively). Only `timestamp` and `author` are required.
 */
export interface CsvMapping {
  /** Column with the time of the message. */
  timestamp: string;
  /** How `timestamp` is written (default `iso`); see `TimestampFormat`. */
  timestampFormat?: TimestampFormat;
  /** Column with the author's id or name: the identity is `csv:<value>`. */
  author: string;
  /** Column with the author's e-mail (merges the author with other sources). */
  authorEmail?: string;
  /** Column with the group or channel; without it each file is one space. */
  space?: string;
  /** Display name of the space when there is no `space` column (default: the file name). */
  spaceName?: string;
  /** Column with the message text. */
  text?: string;
  /** Column with the id of the thread's starter message; empty or equal to `messageId` on a starter. */
  threadId?: string;
  /** Column with the id of the message replied to. */
  parentId?: string;
  /** Column with the message id (needed by `threadId`, `parentId` and `reactionTo` to point at messages). */
  messageId?: string;
  /** Column that, when filled, makes the row a reaction to that message id (the text is the reaction name). */
  reactionTo?: string;
  /** Column that is true (`true`, `yes`, `1`, `x`) for private or direct messages. */
  private?: string;
}

const column = z.string().trim().min(1);
const mappingSchema = z.strictObject({
  timestamp: column,
  timestampFormat: column.optional(),
  author: column,
  authorEmail: column.optional(),
  space: column.optional(),
  spaceName: column.optional(),
  text: column.optional(),
  threadId: column.optional(),
  parentId: column.optional(),
  messageId: column.optional(),
  reactionTo: column.optional(),
  private: column.optional(),
});

/** Checks a mapping read from JSON; `where` names the file in the error. */
export function parseCsvMapping(json: unknown, where: string): CsvMapping {
  const parsed = mappingSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ');
  throw new InputError(where, null, `is not a usable CSV column mapping (${issues})`, { hint: MAPPING_HINT });
}

/** Shown whenever a mapping is missing or wrong. */
export const MAPPING_HINT = `${MAPPING_FILE} holds e.g. {"timestamp": "created", "timestampFormat": "dd/MM/yyyy HH:mm", "author": "user", "text": "message"}`;

/**
 * The mapping file for a CSV: in the CSV's folder inside the input, else at the input's root,
 * else (for an input that is one file on disk) beside that file.
 */
export async function findMappingFile(
  tree: InputTree,
  csv: InputFile,
): Promise<{ where: string; read: () => Promise<string> } | null> {
  const folder = csv.name.includes('/') ? csv.name.slice(0, csv.name.lastIndexOf('/') + 1) : '';
  const inTree = tree.find(`${folder}${MAPPING_FILE}`) ?? tree.find(MAPPING_FILE);
  if (inTree) return { where: inTree.displayPath, read: () => readAll(inTree) };
  // A single file given on the command line: its tree holds only it, so look on disk beside it.
  if (tree.files.length === 1 && tree.displayPath === csv.displayPath) {
    const beside = path.join(path.dirname(csv.displayPath), MAPPING_FILE);
    const text = await readFile(beside).then(decodeUnicode, () => null);
    if (text !== null) return { where: beside, read: async () => text };
  }
  return null;
}

/** Reads and checks a mapping file. */
export async function loadMappingFile(found: { where: string; read: () => Promise<string> }): Promise<CsvMapping> {
  const text = await found.read();
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(
      found.where,
      null,
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      { cause: error, hint: MAPPING_HINT },
    );
  }
  return parseCsvMapping(json, found.where);
}

async function readAll(file: InputFile): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await file.open()) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return decodeUnicode(Buffer.concat(chunks));
}
