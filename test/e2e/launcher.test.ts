import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/**
 * A copy of bin/pilot-report.js beside a stand-in dist/ whose two entries say which one ran, so the
 * launcher's choice is seen without building anything.
 */
function launcher(): { root: string; run: () => string } {
  const root = makeTempDir('launcher-');
  mkdirSync(path.join(root, 'bin'));
  mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
  copyFileSync(path.join(REPO_ROOT, 'bin', 'pilot-report.js'), path.join(root, 'bin', 'pilot-report.js'));
  writeFileSync(path.join(root, 'package.json'), '{"type":"module"}\n');
  const stub = (name: string) => `export async function main() { process.stdout.write('${name}'); return 0; }\n`;
  writeFileSync(path.join(root, 'dist', 'cli', 'main.js'), stub('modules'));
  writeFileSync(path.join(root, 'dist', 'cli.bundle.js'), stub('bundle'));
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
  it('runs the bundle when it is as new as dist/ or newer (an npm package gives every file one time)', () => {
    const { root, run } = launcher();
    setTime(path.join(root, 'dist', 'cli', 'main.js'), 1_000_000);
    setTime(path.join(root, 'dist', 'cli.bundle.js'), 1_000_000);
    expect(run()).toBe('bundle');
    setTime(path.join(root, 'dist', 'cli.bundle.js'), 1_000_010);
    expect(run()).toBe('bundle');
  });

  it('runs the separate modules when the bundle is older than dist/ (tsc run alone) or missing', () => {
    const { root, run } = launcher();
    setTime(path.join(root, 'dist', 'cli.bundle.js'), 1_000_000);
    setTime(path.join(root, 'dist', 'cli', 'main.js'), 1_000_010);
    expect(run()).toBe('modules');
    rmSync(path.join(root, 'dist', 'cli.bundle.js'));
    expect(run()).toBe('modules');
  });
});
