import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { ISOLATED_TESTS, isSpawningTest, SPAWNING_TESTS } from '../spawning-tests.js';

/** Repository-relative paths (forward slashes) of every test file. */
function testFiles(): string[] {
  return readdirSync(path.join(REPO_ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `test/${file.split(path.sep).join('/')}`)
    .sort();
}

/**
 * A call that starts another process or runs the whole CLI in the worker: the CLI helpers, or
 * child_process itself (`[_]` so this file does not match itself).
 */
const SPAWNS =
  /(?<![.\w])(?:runCli|runCliInProcess|runPilot|spawn|spawnSync|execFile|execFileSync|exec|execSync)\(|node:child[_]process/;

describe('the fast suite (npm run test:fast)', () => {
  it('leaves out every test file that starts a process', () => {
    const spawning = testFiles().filter((file) => SPAWNS.test(readFileSync(path.join(REPO_ROOT, file), 'utf8')));
    expect(spawning.length).toBeGreaterThan(0);
    expect(spawning.filter((file) => !isSpawningTest(file))).toEqual([]);
  });

  it('runs every end-to-end file that mocks a module in the isolated project', () => {
    const mocking = testFiles().filter(
      (file) => isSpawningTest(file) && /\bvi\.mock\(/.test(readFileSync(path.join(REPO_ROOT, file), 'utf8')),
    );
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking.filter((file) => !ISOLATED_TESTS.includes(file))).toEqual([]);
    expect(ISOLATED_TESTS.filter((file) => !isSpawningTest(file))).toEqual([]);
  });

  it('lists no file or folder that does not exist', () => {
    const files = testFiles();
    expect(
      SPAWNING_TESTS.filter(
        (entry) =>
          !files.some((file) => isSpawningTest(file) && (file === entry || file.startsWith(entry.slice(0, -2)))),
      ),
    ).toEqual([]);
  });
});
