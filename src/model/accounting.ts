import type { SourceKind } from './types.js';

/** How many problem locations each source keeps verbatim; the rest are only counted. */
export const MAX_WARNINGS_KEPT = 20;

/** Per-input data-quality accounting (spec §7): `read = used + skipped`, always. */
export interface SourceAccount {
  /** Position of the input on the command line (0-based); ties duplicates to the input they came from. */
  inputIndex: number;
  kind: SourceKind;
  path: string;
  files: number;
  read: number;
  used: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  firstAt: number | null;
  lastAt: number | null;
  /** `file:line: detail` strings, the first MAX_WARNINGS_KEPT of them. */
  warnings: string[];
  /** All problems, including those not kept in `warnings`. */
  problemCount: number;
  /** Facts about what the source cannot record (`Yammer network exports carry no likes`). */
  notes: string[];
  /** False when this export cannot record reactions although its kind usually can. */
  recordsReactions: boolean;
}

export function newAccount(inputIndex: number, kind: SourceKind, path: string): SourceAccount {
  return {
    inputIndex,
    kind,
    path,
    files: 0,
    read: 0,
    used: 0,
    skipped: 0,
    skippedByReason: {},
    firstAt: null,
    lastAt: null,
    warnings: [],
    problemCount: 0,
    notes: [],
    recordsReactions: true,
  };
}

export function recordSkip(account: SourceAccount, reason: string, count = 1): void {
  account.read += count;
  account.skipped += count;
  account.skippedByReason[reason] = (account.skippedByReason[reason] ?? 0) + count;
}

/** Moves records that were counted as used to skipped (duplicates and bots found after loading). */
export function reclassifyUsed(account: SourceAccount, reason: string, count: number): void {
  if (count <= 0) return;
  account.used -= count;
  account.skipped += count;
  account.skippedByReason[reason] = (account.skippedByReason[reason] ?? 0) + count;
}

export function recordWarning(account: SourceAccount, location: string, detail: string): void {
  account.problemCount += 1;
  if (account.warnings.length < MAX_WARNINGS_KEPT) account.warnings.push(`${location} ${detail}`);
}
