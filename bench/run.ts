/**
 * `npm run bench`: generates (or reuses) the benchmark exports, then times in one run and on the
 * same files the floor (reading the bytes, a bare parse) and `pilot-report analyze` end to end to
 * metrics.json and PDF, and writes the table and bench/results.json. See bench/README.md.
 *
 *   npm run bench                               1M Yammer + 1M Slack + 200k wiki revisions, and 3M Yammer
 *   npm run bench -- --small                    2k + 2k + 400, no 3M run (the smoke test's scale)
 *   npm run bench -- --yammer 100000 --huge 0   any size; --huge 0 skips the Yammer-alone runs
 *   npm run bench -- --sample-only             only the sample pilot, median of 5 (--sample-runs N), nothing written
 *   npm run bench -- --profile                  also profile the end-to-end run (node --cpu-prof)
 *
 * Other options: --slack N, --wiki N, --seed N, --data DIR, --results FILE, --no-build, and --cli FILE
 * (another build of the CLI, e.g. an older checkout, to compare before and after a change).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { transformSync } from 'esbuild';
import { ensureExport, type BenchExport, type BenchKind } from './generate.js';
import { formatSamplePilot, measureSamplePilot, type SamplePilotResult } from './sample-pilot.js';
import { measure, median, type Measurement } from './measure.js';
import { summarizeProfile, type ProfileSummary } from './profile.js';
import {
  checkCounts,
  describeMachine,
  evaluateTargets,
  formatTable,
  formatTargets,
  type BenchResults,
  type RunResult,
} from './results.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FLOOR = join(ROOT, 'bench', 'floor.ts');

/**
 * bench/floor.ts as plain JavaScript, run by node alone: started through tsx, each floor measurement
 * also timed tsx's loader and the compile of floor.ts (about 0.4 s CPU), which made the floor look
 * slower and every ratio to it better than it is. Written under node_modules/.cache so that its
 * imports (DuckDB, csv-parse, saxes) resolve from the project.
 */
let floorScript: string | undefined;
function compiledFloor(): string {
  if (floorScript) return floorScript;
  const out = join(ROOT, 'node_modules', '.cache', 'pilot-report', 'bench-floor.mjs');
  mkdirSync(dirname(out), { recursive: true });
  const { code } = transformSync(readFileSync(FLOOR, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' });
  writeFileSync(out, code);
  floorScript = out;
  return out;
}
/** Fixed "now" so that the runs write identical metrics.json files. */
const SOURCE_DATE_EPOCH = '1793491200';

interface Options {
  yammer: number;
  slack: number;
  wiki: number;
  huge: number;
  seed: number;
  data: string;
  results: string;
  build: boolean;
  profile: boolean;
  cli: string;
  sampleRuns: number;
  sampleOnly: boolean;
}

function options(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      small: { type: 'boolean', default: false },
      yammer: { type: 'string' },
      slack: { type: 'string' },
      wiki: { type: 'string' },
      huge: { type: 'string' },
      seed: { type: 'string' },
      data: { type: 'string' },
      results: { type: 'string' },
      cli: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'sample-runs': { type: 'string' },
      'sample-only': { type: 'boolean', default: false },
    },
  });
  const small = values.small === true;
  const count = (text: string | undefined, fallback: number): number => {
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`not a count: ${text ?? ''}`);
    return n;
  };
  return {
    yammer: count(values.yammer, small ? 2000 : 1_000_000),
    slack: count(values.slack, small ? 2000 : 1_000_000),
    wiki: count(values.wiki, small ? 400 : 200_000),
    huge: count(values.huge, small ? 0 : 3_000_000),
    seed: count(values.seed, 1),
    data: resolve(values.data ?? join(ROOT, 'bench', 'data')),
    results: resolve(values.results ?? join(ROOT, 'bench', 'results.json')),
    build: values['no-build'] !== true,
    profile: values.profile === true,
    cli: resolve(values.cli ?? join(ROOT, 'bin', 'pilot-report.js')),
    sampleRuns: Math.max(1, count(values['sample-runs'], small ? 1 : 5)),
    sampleOnly: values['sample-only'] === true,
  };
}

