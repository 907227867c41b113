import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/cli/output.js';
import { formatCount, withProgress, type ProgressStream } from '../../src/cli/progress.js';

const CLEAR = '\r\u001b[2K';

/** A fake stderr that records what is written. */
function fakeStream(isTTY: boolean, columns?: number): ProgressStream & { text: () => string } {
  const chunks: string[] = [];
  const stream = {
    isTTY,
    columns,
    write: (chunk: string) => {
      chunks.push(chunk);
      return true;
    },
    text: () => chunks.join(''),
  };
  return stream as unknown as ProgressStream & { text: () => string };
}

function recordingLogger(into: ProgressStream): Logger {
  const write = (m: string) => void into.write(`${m}\n`);
  return { info: write, verbose: write, warn: (m) => write(`warning: ${m}`), error: (m) => write(`error: ${m}`) };
}

describe('withProgress', () => {
  it('adds nothing when stderr is not a terminal or --quiet is set', () => {
    const pipe = fakeStream(false);
    const log = recordingLogger(pipe);
    expect(withProgress(log, { quiet: false, stream: pipe })).toBe(log);
    const tty = fakeStream(true);
    const quietLog = recordingLogger(tty);
    expect(withProgress(quietLog, { quiet: true, stream: tty })).toBe(quietLog);
  });

  it('redraws one line with the count and the rate since the first report, throttled, and clears it at the end', () => {
    const tty = fakeStream(true);
    let clock = 1_000;
    const log = withProgress(recordingLogger(tty), { quiet: false, stream: tty, now: () => clock });
    log.progress?.('yammer', 1_000);
    clock += 50; // within 100 ms of the last draw: not redrawn
    log.progress?.('yammer', 1_500);
    clock += 950; // one second after the first report, 11,000 more records: 11,000/s
    log.progress?.('yammer', 12_000);
    log.progress?.('yammer', 12_345, true);
    expect(tty.text()).toBe(
      `${CLEAR}reading yammer: 1,000 records${CLEAR}reading yammer: 12,000 records (11,000/s)${CLEAR}`,
    );
  });

  it('shows every read in progress (worker threads read several exports at once), each with its own rate', () => {
    const tty = fakeStream(true);
    let clock = 0;
    const log = withProgress(recordingLogger(tty), { quiet: false, stream: tty, now: () => clock });
    log.progress?.('yammer', 1_000);
    clock += 200;
    log.progress?.('slack', 500);
    clock += 800; // yammer: 1 s after its first report, 4,000 more; slack: 0.8 s after, 1,600 more
    log.progress?.('yammer', 5_000);
    log.progress?.('slack', 2_100); // within 100 ms of the last draw: counted, not drawn
    clock += 200; // slack: 1 s after its first report, 1,600 more records
    log.progress?.('slack', 2_100, true);
    log.progress?.('yammer', 5_500);
    log.progress?.('yammer', 6_000, true);
    expect(tty.text()).toBe(
      `${CLEAR}reading yammer: 1,000 records` +
        `${CLEAR}reading yammer: 1,000 records; slack: 500 records` +
        `${CLEAR}reading yammer: 5,000 records (4,000/s); slack: 500 records` +
        // yammer: 4,500 more in 1.2 s = 3,750/s
        `${CLEAR}reading yammer: 5,500 records (3,750/s)` +
        CLEAR,
    );
  });

  it('clears the progress line before a message so that the two never share a line', () => {
    const tty = fakeStream(true);
    const log = withProgress(recordingLogger(tty), { quiet: false, stream: tty, now: () => 0 });
    log.progress?.('slack', 300);
    log.warn('Messages.csv:9: bad row');
    log.info('done');
    expect(tty.text()).toBe(`${CLEAR}reading slack: 300 records${CLEAR}warning: Messages.csv:9: bad row\ndone\n`);
  });

  it('keeps the line shorter than the terminal', () => {
    const tty = fakeStream(true, 12);
    const log = withProgress(recordingLogger(tty), { quiet: false, stream: tty, now: () => 0 });
    log.progress?.('mediawiki', 5);
    expect(tty.text()).toBe(`${CLEAR}reading med`);
  });
});

describe('formatCount', () => {
  it('groups thousands with commas whatever the locale', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
