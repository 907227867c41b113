import { InternalError } from '../errors.js';
import type { SourceAccount } from '../model/accounting.js';
import type { SourceQuality } from './types.js';

/**
 * Data quality per input (spec §7), in command-line order. The accounting must reconcile:
 * `read = used + skipped` and the reasons add up to `skipped`; anything else is a bug in an
 * adapter or the dataset, so it throws InternalError instead of printing numbers that lie.
 */
export function sourceQuality(accounts: readonly SourceAccount[]): SourceQuality[] {
  return [...accounts].sort((a, b) => a.inputIndex - b.inputIndex).map(toQuality);
}

function toQuality(account: SourceAccount): SourceQuality {
  assertReconciles(account);
  const skippedByReason: Record<string, number> = {};
  for (const reason of Object.keys(account.skippedByReason).sort()) {
    const count = account.skippedByReason[reason] ?? 0;
    if (count > 0) skippedByReason[reason] = count;
  }
  return {
    kind: account.kind,
    path: account.path,
    files: account.files,
    records: { read: account.read, used: account.used, skipped: account.skipped, skippedByReason },
    firstAt: account.firstAt === null ? null : new Date(account.firstAt).toISOString(),
    lastAt: account.lastAt === null ? null : new Date(account.lastAt).toISOString(),
    warnings: [...account.warnings],
    problemCount: account.problemCount,
    notes: [...account.notes],
  };
}

function assertReconciles(account: SourceAccount): void {
  const where = `data quality of input ${account.inputIndex} (${account.kind} ${account.path})`;
  if (account.read !== account.used + account.skipped) {
    throw new InternalError(`${where}: read ${account.read} != used ${account.used} + skipped ${account.skipped}`);
  }
  const byReason = Object.values(account.skippedByReason).reduce((total, n) => total + n, 0);
  if (byReason !== account.skipped) {
    throw new InternalError(`${where}: skipped ${account.skipped} != sum of skippedByReason ${byReason}`);
  }
  if ([account.read, account.used, account.skipped].some((n) => !Number.isInteger(n) || n < 0)) {
    throw new InternalError(`${where}: record counts must be non-negative integers`);
  }
}
