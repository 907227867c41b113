/**
 * `tsx scripts/run-together.ts typecheck lint`: runs those npm scripts at the same time and fails
 * when any fails. In pretest the type check (tsc, one core) and the lint (Biome, dependency-cruiser)
 * overlapped save the shorter one's wall time on a 2-core machine. Each script's output is held and
 * printed whole once it ends, under its name, so the two never interleave; every output is shown,
 * also after a failure.
 */
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  process.stderr.write('usage: tsx scripts/run-together.ts <npm script>...\n');
  process.exit(2);
}

/** npm's own CLI when run by npm (the same npm, any OS), else `npm` from the PATH. */
const npmCli = process.env.npm_execpath;

function run(name: string): Promise<number> {
  const child = npmCli
    ? spawn(process.execPath, [npmCli, 'run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('npm', ['run', '--silent', name], {
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: process.platform === 'win32',
      });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(1);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
    let done = false;
    function finish(code: number): void {
      if (done) return;
      done = true;
      const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
      process.stdout.write(`> ${name}: ${verdict}\n${Buffer.concat(output).toString()}`);
      resolve(code);
    }
  });
}

const codes = await Promise.all(names.map(run));
process.exitCode = codes.find((code) => code !== 0) ?? 0;
