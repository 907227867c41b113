/**
 * Odd values that reach the terminal, the config and the baseline comparison (issue 19, item 16):
 * bidi controls in a quoted cell, a `"__proto__"` config key, and an absurd baseline figure.
 */
import { Writable } from 'node:stream';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/cli/output.js';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { baselineDeltas } from '../../src/metrics/targets.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { tempDir } from './harness.js';
import { SOURCE_KINDS } from '../../src/sources/registry.js';

afterAll(removeTempDirs);

function captured(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('odd values on stderr, in the config and in the baseline', () => {
  it('bidi controls quoted from a cell are shown as U+FFFD on stderr, like ESC', () => {
    const out = captured();
    const logger = createLogger({ quiet: false, verbose: false, stream: out.stream });
    // RLO, LRI, RLM, ALM and PDF/PDI: each could reorder what the terminal shows after it.
    logger.warn('Messages.csv:3: "\u202Egnp.exe\u202C" \u2066x\u2069 \u200F \u061C \u001b[31m');
    expect(out.text()).toBe('warning: Messages.csv:3: "\uFFFDgnp.exe\uFFFD" \uFFFDx\uFFFD \uFFFD \uFFFD \uFFFD[31m\n');
  });

  it('a top-level "__proto__" config key is an unknown key, like any other', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'c.json'), '{ "__proto__": { "anonymize": true } }');
    const loading = loadConfig({ sourceKinds: SOURCE_KINDS, cwd: dir, env: {}, configPath: 'c.json' });
    await expect(loading).rejects.toBeInstanceOf(ConfigError);
    await expect(loading).rejects.toThrow(/^c\.json: __proto__: unknown key\n/);
  });

  it('a nested "__proto__" key is an unknown key with its path', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'c.json'), '{ "ideas": { "__proto__": { "stallDays": 3 } } }');
    await expect(loadConfig({ sourceKinds: SOURCE_KINDS, cwd: dir, env: {}, configPath: 'c.json' })).rejects.toThrow(
      /c\.json: ideas\.__proto__: unknown key/,
    );
  });

  it('a baseline figure of -1e308 (or beyond 2^53) is not compared: no 300-digit delta', () => {
    const current = { schemaVersion: 1, engagement: { totals: { activePeople: 120, posts: 40 } } };
    const baseline = { schemaVersion: 1, engagement: { totals: { activePeople: -1e308, posts: 2 ** 53 + 2 } } };
    const deltas = baselineDeltas(current, baseline, ['engagement.totals.activePeople', 'engagement.totals.posts']);
    expect(deltas['engagement.totals.activePeople']).toEqual({
      current: 120,
      baseline: null,
      delta: null,
      deltaPct: null,
    });
    expect(deltas['engagement.totals.posts']).toEqual({ current: 40, baseline: null, delta: null, deltaPct: null });
    // An ordinary figure is still compared.
    const edge = baselineDeltas(current, { schemaVersion: 1, engagement: { totals: { activePeople: 100 } } }, [
      'engagement.totals.activePeople',
    ]);
    expect(edge['engagement.totals.activePeople']).toEqual({ current: 120, baseline: 100, delta: 20, deltaPct: 20 });
  });
});
