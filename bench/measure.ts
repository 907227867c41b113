/**
 * Runs one command as a child process and measures it from outside: wall time, and peak resident
 * set size of the child (GNU `/usr/bin/time -v` when present, else polling `/proc/<pid>/status`
 * VmHWM, which misses at most the last poll interval's growth).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** What one run cost. */
export interface Measurement {
  wallSeconds: number;
  /** CPU time of the child, user + system, in seconds (GNU time only; null otherwise). */
  cpuSeconds: number | null;
  /** Peak RSS in MiB; null when neither method is available (not Linux). */
  peakRssMiB: number | null;
  /** How the peak was taken. */
  rssMethod: 'time-v' | 'proc-poll' | 'none';
  exitCode: number;
  stdout: string;
  /** The command's own stderr (time's report removed). */
  stderr: string;
}

/** Options of a measured run. */
export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 25;

/** Runs `command args` to completion and measures it; never throws on a non-zero exit. */
export async function measure(command: string, args: readonly string[], options: MeasureOptions): Promise<Measurement> {
  const useTime = existsSync(GNU_TIME) && (await gnuTimeWorks());
  const argv = useTime ? ['-v', command, ...args] : [...args];
  const started = performance.now();
  const child = spawn(useTime ? GNU_TIME : command, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  let polledKiB = 0;
  const poller =
    useTime || child.pid === undefined ? null : pollPeak(child.pid, (kib) => (polledKiB = Math.max(polledKiB, kib)));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (poller) clearInterval(poller);
  const stderrText = Buffer.concat(err).toString('utf8');
  const stdout = Buffer.concat(out).toString('utf8');
  if (useTime) {
    const { report, rest } = splitTimeReport(stderrText);
    const kib = report === null ? null : maxRssKiB(report);
    return {
      wallSeconds,
      cpuSeconds: report === null ? null : cpuSeconds(report),
      peakRssMiB: kib === null ? null : kib / 1024,
      rssMethod: 'time-v',
      exitCode: exitStatus(report) ?? exitCode,
      stdout,
      stderr: rest,
    };
  }
  const method = polledKiB > 0 ? 'proc-poll' : 'none';
  return {
    wallSeconds,
    cpuSeconds: null,
    peakRssMiB: polledKiB > 0 ? polledKiB / 1024 : null,
    rssMethod: method,
    exitCode,
    stdout,
    stderr: stderrText,
  };
}

let timeChecked: boolean | null = null;

/** BusyBox `time` has no `-v`: check once that this one is GNU time. */
async function gnuTimeWorks(): Promise<boolean> {
  if (timeChecked !== null) return timeChecked;
  timeChecked = await new Promise<boolean>((resolve) => {
    const child = spawn(GNU_TIME, ['-v', 'true'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.on('data', (b: Buffer) => (text += b.toString('utf8')));
    child.once('error', () => resolve(false));
    child.once('close', () => resolve(text.includes('Maximum resident set size')));
  });
  return timeChecked;
}

/** GNU time appends its report to stderr, starting with `\tCommand being timed:`. */
function splitTimeReport(stderr: string): { report: string | null; rest: string } {
  const at = stderr.lastIndexOf('\tCommand being timed:');
  if (at === -1) return { report: null, rest: stderr };
  // "Command exited with non-zero status N" precedes the report on its own line.
  const before = stderr.slice(0, at).replace(/Command exited with non-zero status \d+\n$/, '');
  return { report: stderr.slice(at), rest: before };
}

function maxRssKiB(report: string): number | null {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** User + system seconds: on a machine others load too, the CPU a run needs says more than its wall time. */
function cpuSeconds(report: string): number | null {
  const user = /User time \(seconds\): ([\d.]+)/.exec(report)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(report)?.[1];
  return user === undefined || system === undefined ? null : Number(user) + Number(system);
}

function exitStatus(report: string | null): number | null {
  const m = report === null ? null : /Exit status: (\d+)/.exec(report);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** Polls VmHWM (the kernel's own high-water mark) so that short peaks between polls still count. */
function pollPeak(pid: number, seen: (kib: number) => void): NodeJS.Timeout {
  return setInterval(() => {
    readFile(`/proc/${pid}/status`, 'utf8').then(
      (text) => {
        const m = /VmHWM:\s+(\d+) kB/.exec(text);
        if (m?.[1] !== undefined) seen(Number(m[1]));
      },
      () => undefined, // the process has ended between polls
    );
  }, POLL_MS);
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