const log = (line: string): void => {
  process.stderr.write(`bench: ${line}\n`);
};

/** Builds dist/ as `npm run build` does (scripts/build.ts: esbuild per file, then the bundle), so the CLI measured is the source in the tree. */
function build(): void {
  log('building dist/ (scripts/build.ts, as npm run build)');
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'build.ts')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`building dist/ failed:\n${result.stderr}`);
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js is missing after the build');
}

function runResult(
  name: string,
  group: RunResult['group'],
  rows: number,
  bytes: number,
  m: Measurement,
  bare: number | null,
): RunResult {
  return {
    name,
    group,
    rows,
    bytes,
    wallSeconds: m.wallSeconds,
    rowsPerSecond: rows / m.wallSeconds,
    peakRssMiB: m.peakRssMiB,
    rssMethod: m.rssMethod,
    exitCode: m.exitCode,
    ratioToBareParse: bare === null ? null : m.wallSeconds / bare,
  };
}

/**
 * How many times each bare parse runs: its median is the floor. One run of DuckDB's read_csv of the
 * 1M Messages.csv took 1.20 s and the next, a minute later in the same bench, 1.97 s (bench/README.md,
 * 2026-12-04 20:18): a single run moved the Yammer ratio between 21x and 35x.
 */
const FLOOR_REPEATS = 3;

async function floor(
  name: string,
  mode: string,
  paths: readonly string[],
  rows: number,
  bytes: number,
  repeats = 1,
): Promise<RunResult> {
  log(repeats > 1 ? `${name}, ${repeats} runs` : name);
  const measured: Measurement[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const m = await measure(process.execPath, [compiledFloor(), mode, ...paths], { cwd: ROOT });
    if (m.exitCode !== 0) throw new Error(`${name} failed:\n${m.stderr}`);
    // A floor that parsed fewer records than were written would flatter every ratio.
    const counted: unknown = JSON.parse(m.stdout.trim().split('\n').pop() ?? '{}');
    const parsed = typeof counted === 'object' && counted !== null ? Reflect.get(counted, 'rows') : undefined;
    if (parsed !== rows) throw new Error(`${name} counted ${String(parsed)} records, expected ${rows}`);
    measured.push(m);
  }
  if (repeats === 1 && measured[0]) return runResult(name, 'floor', rows, bytes, measured[0], null);
  const walls = measured.map((m) => m.wallSeconds);
  const middle = median(walls);
  // The run whose time is the median (an odd count) gives the peak RSS shown beside it.
  const chosen = measured.find((m) => m.wallSeconds === middle) ?? measured[0];
  if (!chosen) throw new Error(`${name}: no run`);
  return { ...runResult(name, 'floor', rows, bytes, { ...chosen, wallSeconds: middle }, null), wallSecondsRuns: walls };
}

/** The bare parse of one export, the floor (issue 16): DuckDB's read_csv / read_json, saxes for the wiki. */
async function parseFloor(e: BenchExport, label = ''): Promise<RunResult> {
  const name = `parse ${e.kind}${label}`;
  const n = FLOOR_REPEATS;
  if (e.kind === 'yammer')
    return floor(
      `${name} (duckdb read_csv)`,
      'duckdb-csv',
      [join(e.input, 'Messages.csv')],
      e.expected.records,
      e.bytes,
      n,
    );
  if (e.kind === 'slack')
    return floor(`${name} (duckdb read_json)`, 'duckdb-json', [e.input], e.expected.records, e.bytes, n);
  return floor(`${name} (saxes)`, 'xml', [e.input], e.expected.records, e.bytes, n);
}

