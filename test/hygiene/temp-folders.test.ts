/**
 * A guard against tests that fill the disk: a file under test/ that makes a temp folder with
 * mkdtemp must also remove folders (rm / rmSync) in the same file, and a test file that makes
 * them through the shared helpers (makeTempDir, the bad-input tempDir, the e2e exportDir) must
 * hand them back with removeTempDir(s). A static check over the files' text: it names the
 * offending files, it does not prove every folder is removed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TEST_ROOT = path.resolve(import.meta.dirname, '..');
const SELF = path.relative(TEST_ROOT, import.meta.filename);

/** Code files under test/ (export fixtures are data, not code), as paths relative to test/, sorted. */
function codeFiles(dir: string = TEST_ROOT): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && full !== path.join(TEST_ROOT, 'fixtures')) found.push(...codeFiles(full));
    else if (entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name)) found.push(path.relative(TEST_ROOT, full));
  }
  return found.sort();
}

/** True when the text calls mkdtemp or mkdtempSync but never rm or rmSync. */
function makesWithoutRemoving(text: string): boolean {
  return /\bmkdtemp(?:Sync)?\s*\(/.test(text) && !/\brm(?:Sync)?\s*\(/.test(text);
}

/** True when the text calls a temp-folder helper but never mentions removeTempDir or removeTempDirs. */
function usesHelperWithoutRemoving(text: string): boolean {
  return /\b(?:makeTempDir|tempDir|exportDir)\s*\(/.test(text) && !/\bremoveTempDirs?\b/.test(text);
}

function offenders(files: readonly string[], check: (text: string) => boolean): string[] {
  return files.filter((file) => file !== SELF && check(readFileSync(path.join(TEST_ROOT, file), 'utf8')));
}

describe('temp folders made by tests are removed', () => {
  it('finds the test files to check (this file, the helpers, the e2e tests)', () => {
    const files = codeFiles();
    expect(files).toEqual(expect.arrayContaining([SELF, 'helpers/temp-dir.ts', 'e2e/analyze.test.ts']));
    expect(files.some((file) => file.startsWith('fixtures/'))).toBe(false);
  });

  it('every file under test/ that calls mkdtemp/mkdtempSync also calls rm/rmSync', () => {
    expect(offenders(codeFiles(), makesWithoutRemoving)).toEqual([]);
  });

  it('every test file that makes temp folders through a helper removes them (removeTempDir/removeTempDirs)', () => {
    const testFiles = codeFiles().filter((file) => file.endsWith('.test.ts'));
    expect(offenders(testFiles, usesHelperWithoutRemoving)).toEqual([]);
  });
});

describe('the static checks themselves', () => {
  it('flag mkdtemp without rm, and accept it with rm, rmSync or fs.rm', () => {
    expect(makesWithoutRemoving("const d = mkdtempSync(path.join(tmpdir(), 'x-'));")).toBe(true);
    expect(makesWithoutRemoving("const d = await mkdtemp(join(tmpdir(), 'x-'));")).toBe(true);
    expect(makesWithoutRemoving('const d = mkdtempSync(p);\nafterAll(() => rmSync(d, { recursive: true }));')).toBe(
      false,
    );
    expect(
      makesWithoutRemoving('const d = await mkdtemp(p);\ntry {} finally { await fs.rm(d, { recursive: true }); }'),
    ).toBe(false);
    // rmdir and a word merely containing "rm" are not a removal of the folder tree.
    expect(makesWithoutRemoving('const d = mkdtempSync(p); confirm(d); rmdirSync(d);')).toBe(true);
    expect(makesWithoutRemoving('writeFileSync(p, "no temp folder here");')).toBe(false);
  });

  it('flag a helper call without removeTempDirs, and accept it with afterAll(removeTempDirs) or removeTempDir', () => {
    expect(usesHelperWithoutRemoving('const dir = exportDir(MESSAGES);')).toBe(true);
    expect(usesHelperWithoutRemoving("const dir = tempDir('pilot-report-zip-');")).toBe(true);
    expect(usesHelperWithoutRemoving("afterAll(removeTempDirs);\nconst dir = makeTempDir('p-');")).toBe(false);
    expect(usesHelperWithoutRemoving('const dir = tempDir();\ntry {} finally { removeTempDir(dir); }')).toBe(false);
    expect(usesHelperWithoutRemoving('const dir = exportDirName;')).toBe(false);
  });
});
