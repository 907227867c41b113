import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { hasStackTrace } from '../helpers/cli.js';
import { exportDir } from './tiny-yammer.js';
import { removeTempDirs } from '../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

// A bug deep in loading: what a TypeError from any module looks like when it reaches the CLI.
vi.mock('../../src/sources/load.js', () => ({
  loadInputs: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'kind')");
  },
}));

describe('an internal error (in process, loading mocked to throw a TypeError)', () => {
  let stderr: string[];
  beforeEach(() => {
    stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([['analyze'], ['validate']])(
    '%s exits 3 with the message, a hint to report it, and no stack trace',
    async (command) => {
      const dir = exportDir();
      // Loading throws before analyze writes anything, so no output folder is needed.
      const code = await main([command, `${dir}/export`]);
      const text = stderr.join('');
      expect(code).toBe(3);
      expect(text).toMatch(/^error: internal error: Cannot read properties of undefined \(reading 'kind'\)\n/);
      expect(text).toMatch(/This is a bug in pilot-report/);
      expect(hasStackTrace(text)).toBe(false);
    },
  );

  it('shows the stack trace with --debug', async () => {
    const dir = exportDir();
    const code = await main(['validate', `${dir}/export`, '--debug']);
    expect(code).toBe(3);
    expect(hasStackTrace(stderr.join(''))).toBe(true);
  });
});
