/** Sizes written as DuckDB reads them (`512MB`, `1.5 GiB`): decimal units are 1000, binary ones 1024. */
const SIZE = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

const FACTORS: Record<string, number> = {
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Bytes of a size such as `768MB`, or null when it is not one. */
export function sizeInBytes(text: string): number | null {
  const match = SIZE.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * (FACTORS[(match[2] ?? '').toLowerCase()] ?? 1);
}

/** The smallest memory limit the analytics engine works with on any input (32MB fails on the sample pilot). */
export const MIN_MEMORY_LIMIT_BYTES = 64 * 1e6;

/**
 * The largest memory limit accepted: 1000TB, far above any machine, and still a number DuckDB
 * parses (a limit of 10^20 TB made it fail with an internal error).
 */
export const MAX_MEMORY_LIMIT_BYTES = 1e15;
