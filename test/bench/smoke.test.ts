/**
 * A small-scale run of `npm run bench` (2k Yammer + 2k Slack messages + 400 wiki revisions, no
 * 3M run): the script must run end to end, write results.json with every field the README and CI
 * read, and the CLI's metrics.json must count exactly what the generator wrote.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir = '';
let exitCode: number | null = null;
let stdout = '';
let results: Record<string, unknown> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-smoke-'));
  // --no-build: `npm test` builds dist/ first (pretest); the bench's own build would double it.
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/run.ts',
      '--small',
      '--no-build',
      '--data',
      join(dir, 'data'),
      '--results',
      join(dir, 'results.json'),
    ],
    {
      cwd: join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  exitCode = run.status;
  stdout = run.stdout;
  if (run.status !== 0) throw new Error(`bench failed (${String(run.status)}):\n${run.stderr.slice(-3000)}`);
  results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as Record<string, unknown>;
  // The bench's runs take minutes of wall time when the other end-to-end files share the cores.
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  name: string;
  group: string;
  rows: number;
  wallSeconds: number;
  rowsPerSecond: number;
  peakRssMiB: number | null;
  exitCode: number;
  ratioToBareParse: number | null;
  wallSecondsRuns?: number[];
}

const runs = (): Run[] => results['runs'] as Run[];

describe('npm run bench at a small scale', () => {
  it('exits 0 and prints the table and the targets', () => {
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^run\s+rows\s+wall s\s+rows\/s\s+peak RSS MiB\s+x bare parse$/m);
    expect(stdout).toMatch(/end-to-end \/ bare parse: \d+\.\d\dx/);
  });

  it('writes the machine, the scale and one run per floor and end-to-end measurement', () => {
    expect(Object.keys(results).sort()).toEqual([
      'counts',
      'countsMatch',
      'exports',
      'generatedAt',
      'machine',
      'profile',
      'runs',
      'samplePilot',
      'scale',
      'targets',
      'threadProfiles',
    ]);
    expect(results['machine']).toMatchObject({ cpus: expect.any(Number), node: process.version });
    expect(results['scale']).toEqual({ yammer: 2000, slack: 2000, wikiRevisions: 400, hugeYammer: 0, seed: 1 });
    expect(runs().map((r) => r.name)).toEqual([
      'cat yammer',
      'parse yammer (duckdb read_csv)',
      'parse yammer (csv-parse, reference)',
      'cat slack',
      'parse slack (duckdb read_json)',
      'parse slack (JSON.parse, reference)',
      'cat mediawiki',
      'parse mediawiki (saxes)',
      'e2e all',
    ]);
    for (const run of runs()) {
      expect(run.wallSeconds).toBeGreaterThan(0);
      expect(run.rowsPerSecond).toBeCloseTo(run.rows / run.wallSeconds, 6);
      expect(run.peakRssMiB).toBeGreaterThan(10);
      expect(run.exitCode).toBe(0);
    }
  });

  it('counts every message and revision in the bare parses and in the end-to-end run', () => {
    const rows = Object.fromEntries(runs().map((r) => [r.name, r.rows]));
    expect(rows['parse yammer (duckdb read_csv)']).toBe(2000);
    expect(rows['parse slack (duckdb read_json)']).toBe(2000);
    expect(rows['parse mediawiki (saxes)']).toBe(400);
    expect(rows['e2e all']).toBe(4400);
  });

  it('runs each bare parse three times and shows the median, the references and cat once', () => {
    const parses = ['parse yammer (duckdb read_csv)', 'parse slack (duckdb read_json)', 'parse mediawiki (saxes)'];
    for (const run of runs()) {
      const repeated = run.wallSecondsRuns;
      if (!parses.includes(run.name)) {
        expect(repeated, run.name).toBeUndefined();
        continue;
      }
      expect(repeated, run.name).toHaveLength(3);
      const sorted = [...(repeated ?? [])].sort((a, b) => a - b);
      expect(run.wallSeconds).toBe(sorted[1]);
      expect(stdout).toContain(`${run.name}: median of ${(repeated ?? []).map((w) => w.toFixed(2)).join(', ')} s`);
    }
  });

  it('relates the end-to-end time to the sum of the three bare parses', () => {
    const byName = new Map(runs().map((r) => [r.name, r]));
    const bare = ['parse yammer (duckdb read_csv)', 'parse slack (duckdb read_json)', 'parse mediawiki (saxes)'].reduce(
      (s, n) => s + (byName.get(n)?.wallSeconds ?? NaN),
      0,
    );
    const all = byName.get('e2e all');
    expect(all?.ratioToBareParse).toBeCloseTo((all?.wallSeconds ?? NaN) / bare, 6);
    expect((results['targets'] as { name: string }[]).map((t) => t.name)).toEqual([
      'end-to-end / bare parse',
      'peak RSS, end-to-end',
    ]);
  });

  it('times the sample pilot end to end (--small: one run) and prints the row against 1.5 s', () => {
    const sample = results['samplePilot'] as {
      runs: number;
      wallSeconds: number[];
      cpuSeconds: (number | null)[];
      medianWallSeconds: number;
      exitCodes: number[];
      targetSeconds: number;
      met: boolean;
    };
    expect(sample.runs).toBe(1);
    expect(sample.exitCodes).toEqual([0]);
    expect(sample.wallSeconds).toHaveLength(1);
    expect(sample.medianWallSeconds).toBe(sample.wallSeconds[0]);
    expect(sample.targetSeconds).toBe(1.5);
    expect(sample.met).toBe(sample.medianWallSeconds <= 1.5);
    // CPU is read from GNU time's report, when the machine has it (as the peak RSS is).
    for (const cpu of sample.cpuSeconds) if (cpu !== null) expect(cpu).toBeGreaterThan(0);
    expect(stdout).toMatch(/(met|NOT MET): sample pilot end to end, median of 1: \d+\.\d\d s wall/);
  });

  it("finds in metrics.json exactly the generator's counts", async () => {
    const metrics = JSON.parse(await readFile(join(dir, 'data', 'out', 'all', 'metrics.json'), 'utf8')) as {
      sources: { kind: string; records: { read: number; used: number } }[];
      engagement: { totals: { posts: number; replies: number; reactions: number; wikiEdits: number } };
    };
    const exported = results['exports'] as {
      kind: string;
      expected: {
        records: number;
        contributions: number;
        posts: number;
        replies: number;
        reactions: number;
        wikiEdits: number;
      };
    }[];
    for (const e of exported) {
      const source = metrics.sources.find((s) => s.kind === e.kind);
      expect(source?.records, e.kind).toEqual({
        ...source?.records,
        read: e.expected.records,
        used: e.expected.contributions,
      });
    }
    const sum = (field: 'posts' | 'replies' | 'reactions' | 'wikiEdits') =>
      exported.reduce((n, e) => n + e.expected[field], 0);
    expect(metrics.engagement.totals).toMatchObject({
      posts: sum('posts'),
      replies: sum('replies'),
      reactions: sum('reactions'),
      wikiEdits: sum('wikiEdits'),
    });
    // The wiki dump holds 400 revisions, all by named editors: every one is a wiki edit.
    expect(sum('wikiEdits')).toBe(400);
    expect(results['countsMatch']).toBe(true);
  });
});
