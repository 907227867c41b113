import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { cacheFileFor, cachePackageCode, loadWithCodeCache, type CachedLoad } from '../../src/cli/code-cache.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/** A CommonJS file using what `require` gives a module, and the loader's import (the bundle's `__importEsm`). */
const SOURCE = `'use strict';
const { basename } = require('node:path');
exports.name = basename(__filename);
exports.folder = __dirname;
exports.self = module.exports === exports;
exports.strict = (function () { return this === undefined; })();
exports.loadPath = async () => (await __loaderImport('node:path')).sep;
`;

function setUp(source = SOURCE): { file: string; cache: string } {
  const root = makeTempDir('code-cache-');
  const file = path.join(root, 'bundle.cjs');
  writeFileSync(file, source);
  return { file, cache: path.join(root, 'cache') };
}

function load(file: string, cache: string, kind?: string): CachedLoad {
  return loadWithCodeCache(file, cache, kind);
}

function cacheFiles(cache: string): string[] {
  try {
    return readdirSync(cache).sort();
  } catch {
    return [];
  }
}

describe('loadWithCodeCache', () => {
  it('runs a CommonJS file as require would (exports, __filename, strict mode), with an import function', async () => {
    const { file, cache } = setUp();
    const loaded = load(file, cache);
    const exports = loaded.exports as Record<string, unknown>;
    expect(exports['name']).toBe('bundle.cjs');
    expect(exports['folder']).toBe(path.dirname(file));
    expect(exports['self']).toBe(true);
    expect(exports['strict']).toBe(true);
    expect(await (exports['loadPath'] as () => Promise<string>)()).toBe(path.sep);
  });

  it('compiles without a cache the first time, writes it after the run, and uses it the next time', () => {
    const { file, cache } = setUp();
    const first = load(file, cache);
    expect(first.cacheUsed).toBe(false);
    expect(cacheFiles(cache)).toEqual([]);
    first.save();
    const written = cacheFileFor(file, SOURCE, cache);
    expect(cacheFiles(cache)).toEqual([path.basename(written)]);
    expect(statSync(written).size).toBeGreaterThan(0);

    const second = load(file, cache);
    expect(second.cacheUsed).toBe(true);
    expect((second.exports as Record<string, unknown>)['name']).toBe('bundle.cjs');
    // A run that compiled nothing more leaves the cache as it was.
    const before = readFileSync(written);
    second.save();
    expect(readFileSync(written).equals(before)).toBe(true);
  });

  it('never reads the cache of another content: a rebuilt file gets its own, and the old one is removed', () => {
    const { file, cache } = setUp();
    load(file, cache).save();
    const old = cacheFileFor(file, SOURCE, cache);
    const rebuilt = `${SOURCE}exports.rebuilt = true;\n`;
    writeFileSync(file, rebuilt);
    const loaded = load(file, cache);
    expect(loaded.cacheUsed).toBe(false);
    expect((loaded.exports as Record<string, unknown>)['rebuilt']).toBe(true);
    loaded.save();
    expect(cacheFiles(cache)).toEqual([path.basename(cacheFileFor(file, rebuilt, cache))]);
    expect(cacheFiles(cache)).not.toContain(path.basename(old));
  });

  it('keeps the caches of another file (another install sharing the folder)', () => {
    const { file, cache } = setUp();
    const other = path.join(path.dirname(file), 'other', 'bundle.cjs');
    mkdirSync(path.dirname(other));
    writeFileSync(other, SOURCE);
    load(file, cache).save();
    load(other, cache).save();
    expect(cacheFiles(cache)).toHaveLength(2);
  });

  it('falls back to compiling when the cache is damaged, and replaces it', () => {
    const { file, cache } = setUp();
    const target = cacheFileFor(file, SOURCE, cache);
    mkdirSync(cache);
    writeFileSync(target, Buffer.from('not a V8 code cache at all'));
    const loaded = load(file, cache);
    expect(loaded.cacheUsed).toBe(false);
    expect((loaded.exports as Record<string, unknown>)['name']).toBe('bundle.cjs');
    loaded.save();
    expect(load(file, cache).cacheUsed).toBe(true);
  });

  it('runs without a cache when none can be written (save never throws)', () => {
    const { file, cache } = setUp();
    writeFileSync(cache, 'a file where the cache folder would be');
    const loaded = load(file, cache);
    expect(() => loaded.save()).not.toThrow();
    expect(load(file, cache).cacheUsed).toBe(false);
  });

  it('keeps one cache per kind of run, each written after its first run and never again', () => {
    // Twenty functions compiled only when `work` is called (V8 compiles lazily, on first call).
    const inner = Array.from(
      { length: 20 },
      (_, i) => `function f${i}(x) { let s = 0; for (let k = 0; k < x; k++) s += (k * ${i + 1}) % 7; return s; }`,
    );
    const source = `'use strict';\n${inner.join('\n')}\nexports.work = () => ${inner.map((_, i) => `f${i}(3)`).join(' + ')};\n`;
    const { file, cache } = setUp(source);
    const work = (loaded: CachedLoad) => ((loaded.exports as Record<string, unknown>)['work'] as () => number)();
    // By hand: f_i(3) = (i+1) mod 7 + 2(i+1) mod 7; over i+1 = 1..20 each part sums 3 × 21 = 63.
    const WORK = 126;
    load(file, cache, 'other').save(); // the small run: `work` never called
    const small = cacheFileFor(file, source, cache, 'other');

    const first = load(file, cache, 'analyze');
    expect(first.cacheUsed).toBe(false); // the small run's cache is not this kind's
    expect(work(first)).toBe(WORK);
    first.save();
    const large = cacheFileFor(file, source, cache, 'analyze');
    expect(cacheFiles(cache)).toEqual([path.basename(large), path.basename(small)].sort());
    expect(statSync(large).size).toBeGreaterThan(statSync(small).size * 1.1);

    // A run that used its cache does not serialize it again, even when it compiled more.
    const before = readFileSync(small);
    const again = load(file, cache, 'other');
    expect(again.cacheUsed).toBe(true);
    expect(work(again)).toBe(WORK);
    again.save();
    expect(readFileSync(small).equals(before)).toBe(true);
    expect(load(file, cache, 'analyze').cacheUsed).toBe(true);
  });

  it('removes the caches of earlier builds of every kind when a new build writes one', () => {
    const { file, cache } = setUp();
    load(file, cache, 'analyze').save();
    load(file, cache, 'other').save();
    const rebuilt = `${SOURCE}exports.rebuilt = true;\n`;
    writeFileSync(file, rebuilt);
    load(file, cache, 'validate').save();
    expect(cacheFiles(cache)).toEqual([path.basename(cacheFileFor(file, rebuilt, cache, 'validate'))]);
  });

  it('refuses a kind that cannot be part of a file name', () => {
    const { file, cache } = setUp();
    expect(() => cacheFileFor(file, SOURCE, cache, '../x')).toThrow(/letters, digits and dashes/);
  });
});

describe('cachePackageCode', () => {
  /** A package (`node_modules/pkg`, two files, one with a `#!` line) and a file of our own beside it. */
  function packageSetUp(): { root: string; cache: string; entry: string; own: string; files: string[] } {
    const root = makeTempDir('package-cache-');
    const pkg = path.join(root, 'node_modules', 'pkg');
    mkdirSync(pkg, { recursive: true });
    const entry = path.join(pkg, 'index.js');
    const helper = path.join(pkg, 'helper.js');
    writeFileSync(
      entry,
      "#!/usr/bin/env node\n'use strict';\nconst { twice } = require('./helper');\n" +
        'module.exports = { value: twice(21), file: __filename, dir: __dirname, self: module.exports === exports };\n',
    );
    writeFileSync(helper, 'exports.twice = (n) => n * 2;\n');
    const own = path.join(root, 'own.cjs');
    writeFileSync(own, 'module.exports = 7;\n');
    return { root, cache: path.join(root, 'cache'), entry, own, files: [entry, helper] };
  }

  /** Requires the package and our file afresh (out of require's cache) under a new cachePackageCode. */
  function requireFresh(setUp: ReturnType<typeof packageSetUp>) {
    const require = createRequire(setUp.own);
    for (const file of [...setUp.files, setUp.own]) delete require.cache[file];
    const packages = cachePackageCode(setUp.cache, 'pdf');
    try {
      return { pkg: require(setUp.entry) as Record<string, unknown>, own: require(setUp.own) as unknown, packages };
    } finally {
      packages.stop();
    }
  }

  it('runs package files as require does, caches them after the work, and reuses the caches', () => {
    const setUp = packageSetUp();
    const first = requireFresh(setUp);
    expect(first.pkg).toEqual({ value: 42, file: setUp.entry, dir: path.dirname(setUp.entry), self: true });
    expect(first.own).toBe(7);
    // Our own file is Node's to compile: only the package's two files are counted.
    expect(first.packages.counts()).toEqual({ cached: 0, compiled: 2 });
    expect(cacheFiles(path.join(setUp.cache, 'packages-pdf'))).toEqual([]);
    first.packages.save();
    expect(cacheFiles(path.join(setUp.cache, 'packages-pdf'))).toHaveLength(2);

    const second = requireFresh(setUp);
    expect(second.pkg).toEqual(first.pkg);
    expect(second.packages.counts()).toEqual({ cached: 2, compiled: 0 });
  });

  it('compiles a changed file afresh and drops the caches no file used', () => {
    const setUp = packageSetUp();
    requireFresh(setUp).packages.save();
    const [entry] = setUp.files;
    writeFileSync(entry ?? '', "module.exports = { value: require('./helper').twice(5) };\n");
    const changed = requireFresh(setUp);
    expect(changed.pkg).toEqual({ value: 10 });
    expect(changed.packages.counts()).toEqual({ cached: 1, compiled: 1 });
    changed.packages.save();
    // The old entry's cache is gone: one file per package file loaded.
    expect(cacheFiles(path.join(setUp.cache, 'packages-pdf'))).toHaveLength(2);
    expect(requireFresh(setUp).packages.counts()).toEqual({ cached: 2, compiled: 0 });
  });
});
