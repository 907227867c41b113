import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { copyFileSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/**
 * A copy of bin/pilot-report.js beside a stand-in dist/ whose two entries say which one ran, so the
 * launcher's choice is seen without building anything (the code cache loader is the built one).
 */
function launcher(): { root: string; run: () => string } {
  const root = makeTempDir('launcher-');
  mkdirSync(path.join(root, 'bin'));
  mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
  copyFileSync(path.join(REPO_ROOT, 'bin', 'pilot-report.js'), path.join(root, 'bin', 'pilot-report.js'));
  copyFileSync(path.join(REPO_ROOT, 'dist', 'cli', 'code-cache.js'), path.join(root, 'dist', 'cli', 'code-cache.js'));
  writeFileSync(path.join(root, 'package.json'), '{"type":"module"}\n');
  const stub = (name: string) => `export async function main() { process.stdout.write('${name}'); return 0; }\n`;
  writeFileSync(path.join(root, 'dist', 'cli', 'main.js'), stub('modules'));
  // The bundle is CommonJS; through the code cache loader it also receives `__loaderImport`.
  writeFileSync(
    path.join(root, 'dist', 'cli.bundle.cjs'),
    "exports.main = async () => { process.stdout.write('bundle' + (typeof __loaderImport === 'function' ? ' (code cache)' : '')); return 0; };\n",
  );
  const run = () => {
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'pilot-report.js')], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout;
  };
  return { root, run };
}

function setTime(file: string, seconds: number): void {
  utimesSync(file, seconds, seconds);
}

describe('bin/pilot-report.js', () => {
  /** What the bundle prints: Node 22+ keeps compiled code itself, Node 20 through dist/cli/code-cache.js. */
  const BUNDLE = 'enableCompileCache' in module ? 'bundle' : 'bundle (code cache)';

  it('runs the bundle when it is as new as dist/ or newer (an npm package gives every file one time)', () => {
    const { root, run } = launcher();
    setTime(path.join(root, 'dist', 'cli', 'main.js'), 1_000_000);
    setTime(path.join(root, 'dist', 'cli.bundle.cjs'), 1_000_000);
    expect(run()).toBe(BUNDLE);
    setTime(path.join(root, 'dist', 'cli.bundle.cjs'), 1_000_010);
    expect(run()).toBe(BUNDLE);
  });

  it('keeps the code cache of the bundle in node_modules/.cache on Node 20, and runs on with a damaged one', () => {
    const { root, run } = launcher();
    const cache = path.join(root, 'node_modules', '.cache', 'pilot-report', 'v8');
    const cached = () => {
      try {
        return readdirSync(cache);
      } catch {
        return [];
      }
    };
    expect(run()).toBe(BUNDLE);
    if (BUNDLE === 'bundle') {
      expect(cached()).toEqual([]); // Node's own compile cache, elsewhere
      return;
    }
    const [file, ...more] = cached();
    expect(more).toEqual([]);
    expect(file).toMatch(/^cli\.bundle\.cjs-[0-9a-f]{12}-[0-9a-f]{32}-other\.v8$/);
    expect(run()).toBe(BUNDLE);
    writeFileSync(path.join(cache, String(file)), 'damaged');
    expect(run()).toBe(BUNDLE);
    expect(cached()).toEqual([file]);
  });

  it('runs the separate modules when the bundle is older than dist/ (tsc run alone) or missing', () => {
    const { root, run } = launcher();
    setTime(path.join(root, 'dist', 'cli.bundle.cjs'), 1_000_000);
    setTime(path.join(root, 'dist', 'cli', 'main.js'), 1_000_010);
    expect(run()).toBe('modules');
    rmSync(path.join(root, 'dist', 'cli.bundle.cjs'));
    expect(run()).toBe('modules');
  });
});
