/**
 * Issue 16, item 4: the bundled sample pilot (the README's first command: metrics.json and the
 * PDF) must feel instant, at most 1.5 s end to end on a 2-core machine, median of 5 runs. Each run
 * is its own child process from a cold start, so Node's start-up and module loading count.
 * Wall and CPU (user + system) are both reported: on a machine others load, wall time says more
 * about them than about the run.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { measure, median } from './measure.js';

/** The target for the sample pilot, median wall seconds. */
export const SAMPLE_PILOT_TARGET_SECONDS = 1.5;

export interface SamplePilotResult {
  runs: number;
  wallSeconds: number[];
  /** User + system seconds per run; null entries where GNU time is missing. */
  cpuSeconds: (number | null)[];
  medianWallSeconds: number;
  medianCpuSeconds: number | null;
  peakRssMiB: number | null;
  exitCodes: number[];
  targetSeconds: number;
  met: boolean;
}

/** Runs `cli analyze --config fixtures/sample-pilot/...` `runs` times into fresh folders under `outRoot`. */
export async function measureSamplePilot(
  cli: string,
  root: string,
  outRoot: string,
  env: NodeJS.ProcessEnv,
  runs: number,
): Promise<SamplePilotResult> {
  const config = join(root, 'fixtures', 'sample-pilot', 'pilot-report.config.json');
  const wall: number[] = [];
  const cpu: (number | null)[] = [];
  const exitCodes: number[] = [];
  let peak: number | null = null;
  for (let i = 0; i < runs; i += 1) {
    const out = join(outRoot, `run-${i}`);
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    const m = await measure(process.execPath, [cli, 'analyze', '--config', config, '--out', out], { cwd: out, env });
    wall.push(m.wallSeconds);
    cpu.push(m.cpuSeconds);
    exitCodes.push(m.exitCode);
    if (m.peakRssMiB !== null) peak = Math.max(peak ?? 0, m.peakRssMiB);
  }
  const cpuKnown = cpu.filter((c): c is number => c !== null);
  const medianWall = median(wall);
  return {
    runs,
    wallSeconds: wall,
    cpuSeconds: cpu,
    medianWallSeconds: medianWall,
    medianCpuSeconds: cpuKnown.length === runs ? median(cpuKnown) : null,
    peakRssMiB: peak,
    exitCodes,
    targetSeconds: SAMPLE_PILOT_TARGET_SECONDS,
    met: exitCodes.every((c) => c === 0) && medianWall <= SAMPLE_PILOT_TARGET_SECONDS,
  };
}

/** The row printed under the table. */
export function formatSamplePilot(r: SamplePilotResult): string {
  const cpu = r.medianCpuSeconds === null ? 'CPU unknown' : `CPU (user+sys) ${r.medianCpuSeconds.toFixed(2)} s`;
  const rss = r.peakRssMiB === null ? '' : `, peak RSS ${Math.round(r.peakRssMiB)} MiB`;
  return `${r.met ? 'met' : 'NOT MET'}: sample pilot end to end, median of ${r.runs}: ${r.medianWallSeconds.toFixed(2)} s wall, ${cpu}${rss} (target <= ${r.targetSeconds} s wall; runs ${r.wallSeconds.map((w) => w.toFixed(2)).join(', ')} s)`;
}