/** One line per repeated floor: its runs, of which the table shows the median. */
function formatRepeats(runs: readonly RunResult[]): string {
  return runs
    .filter((r) => r.wallSecondsRuns !== undefined)
    .map((r) => `${r.name}: median of ${(r.wallSecondsRuns ?? []).map((w) => w.toFixed(2)).join(', ')} s\n`)
    .join('');
}

/** The JavaScript parsers of the first floor, kept as references (not in the ratio). */
async function referenceParse(e: BenchExport): Promise<RunResult | null> {
  if (e.kind === 'yammer')
    return floor(
      'parse yammer (csv-parse, reference)',
      'csv',
      [join(e.input, 'Messages.csv')],
      e.expected.records,
      e.bytes,
    );
  if (e.kind === 'slack')
    return floor('parse slack (JSON.parse, reference)', 'json', [e.input], e.expected.records, e.bytes);
  return null;
}

/** Environment of the CLI: no inherited NODE_OPTIONS, so the default heap is what is measured. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', NO_COLOR: '1', SOURCE_DATE_EPOCH };
  delete env['NODE_OPTIONS'];
  return env;
}

async function analyze(
  cli: string,
  name: string,
  exports: readonly BenchExport[],
  out: string,
  bare: number,
  nodeFlags: readonly string[] = [],
): Promise<{ run: RunResult; measurement: Measurement }> {
  log(`${name}: pilot-report analyze ${exports.map((e) => e.kind).join(' ')}`);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  // cwd is the empty output folder, so no pilot-report.config.json is picked up by accident.
  const m = await measure(
    process.execPath,
    [...nodeFlags, cli, 'analyze', ...exports.map((e) => e.input), '--out', out],
    { cwd: out, env: cliEnv() },
  );
  if (m.exitCode > 1) log(`${name} failed with exit ${m.exitCode}:\n${m.stderr.slice(-4000)}`);
  const rows = exports.reduce((n, e) => n + e.expected.records, 0);
  const bytes = exports.reduce((n, e) => n + e.bytes, 0);
  return { run: runResult(name, 'e2e', rows, bytes, m, bare), measurement: m };
}

/** Profiles of the main thread and of each worker thread (node --cpu-prof writes one file per thread). */
async function profileRun(
  cli: string,
  exports: readonly BenchExport[],
  out: string,
  bare: number,
): Promise<ProfileSummary[]> {
  const dir = join(out, 'profile');
  await rm(dir, { recursive: true, force: true });
  await analyze(cli, 'e2e all (profiled)', exports, out, bare, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  // Named CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread.
  const files = (await readdir(dir).catch(() => []))
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((a, b) => threadOf(a) - threadOf(b));
  files.forEach((f) => log(`profile: ${join(dir, f)}`));
  return Promise.all(files.map((f) => summarizeProfile(join(dir, f), 25)));
}

function threadOf(file: string): number {
  return Number(file.split('.').at(-3) ?? 0);
}

async function main(): Promise<number> {
  const o = options(process.argv.slice(2));
  if (o.build) build();
  const sample = (): Promise<SamplePilotResult> => {
    log(`sample pilot, ${o.sampleRuns} run(s)`);
    return measureSamplePilot(o.cli, ROOT, join(o.data, 'out', 'sample-pilot'), cliEnv(), o.sampleRuns);
  };
  if (o.sampleOnly) {
    const only = await sample();
    process.stdout.write(`${formatSamplePilot(only)}\n`);
    return only.exitCodes.every((c) => c === 0) ? 0 : 1;
  }
  const sizes: [BenchKind, number][] = [
    ['yammer', o.yammer],
    ['slack', o.slack],
    ['mediawiki', o.wiki],
  ];
  const exports: BenchExport[] = [];
  for (const [kind, size] of sizes) {
    if (size === 0) continue;
    log(`export ${kind} ${size.toLocaleString('en')} (cached under ${o.data})`);
    const e = await ensureExport(o.data, kind, size, o.seed);
    if (e.generatedSeconds > 0) log(`  generated in ${e.generatedSeconds.toFixed(1)} s`);
    exports.push(e);
  }
  const runs: RunResult[] = [];
  const parses: RunResult[] = [];
  for (const e of exports) {
    runs.push(await floor(`cat ${e.kind}`, 'cat', [e.input], e.files, e.bytes));
    const parsed = await parseFloor(e);
    parses.push(parsed);
    runs.push(parsed);
    const reference = await referenceParse(e);
    if (reference) runs.push(reference);
  }
  const bare = parses.reduce((s, r) => s + r.wallSeconds, 0);
  const all = await analyze(o.cli, 'e2e all', exports, join(o.data, 'out', 'all'), bare);
  runs.push(all.run);
  const metrics: unknown =
    all.run.exitCode <= 1 ? JSON.parse(await readFile(join(o.data, 'out', 'all', 'metrics.json'), 'utf8')) : null;
  const counts = checkCounts(metrics, exports);

  const yammer = exports.find((e) => e.kind === 'yammer');
  if (o.huge > 0 && yammer) {
    const alone = parses.find((r) => r.name.startsWith('parse yammer'))?.wallSeconds ?? bare;
    runs.push((await analyze(o.cli, 'e2e yammer', [yammer], join(o.data, 'out', 'yammer'), alone)).run);
    log(`export yammer ${o.huge.toLocaleString('en')}`);
    const huge = await ensureExport(o.data, 'yammer', o.huge, o.seed);
    const hugeParse = await parseFloor(huge, ' huge');
    runs.push(
      hugeParse,
      (await analyze(o.cli, 'e2e yammer huge', [huge], join(o.data, 'out', 'yammer-huge'), hugeParse.wallSeconds)).run,
    );
  }
  const samplePilot = await sample();
  const profiles = o.profile ? await profileRun(o.cli, exports, join(o.data, 'out', 'profiled'), bare) : [];
  const profile = profiles[0] ?? null;

  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: describeMachine(),
    scale: { yammer: o.yammer, slack: o.slack, wikiRevisions: o.wiki, hugeYammer: o.huge, seed: o.seed },
    exports: exports.map(({ kind, size, bytes, files, expected, generatedSeconds }) => ({
      kind,
      size,
      bytes,
      files,
      expected,
      generatedSeconds,
    })),
    runs,
    targets: evaluateTargets(runs, o.huge, o.yammer),
    counts,
    countsMatch: counts.length > 0 && counts.every((c) => c.equal),
    profile,
    threadProfiles: profiles.slice(1),
    samplePilot,
  };
  await mkdir(dirname(o.results), { recursive: true });
  await writeFile(o.results, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(
    `\n${formatTable(runs)}\n\n${formatRepeats(runs)}bare parse, all inputs: ${bare.toFixed(2)} s\n${formatTargets(results.targets)}\n`,
  );
  process.stdout.write(`${formatSamplePilot(samplePilot)}\n`);
  process.stdout.write(`metrics.json counts ${results.countsMatch ? 'equal' : 'DIFFER FROM'} the generated counts\n`);
  profiles.forEach((p, i) => {
    const top = p.functions
      .slice(0, 15)
      .map((f) => `  ${f.selfSeconds.toFixed(2).padStart(6)} s ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`);
    process.stdout.write(
      `\nprofile of the ${i === 0 ? 'main thread' : `reading thread ${i}`} (${p.totalSeconds.toFixed(1)} s), top self time:\n${top.join('\n')}\n`,
    );
  });
  process.stdout.write(`\nwrote ${o.results}\n`);
  const failed = runs.some((r) => r.exitCode > 1) || samplePilot.exitCodes.some((c) => c !== 0);
  return failed || !results.countsMatch ? 1 : 0;
}

process.exitCode = await main();
