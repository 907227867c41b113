/**
 * Two promises checked on the source code itself, so that a later change cannot break them
 * quietly: nothing is sent over the network (no network module or fetch anywhere in src/), and
 * every place that writes CSV goes through report/csv-safe.ts (formula injection: a cell starting
 * with `=`, `+`, `-`, `@` would run as a formula in a spreadsheet).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRow } from '../../src/report/csv-safe.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const WRITES = /\b(?:writeFile|appendFile|createWriteStream)(?:Sync)?\b|process\.stdout\.write/;
// Comma-joined cells, a text/csv type, or a write call whose target is a .csv name (not a doc comment).
const BUILDS_CSV = /\.join\(\s*['"],['"]\s*\)|text\/csv|(?:writeFile|appendFile|createWriteStream)\w*\([^)\n]*\.csv/;

/** True for source text that writes output and builds CSV without importing csv-safe. */
function bypassesCsvSafe(text: string): boolean {
  return WRITES.test(text) && BUILDS_CSV.test(text) && !/csv-safe\.js/.test(text);
}

const files = sourceFiles(SRC).map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, 'utf8') }));

describe('source guards', () => {
  it('src/ is read (the guards below look at real files)', () => {
    expect(files.some((f) => f.file === path.join('sources', 'load.ts'))).toBe(true);
  });

  it('no network: no http, https, net, tls, dgram or dns module, no fetch, no WebSocket', () => {
    const network =
      /from ['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)(?:\/promises)?['"]|\bfetch\(|\bWebSocket\b|\bXMLHttpRequest\b|['"]undici['"]/;
    expect(files.filter((f) => network.test(f.text)).map((f) => f.file)).toEqual([]);
  });

  it('every file that writes output and builds CSV imports csv-safe', () => {
    const offenders = files.filter((f) => f.file !== path.join('report', 'csv-safe.ts') && bypassesCsvSafe(f.text));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it('the CSV guard recognizes a CSV writer that bypasses csv-safe, and accepts one that uses it', () => {
    const raw = "await writeFile(path.join(out, 'people.csv'), rows.map((r) => r.join(',')).join('\\n'));";
    expect(bypassesCsvSafe(raw)).toBe(true);
    expect(bypassesCsvSafe(`import { csvRow } from '../report/csv-safe.js';\n${raw}`)).toBe(false);
  });

  it('csv-safe defuses the formula-looking bodies of the bad-input corpus', () => {
    // yammer-hostile-bodies-html-script-control-rtl-formula rows 4-7.
    expect(csvRow(['=HYPERLINK("http://evil.example","click")', '+1 for this', '-2+3', '@SUM(A1:A9)'])).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")",'+1 for this,'-2+3,'@SUM(A1:A9)`,
    );
  });
});
