/**
 * Runs a CommonJS file (the CLI bundle) through V8 with a code cache kept between runs, for Node 20,
 * which has no `module.enableCompileCache` (Node 22+ keeps its own; the launcher uses that there).
 * On a run as short as the sample pilot's, V8 compiling the ~830 KB bundle lazily, function by
 * function, is a noticeable share of the CPU; the cache holds the bytecode of every function the
 * first run compiled, so later runs deserialize it instead (issue 16, item 4).
 *
 * A run compiles only what it calls (`--version` little, `analyze` most), so each kind of run
 * (the command) keeps its own cache, written once, after its first run: serializing the cache again
 * after every run only to learn whether it grew cost 20-40 ms of the main thread's CPU (and the PDF
 * thread's, before its reply) at the end of each sample-pilot run (issue 16, item 4).
 *
 * The cache file is named by a hash of the file's content and of the Node, V8 and platform it was
 * made with, so a rebuilt bundle or another Node never reads a stale one; V8 also checks it and
 * rejects what does not match (`cachedDataRejected`), and then the file is simply compiled. Any
 * failure to read or write the cache (read-only install, full disk) only costs the compile.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** A loaded file: its exports, and how to keep its compiled code for the next run. */
export interface CachedLoad {
  readonly exports: unknown;
  /** Whether V8 used a code cache from an earlier run. */
  readonly cacheUsed: boolean;
  /**
   * Writes the code cache when this run had none, so it holds every function compiled until now:
   * call it after the work, not right after loading (a cache made at load time holds only the
   * top-level code), and only after a run that did its work (a run that stopped at a bad flag
   * compiled little). A run that used a cache leaves it as it is. Never throws.
   */
  readonly save: () => void;
}

/** A kind of run (`analyze`, `validate`...): letters, digits and dashes, as it appears in a file name. */
const KIND = /^[a-z0-9-]+$/;

