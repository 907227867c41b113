/**
 * The CLI's `main(argv)` called inside the test worker, for tests whose point is the exit code,
 * stderr's text or the files written rather than the process: a spawned run pays about 0.8 s of
 * CPU to start Node and load the CLI, this one only the work. What the child process of `runCli`
 * gets, the call gets too, and all of it is put back afterwards:
 * - the environment is replaced by runCli's (PATH, HOME, NO_COLOR=1, TZ=UTC, a fixed
 *   SOURCE_DATE_EPOCH, then `env`), keeping only Vitest's own variables;
 * - the working directory is `cwd` (process.chdir: the projects run in forks, not threads);
 * - stdout and stderr are captured, console.log/info/debug and console.error/warn with them (the
 *   worker's console goes to Vitest), and they read as pipes (isTTY false, as for a spawned child),
 *   as does stdin (`init` asks questions only on a terminal).
 * Not for what only a process shows: another TZ (ICU reads it once per process), signals, the
 * launcher in bin/, a crash's stack trace, stdout as a real pipe. Those keep `runCli`.
 * Calls are serialized: the process state they change is global to the worker.
 */
import { format } from 'node:util';
import { main } from '../../src/cli/main.js';
import { type CliResult, REPO_ROOT } from './cli.js';

/** Vitest's variables in the worker: the runner may read them while the call is under way. */
const KEEP = /^(VITEST|TEST$|NODE_ENV$)/;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `pilot-report ...args` in this process as `runCli` runs it in a child; same result shape. */
export function runCliInProcess(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const tz = options.env?.['TZ'];
  if (tz !== undefined && tz !== 'UTC') {
    // ICU keeps the zone it read at start-up: a different TZ here would be silently ignored.
    return Promise.reject(new Error(`runCliInProcess: TZ=${tz} needs a process of its own (use runCli)`));
  }
  const run = queue.then(() => callMain(args, options));
  queue = run.catch(() => undefined);
  return run;
}

type Write = typeof process.stdout.write;

async function callMain(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> },
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const streams = [process.stdout, process.stderr, process.stdin] as const;
  const savedTty = streams.map((s) => Object.getOwnPropertyDescriptor(s, 'isTTY'));
  const savedWrites = [process.stdout.write, process.stderr.write];
  const savedConsole = { ...console };
  setEnv({
    PATH: savedEnv['PATH'] ?? '',
    HOME: savedEnv['HOME'] ?? '',
    NO_COLOR: '1',
    TZ: 'UTC',
    SOURCE_DATE_EPOCH: '1767225600',
    ...options.env,
  });
  process.chdir(options.cwd ?? REPO_ROOT);
  for (const stream of streams) Object.defineProperty(stream, 'isTTY', { value: false, configurable: true });
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  const print =
    (into: string[]) =>
    (...parts: unknown[]) =>
      void into.push(`${format(...parts)}\n`);
  Object.assign(console, { log: print(out), info: print(out), debug: print(out), error: print(err), warn: print(err) });
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    [process.stdout.write, process.stderr.write] = savedWrites as [Write, Write];
    Object.assign(console, savedConsole);
    streams.forEach((stream, i) => {
      const descriptor = savedTty[i];
      if (descriptor) Object.defineProperty(stream, 'isTTY', descriptor);
      else delete (stream as { isTTY?: boolean }).isTTY;
    });
    process.chdir(savedCwd);
    setEnv(savedEnv);
  }
}

/** Makes process.env exactly `env` plus Vitest's own variables. */
function setEnv(env: Record<string, string | undefined>): void {
  for (const name of Object.keys(process.env)) if (!KEEP.test(name)) delete process.env[name];
  for (const [name, value] of Object.entries(env)) if (value !== undefined) process.env[name] = value;
}

/** A stream `write` that keeps the text and reports success, as a pipe with a reader would. */
function capture(into: string[]): Write {
  return ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as (error?: Error | null) => void)(null));
    return true;
  }) as Write;
}
