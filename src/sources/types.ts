import type { Readable } from 'node:stream';
import type { AccountTraits } from '../model/account-traits.js';
import type { SourceCapabilities, SourceKind, SourceRecord } from '../model/types.js';

/** One file inside an input (a folder, a single file, or a zip archive), opened lazily. */
export interface InputFile {
  /** Path relative to the input root, with `/` separators (`Messages.csv`, `general/2026-01-05.json`). */
  name: string;
  /** Path shown to the user: `exports/yammer.zip!Messages.csv`. */
  displayPath: string;
  /** Uncompressed size in bytes when known. */
  size: number | null;
  /** The file's path on disk, when it is a plain file there (not a zip member): DuckDB can read it directly. */
  localPath?: string;
  /** A fresh byte stream of the file each call. */
  open(): Promise<Readable>;
}

/** An input the user named on the command line, seen as a read-only tree of files. */
export interface InputTree {
  /** What the user typed (without a `kind:` prefix). */
  displayPath: string;
  /** Every file in the tree, sorted by name. */
  files: readonly InputFile[];
  /** Exact, then case-insensitive, lookup by relative name. */
  find(name: string): InputFile | undefined;
  /** Releases open handles (zip archives); safe to call twice. */
  close(): Promise<void>;
}

/** Why a record was read but not used (spec §7). Open-ended so sources can add precise reasons. */
export type SkipReason =
  | 'malformed'
  | 'missingField'
  | 'bot'
  | 'deleted'
  | 'private'
  | 'duplicate'
  | 'system'
  | 'anonymous'
  | 'outsidePeriod'
  | 'edit'
  | (string & {});

/** A row-level problem: reported as a warning with `file:line`, never fatal unless `--strict`. */
export interface Problem {
  file: string;
  line: number | null;
  /** Short machine-readable reason (`malformed`, `badDate`, `unknownShape`...). */
  reason: string;
  /** One sentence for a human. */
  detail: string;
}

/** A source's accounts: their traits, and the people file's aliases for them. */
export interface SourceAccounts extends AccountTraits {
  /** Words the people file accepts before an alias's colon besides the kind (`engage:`, `wiki:`). */
  aliasPrefixes: readonly string[];
  /** An alias's id written as the adapter writes identity ids (Slack ids upper-cased, ...). */
  normalizeId(id: string): string;
}

/** Options every adapter honours. */
export interface SourceOptions {
  /** Direct and private conversations are skipped (reason `private`) unless this is true. */
  includePrivate: boolean;
  /** Lower-cased wiki account names / source user ids to treat as bots. */
  botAccounts: readonly string[];
}

/** What an adapter gets besides its input: options and the accounting sink. */
export interface SourceContext {
  options: SourceOptions;
  /** A problem that does not stop the read (the record, if any, must still be used or skipped). */
  problem(problem: Problem): void;
  /** One record was read and not used; counted in data quality under `reason`. */
  skip(reason: SkipReason, at: { file: string; line: number | null }, detail?: string): void;
  /** A whole file was read (counted in `sources[].files`). */
  fileRead(displayPath: string): void;
  /** A fact about what this export cannot record, shown in data quality ("Yammer network exports carry no likes"). */
  note(text: string): void;
  /** This export cannot record reactions although its kind usually can (a CSV mapped without a reaction column). */
  withoutReactions(): void;
  /** The dataset's engine, for adapters that map a whole file in SQL; absent, records are yielded. */
  engine?: SourceEngine;
}

/**
 * What an adapter needs to insert a file's rows with one SQL statement instead of yielding them:
 * the dataset's connection (its raw tables, see model/dataset.ts), a block of sequence numbers in
 * file order, the accounting of the rows it inserted, and the checks `load.ts` applies to yielded
 * activities, which the adapter must route to yielded records (they are few).
 */
export interface SourceEngine {
  run(sql: string): Promise<void>;
  all<T extends Record<string, unknown>>(sql: string): Promise<T[]>;
  /**
   * Runs a statement on a second connection of the same database, at the same time as one `run`
   * runs (each statement on a thread of its own, whatever the `threads` setting); its TEMP tables
   * are its own, so what it writes for `run`'s statements goes into an attached database.
   */
  runBeside?(sql: string): Promise<void>;
  /** Reserves `count` consecutive sequence numbers (the "later wins" order) and returns the first. */
  reserve(count: number): number;
  /** The input index the inserted activities belong to. */
  inputIndex: number;
  /** Counts activities inserted in SQL as read and used, as `Dataset.append` does for yielded ones. */
  inserted(count: number): void;
  /** Activities dated at or before this (UTC ms) pass the date checks; later ones must be yielded. */
  notAfter: number;
  /** Activities dated before this (UTC ms) must be yielded. */
  earliest: number;
  /** Activities with a longer text (UTF-16 units) must be yielded. */
  maxTextChars: number;
  /**
   * The dataset's configured `memory_limit`, for an adapter that lowers it while it loads (then
   * restores this); null when the dataset cannot spill (in memory) or has DuckDB's default.
   */
  memoryLimit: string | null;
}

/**
 * A source adapter: detects its export in an input and streams normalized records out of it.
 * Every record it reads ends either yielded as a non-derived activity (used) or passed to
 * `ctx.skip` (skipped), so that `read = used + skipped` holds.
 */
export interface Source {
  kind: SourceKind;
  title: string;
  /** What exports of this kind can record; the metrics report a kind no loaded source records as null. */
  records: SourceCapabilities;
  /**
   * Seconds per MB this adapter takes to read its export, measured by `npm run bench` on one core;
   * only the ratios between kinds matter: they plan which worker thread reads which export.
   */
  readSecondsPerMb: number;
  /**
   * Its export is a folder recognized by files at its top (`Messages.csv`; `users.json` +
   * `channels.json`), so `init` takes a folder that is one as a single export, not as a folder of exports.
   */
  folderExport: boolean;
  /** What its accounts are like, and how the people file writes them. */
  accounts: SourceAccounts;
  detect(input: InputTree): Promise<boolean>;
  read(input: InputTree, ctx: SourceContext): AsyncIterable<SourceRecord>;
  /**
   * The activity id (as `read` gives it) that a link of this tool points at, a thread or one of
   * its messages, or null when the URL is not one of this tool's thread links. Ideas count a link
   * from elsewhere as action, and the ideas ledger names ideas by link (spec §5).
   */
  threadLink?(url: URL): string | null;
}