/**
 * Node's CommonJS wrapper, so the file sees `require`, `module`, `__filename` as under `require`,
 * plus `__loaderImport`: code compiled by `vm.Script` cannot run `import()` on Node 20 (not without
 * `--experimental-vm-modules`, or an experimental-feature warning on stderr), so the bundle imports
 * its few ES-module-only packages through this function (scripts/bundle-cli.ts).
 */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname, __loaderImport) { ';
const WRAPPER_END = '\n});';

/** `import()` from this module: packages resolve from dist/, as they would from the bundle beside it. */
const importFromHere = (specifier: string): Promise<unknown> => import(specifier);

/**
 * The cache file of `source` (as loaded from `file`) for runs of `kind` in `cacheDir`:
 * `<name>-<where>-<what>-<kind>.v8`, where `where` hashes the file's path (two installs may share a
 * cache folder) and `what` its content and the Node, V8 and platform that compile it.
 */
export function cacheFileFor(file: string, source: string, cacheDir: string, kind = 'run'): string {
  if (!KIND.test(kind)) throw new Error(`code cache kind "${kind}": letters, digits and dashes only`);
  return path.join(cacheDir, `${cachePrefix(file)}${buildHash(source)}-${kind}.v8`);
}

/** What a cache file says of the build it was made from: the file's content, Node, V8 and platform. */
function buildHash(source: string): string {
  return createHash('sha256')
    .update(`${process.version}\0${process.versions.v8}\0${process.arch}\0${process.platform}\0`)
    .update(source)
    .digest('hex')
    .slice(0, 32);
}

/** What the cache files of every build of `file` start with. */
function cachePrefix(file: string): string {
  return `${path.basename(file)}-${createHash('sha256').update(file).digest('hex').slice(0, 12)}-`;
}

/**
 * Loads the CommonJS `file` like `require` would (a fresh module; `__loaderImport` for its dynamic
 * imports, above) with V8's code cache of runs of `kind` in `cacheDir`.
 */
export function loadWithCodeCache(file: string, cacheDir: string, kind = 'run'): CachedLoad {
  const source = readFileSync(file, 'utf8');
  const cacheFile = cacheFileFor(file, source, cacheDir, kind);
  const cachedData = readIfPresent(cacheFile);
  const script = new vm.Script(WRAPPER_START + source + WRAPPER_END, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const cacheUsed = cachedData !== undefined && script.cachedDataRejected !== true;
  const wrapper: unknown = script.runInThisContext();
  if (typeof wrapper !== 'function') throw new Error(`${file}: the CommonJS wrapper did not compile to a function`);
  const module = { exports: {} as unknown };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), importFromHere);
  return {
    exports: module.exports,
    cacheUsed,
    save: () => {
      if (cacheUsed) return;
      try {
        writeAtomically(cacheFile, script.createCachedData(), buildHash(source), file);
      } catch {
        // No cache this time: only a slower next start.
      }
    },
  };
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache (writeCacheFile), then removes the caches of earlier builds of `sourceFile`. */
function writeAtomically(file: string, data: Buffer, build: string, sourceFile: string): void {
  writeCacheFile(file, data);
  removeOlderCaches(sourceFile, build, path.dirname(file));
}

/** Writes beside, then renames: runs started at the same time never read half a cache. */
function writeCacheFile(file: string, data: Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

/**
 * The caches of earlier builds of the same file, of every kind of run: each build names new ones,
 * so they would pile up. The current build's caches of other kinds stay.
 */
function removeOlderCaches(sourceFile: string, build: string, folder: string): void {
  const prefix = cachePrefix(sourceFile);
  for (const name of readdirSync(folder)) {
    if (name.startsWith(prefix) && name.endsWith('.v8') && !name.startsWith(`${prefix}${build}-`))
      rmSync(path.join(folder, name), { force: true });
  }
}

/** Compiled code of the package files a thread requires: what is new to save, what was reused. */
export interface PackageCodeCache {
  /** Package files compiled from a cache of an earlier run, and compiled afresh, so far. */
  readonly counts: () => { cached: number; compiled: number };
  /**
   * Writes the caches of the files compiled afresh (after the work: they then hold every function
   * the run called, not only the top level) and removes this kind's caches that no file used.
   * Does nothing when every file came from its cache. Never throws.
   */
  readonly save: () => void;
  /** Hands CommonJS compiling back to Node (tests; the main thread once it has drawn a PDF: pdf-bundle.ts). */
  readonly stop: () => void;
}

/** Node's CommonJS compile step, which `cachePackageCode` wraps (not in @types/node). */
type CompileStep = (this: Module, content: string, filename: string) => unknown;
const moduleSteps = Module.prototype as unknown as { _compile: CompileStep };

/** Node's CommonJS wrapper, as `require` runs a file. */
const PACKAGE_WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { ';

/**
 * From now on, the CommonJS files of packages (under `node_modules`) that this thread requires are
 * compiled through V8 code caches in `cacheDir/packages-<kind>/`, one per file, named by a hash of
 * its path, its content and the Node that compiles it. For the packages the bundles leave outside
 * (pdfkit, fontkit, Chart.js and what they load: they read data files beside their code, so they are
 * not joined in; scripts/bundle-cli.ts), which Node 20 otherwise compiles afresh at every run:
 * drawing the sample pilot's report in a fresh process (load, warm-up page, report) took 3.43-3.67 s
 * of CPU without, 3.10-3.39 s with these caches (bench/README.md, issue 16 item 4). Our own files
 * and Node's are compiled as before.
 */
export function cachePackageCode(cacheDir: string, kind = 'run'): PackageCodeCache {
  if (!KIND.test(kind)) throw new Error(`code cache kind "${kind}": letters, digits and dashes only`);
  const folder = path.join(cacheDir, `packages-${kind}`);
  const fresh: { file: string; script: vm.Script }[] = [];
  const used = new Set<string>();
  let cached = 0;
  const nodeCompile = moduleSteps._compile;
  const inPackage = `${path.sep}node_modules${path.sep}`;
  moduleSteps._compile = function compileWithCache(this: Module, content: string, filename: string): unknown {
    if (!filename.includes(inPackage)) return Reflect.apply(nodeCompile, this, [content, filename]);
    const name = `${createHash('sha256').update(`${filename}\0`).update(buildHash(content)).digest('hex').slice(0, 40)}.v8`;
    used.add(name);
    const cacheFile = path.join(folder, name);
    const cachedData = readIfPresent(cacheFile);
    // A `#!` line is allowed only at the start of a script; inside the wrapper it is a comment.
    const body = content.startsWith('#!') ? `//${content}` : content;
    const script = new vm.Script(PACKAGE_WRAPPER_START + body + WRAPPER_END, {
      filename,
      ...(cachedData === undefined ? {} : { cachedData }),
    });
    if (cachedData !== undefined && script.cachedDataRejected !== true) cached += 1;
    else fresh.push({ file: cacheFile, script });
    const wrapper: unknown = script.runInThisContext();
    if (typeof wrapper !== 'function')
      throw new Error(`${filename}: the CommonJS wrapper did not compile to a function`);
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, path.dirname(filename));
  };
  return {
    counts: () => ({ cached, compiled: fresh.length }),
    save: () => {
      if (fresh.length === 0) return;
      try {
        for (const { file, script } of fresh) writeCacheFile(file, script.createCachedData());
        // Caches of files this kind of run no longer loads (a package upgraded, another Node).
        for (const name of readdirSync(folder))
          if (name.endsWith('.v8') && !used.has(name)) rmSync(path.join(folder, name), { force: true });
      } catch {
        // No cache this time: only a slower next start.
      }
    },
    stop: () => {
      moduleSteps._compile = nodeCompile;
    },
  };
}
