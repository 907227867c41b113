import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/**
 * A copy of bin/pilot-report.js beside a stand-in bundle that has V8 optimize two functions calling
 * a small one: `before` as the run starts, `after` once the built `optimizeAsV8Does` (what `analyze`
 * calls on large inputs) has run. V8's own trace (`--trace-turbo-inlining`, on stdout) then says
 * which of them TurboFan compiled with the small one inlined.
 */
function inliningTrace(command: string): string {
  const root = makeTempDir('launcher-inlining-');
  mkdirSync(path.join(root, 'bin'));
  mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
  copyFileSync(path.join(REPO_ROOT, 'bin', 'pilot-report.js'), path.join(root, 'bin', 'pilot-report.js'));
  for (const file of ['code-cache.js', 'v8-tiering.js']) {
    copyFileSync(path.join(REPO_ROOT, 'dist', 'cli', file), path.join(root, 'dist', 'cli', file));
  }
  // Only its time is read: the bundle runs when it is at least as new.
  writeFileSync(path.join(root, 'dist', 'cli', 'main.js'), 'export {};\n');
  writeFileSync(path.join(root, 'package.json'), '{"type":"module"}\n');
  const bundle = path.join(root, 'dist', 'cli.bundle.cjs');
  writeFileSync(
    bundle,
    [
      'function small(x) { return x + 1; }',
      'function before(x) { return small(x) * 2; }',
      'function after(x) { return small(x) * 3; }',
      // Called often enough for V8 to give both functions their feedback (inlining needs it), then optimized.
      'function optimize(f) { for (let i = 0; i < 1000; i++) f(i); %PrepareFunctionForOptimization(f); f(1); %OptimizeFunctionOnNextCall(f); f(2); }',
      // Code run by the launcher's vm.Script imports through `__loaderImport` (src/cli/code-cache.ts).
      "const load = typeof __loaderImport === 'function' ? __loaderImport : (url) => import(url);",
      "const tiering = require('node:url').pathToFileURL(require('node:path').join(__dirname, 'cli', 'v8-tiering.js')).href;",
      'exports.main = async () => {',
      '  optimize(before);',
      '  (await load(tiering)).optimizeAsV8Does();',
      '  optimize(after);',
      '  return 0;',
      '};',
    ].join('\n'),
  );
  // The bundle as new as dist/, so the launcher runs it (bin/pilot-report.js `bundleIsCurrent`).
  utimesSync(bundle, 1_000_010, 1_000_010);
  utimesSync(path.join(root, 'dist', 'cli', 'main.js'), 1_000_000, 1_000_000);
  const result = spawnSync(
    process.execPath,
    ['--allow-natives-syntax', '--trace-turbo-inlining', path.join(root, 'bin', 'pilot-report.js'), command],
    { encoding: 'utf8', cwd: path.join(root, 'dist') },
  );
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** Whether the trace says `small` was inlined into `into`. */
function inlined(trace: string, into: string): boolean {
  return new RegExp(`Inlining .*SharedFunctionInfo small>.* into .*SharedFunctionInfo ${into}>`).test(trace);
}

describe('bin/pilot-report.js: TurboFan inlining', () => {
  it('is off for analyze until optimizeAsV8Does turns it back on (a large run)', () => {
    const trace = inliningTrace('analyze');
    expect(inlined(trace, 'before')).toBe(false);
    expect(inlined(trace, 'after')).toBe(true);
  });

  it('stays as V8 has it for the other commands', () => {
    const trace = inliningTrace('validate');
    expect(inlined(trace, 'before')).toBe(true);
    expect(inlined(trace, 'after')).toBe(true);
  });
});
