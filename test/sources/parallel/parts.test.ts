import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Parts } from '../../../src/sources/parallel/parts.js';
import { readingOrder, workerCount } from '../../../src/sources/parallel/plan.js';

const e = (inputIndex: number, cost: number) => ({ arg: `x:${inputIndex}`, inputIndex, cost });

describe('readingOrder and workerCount', () => {
  it('puts the costliest export first (the main thread reads it), then the others costliest first, ties in input order', () => {
    const order = readingOrder([e(0, 10), e(1, 30), e(2, 20), e(3, 30)]);
    expect(order.map((x) => x.inputIndex)).toEqual([1, 3, 2, 0]);
  });

  it('starts one worker fewer than the exports read at once, never more than there are exports besides the own one', () => {
    expect(workerCount(3, 2)).toBe(1);
    expect(workerCount(2, 4)).toBe(1);
    expect(workerCount(5, 3)).toBe(2);
    expect(workerCount(4, 1)).toBe(0);
  });
});

describe('Parts', () => {
  const folder = '/tmp/parts';

  it('hands the exports out in the order given, each once with its memory limit, then null', () => {
    const parts = new Parts([e(1, 30), e(2, 20), e(0, 10)], folder, (x) => (x.inputIndex === 1 ? '300MB' : null));
    expect(parts.take()).toEqual({ export: e(1, 30), file: path.join(folder, 'part-1.duckdb'), memoryLimit: '300MB' });
    const second = parts.take();
    expect(second?.export.inputIndex).toBe(2);
    expect(second?.memoryLimit).toBeNull();
    expect(parts.take()?.export.inputIndex).toBe(0);
    expect(parts.take()).toBeNull();
  });

  it('lists the parts in input order whatever order they are handed out and closed in', async () => {
    const parts = new Parts([e(2, 30), e(1, 20), e(3, 10)], folder, () => null);
    const listed = parts.inInputOrder();
    expect(listed.map((p) => p.job.export.inputIndex)).toEqual([1, 2, 3]);
    parts.settle(3, true);
    parts.settle(1, false);
    parts.settle(2, true);
    expect(await Promise.all(listed.map((p) => p.closed))).toEqual([false, true, true]);
  });

  it('settles every part still open as never closed when a thread fails, and hands out nothing more; a part closed before stays closed', async () => {
    const parts = new Parts([e(1, 30), e(2, 20), e(3, 10)], folder, () => null);
    parts.take();
    parts.settle(1, true);
    parts.abandon();
    expect(parts.take()).toBeNull();
    expect(await Promise.all(parts.inInputOrder().map((p) => p.closed))).toEqual([true, false, false]);
  });
});
