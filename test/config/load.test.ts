import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { loadConfig } from '../../src/config/load.js';
import { SOURCE_KINDS } from '../../src/sources/registry.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pilot-report-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeConfig(value: unknown, name = 'pilot-report.config.json'): Promise<void> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

/** The error `loadConfig` throws, to assert its class and exact message. */
async function loadError(options: Omit<Parameters<typeof loadConfig>[0], 'sourceKinds'>): Promise<ConfigError> {
  const error: unknown = await loadConfig({ sourceKinds: SOURCE_KINDS, ...options }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
  return error;
}

describe('loadConfig precedence', () => {
  it('takes each value from the highest layer that sets it: defaults < file < env < flags', async () => {
    await writeConfig({ timeZone: 'Europe/Paris', ideas: { stallDays: 40, tags: ['#idee'] } });
    const env = { PILOT_REPORT_TIME_ZONE: 'Europe/Berlin', PILOT_REPORT_IDEAS__STALL_DAYS: '45' };

    const all = await loadConfig({ sourceKinds: SOURCE_KINDS, cwd: dir, env, flags: { timeZone: 'America/New_York' } });
    expect(all.config.timeZone).toBe('America/New_York');
    expect(all.file).toBe('pilot-report.config.json');

    const noFlags = await loadConfig({ sourceKinds: SOURCE_KINDS, cwd: dir, env, flags: { timeZone: undefined } });
    expect(noFlags.config.timeZone).toBe('Europe/Berlin');
    // Nested objects merge key by key: stallDays from env, tags from the file, the rest default.
    expect(noFlags.config.ideas).toEqual({
      tags: ['#idee'],
      decisionTags: ['#approved', '#accepted', '#decision', '#planned'],
      actionTags: ['#done', '#implemented', '#shipped', '#launched'],
      spaces: [],
      endorseThreshold: 3,
      stallDays: 45,
    });

    expect((await loadConfig({ sourceKinds: SOURCE_KINDS, cwd: dir, env: {} })).config.timeZone).toBe('Europe/Paris');
    await rm(path.join(dir, 'pilot-report.config.json'));
    const none = await loadConfig({ sourceKinds: SOURCE_KINDS, cwd: dir, env: {} });
    expect(none.config.timeZone).toBe('UTC');
    expect(none.file).toBeNull();
  });

  it('lets --since from a higher layer replace a period from the file instead of clashing', async () => {
    await writeConfig({ period: '2026-10' });
    const { config } = await loadConfig({
      sourceKinds: SOURCE_KINDS,
      cwd: dir,
      env: {},
      flags: { since: '2026-10-05' },
    });
    expect(config.period).toBeUndefined();
    expect(config.since).toBe('2026-10-05');
  });

  it('refuses period and since set in the same layer', async () => {
    await writeConfig({ period: '2026-10', since: '2026-10-05' });
    const error = await loadError({ cwd: dir, env: {} });
    expect(error.message).toBe(
      'config: period "2026-10" and since cannot both be set\n  hint: use period alone, or since/until alone',
    );
  });
});

describe('loadConfig file', () => {
  it('resolves relative paths against the config file folder, keeping kind: prefixes, - and template names', async () => {
    await writeConfig(
      {
        inputs: ['./exports/yammer.zip', 'slack:exports/slack'],
        out: 'out',
        json: '-',
        template: 'corporate',
        report: { logo: '../logo.png' },
      },
      'pilot/pilot-report.config.json',
    );
    const { config, file } = await loadConfig({
      sourceKinds: SOURCE_KINDS,
      cwd: dir,
      env: {},
      configPath: 'pilot/pilot-report.config.json',
    });
    expect(file).toBe('pilot/pilot-report.config.json');
    expect(config.inputs).toEqual([
      path.join('pilot', 'exports', 'yammer.zip'),
      `slack:${path.join('pilot', 'exports', 'slack')}`,
    ]);
    expect(config.out).toBe(path.join('pilot', 'out'));
    expect(config.json).toBe('-');
    expect(config.template).toBe('corporate');
    expect(config.report.logo).toBe('logo.png');
  });

  it('reads a kind prefix of an input as the sources do: any case, only a known kind, never a drive letter', async () => {
    await writeConfig(
      { inputs: ['Slack:exports/slack', 'notes:today.csv', 'mediawiki:dump.xml'] },
      'pilot/pilot-report.config.json',
    );
    const { config } = await loadConfig({
      sourceKinds: ['slack', 'mediawiki', 'teams'],
      cwd: dir,
      env: {},
      configPath: 'pilot/pilot-report.config.json',
    });
    expect(config.inputs).toEqual([
      // The kind is written as the registry spells it; the path after it is made relative to the working folder.
      `slack:${path.join('pilot', 'exports', 'slack')}`,
      // "notes" is no kind: the whole input is a file name with a colon, in the config's folder.
      path.join('pilot', 'notes:today.csv'),
      `mediawiki:${path.join('pilot', 'dump.xml')}`,
    ]);
  });

  it('keeps the trailing slash of a dataset folder (a Parquet folder), and only there', async () => {
    await writeConfig({ dataset: 'kept/', out: 'out/' }, 'pilot/pilot-report.config.json');
    const { config } = await loadConfig({
      sourceKinds: SOURCE_KINDS,
      cwd: dir,
      env: {},
      configPath: 'pilot/pilot-report.config.json',
    });
    expect(config.dataset).toBe(`${path.join('pilot', 'kept')}/`);
    expect(config.out).toBe(path.join('pilot', 'out'));
  });

  it('names the file and key path of an unknown key, with a did-you-mean', async () => {
    await writeConfig({ ideas: { stallDay: 10 } });
    const error = await loadError({ cwd: dir, env: {} });
    expect(error.message.split('\n')[0]).toBe(
      'pilot-report.config.json: ideas.stallDay: unknown key; did you mean "stallDays"?',
    );
  });

  it('reports every problem, with the value that was wrong', async () => {
    await writeConfig({
      timezone: 'UTC',
      unansweredListSize: 'ten',
      targets: [{ metric: 'conversations.answeredRate', op: '=>', value: 0.7 }],
    });
    const error = await loadError({ cwd: dir, env: {} });
    expect(error.message.split('\n').slice(0, 3)).toEqual([
      'pilot-report.config.json: unansweredListSize: expected number, got string "ten"',
      'pilot-report.config.json: targets.0.op: expected one of ">=", ">", "<=", "<", "==", "!="; got string "=>"',
      'pilot-report.config.json: timezone: unknown key; did you mean "timeZone"?',
    ]);
  });

  it('gives the line and column of invalid JSON', async () => {
    // The missing comma: line 3 `  "strict": true`, the unexpected `"` is in column 3.
    await writeConfig('{\n  "timeZone": "UTC"\n  "strict": true\n}');
    const error = await loadError({ cwd: dir, env: {} });
    expect(error.message).toMatch(/^pilot-report\.config\.json:3:3: invalid JSON: /);
  });

  it('gives the end of the file when the JSON stops early', async () => {
    await writeConfig('{\n  "strict": true,\n');
    const error = await loadError({ cwd: dir, env: {} });
    expect(error.message).toMatch(/^pilot-report\.config\.json:3:1: invalid JSON: /);
  });

  it('refuses a --config that does not exist and a file that is not an object', async () => {
    expect((await loadError({ cwd: dir, env: {}, configPath: 'nope.json' })).message).toBe(
      'nope.json: config file not found (--config)',
    );
    await writeConfig('[1, 2]');
    expect((await loadError({ cwd: dir, env: {} })).message).toBe(
      'pilot-report.config.json: the config must be a JSON object ({ ... })',
    );
  });

  it('accepts a file with a byte order mark and a $schema key', async () => {
    await writeConfig('\uFEFF{ "$schema": "./schema/config.schema.json", "strict": true }');
    expect((await loadConfig({ sourceKinds: SOURCE_KINDS, cwd: dir, env: {} })).config.strict).toBe(true);
  });
});

describe('loadConfig environment and flags', () => {
  it('reads nested, JSON and string values from PILOT_REPORT_ variables', async () => {
    const { config } = await loadConfig({
      sourceKinds: SOURCE_KINDS,
      cwd: dir,
      env: {
        PILOT_REPORT_TIME_ZONE: 'Europe/Paris',
        PILOT_REPORT_INCLUDE_PRIVATE: 'true',
        PILOT_REPORT_IDEAS__STALL_DAYS: '45',
        PILOT_REPORT_REPORT__TITLE: '2026',
        PILOT_REPORT_BUSINESS_CASE__MINUTES_SAVED_PER_ANSWERED_QUESTION: '20',
        PILOT_REPORT_TARGETS: '[{"metric":"conversations.answeredRate","op":">=","value":0.7}]',
        PATH: '/usr/bin',
      },
    });
    expect(config.timeZone).toBe('Europe/Paris');
    expect(config.includePrivate).toBe(true);
    expect(config.ideas.stallDays).toBe(45);
    expect(config.report.title).toBe('2026');
    expect(config.businessCase.minutesSavedPerAnsweredQuestion).toBe(20);
    expect(config.targets).toEqual([{ metric: 'conversations.answeredRate', op: '>=', value: 0.7, level: 'error' }]);
  });

  it('refuses an unknown PILOT_REPORT_ variable, suggesting the right one', async () => {
    const error = await loadError({ cwd: dir, env: { PILOT_REPORT_TIME_ZOME: 'UTC' } });
    expect(error.message.split('\n')[0]).toBe(
      'environment PILOT_REPORT_TIME_ZOME: unknown key; did you mean "PILOT_REPORT_TIME_ZONE"?',
    );
    const nested = await loadError({ cwd: dir, env: { PILOT_REPORT_IDEAS__STALL_DAY: '3' } });
    expect(nested.message.split('\n')[0]).toBe(
      'environment PILOT_REPORT_IDEAS__STALL_DAY: unknown key; did you mean "PILOT_REPORT_IDEAS__STALL_DAYS"?',
    );
  });

  it('names the variable of a bad value', async () => {
    const error = await loadError({ cwd: dir, env: { PILOT_REPORT_IDEAS__STALL_DAYS: 'soon' } });
    expect(error.message.split('\n')[0]).toBe(
      'environment PILOT_REPORT_IDEAS__STALL_DAYS: expected number, got string "soon"',
    );
  });

  it('names the flag of a bad value', async () => {
    const error = await loadError({ cwd: dir, env: {}, flags: { unansweredListSize: -1 } });
    expect(error.message.split('\n')[0]).toMatch(/^option unansweredListSize: too small: .*; got number -1$/);
    const tz = await loadError({ cwd: dir, env: {}, flags: { timeZone: 'Mars/Olympus' } });
    expect(tz.message.split('\n')[0]).toBe('config: timeZone "Mars/Olympus": not an IANA time zone');
  });

  it('returns rule warnings without failing', async () => {
    const { warnings } = await loadConfig({
      sourceKinds: SOURCE_KINDS,
      cwd: dir,
      env: {},
      flags: { recognize: 'named.csv' },
    });
    expect(warnings).toEqual(['config: recognize has no effect without anonymize (everyone is named already)']);
  });
});

describe('memoryLimit', () => {
  it('defaults to 768MB, comes from the environment or a flag, and refuses what is not a size', async () => {
    expect((await loadConfig({ sourceKinds: SOURCE_KINDS, cwd: dir, env: {}, flags: {} })).config.memoryLimit).toBe(
      '768MB',
    );
    expect(
      (await loadConfig({ sourceKinds: SOURCE_KINDS, cwd: dir, env: { PILOT_REPORT_MEMORY_LIMIT: '2GB' }, flags: {} }))
        .config.memoryLimit,
    ).toBe('2GB');
    expect(
      (
        await loadConfig({
          sourceKinds: SOURCE_KINDS,
          cwd: dir,
          env: { PILOT_REPORT_MEMORY_LIMIT: '2GB' },
          flags: { memoryLimit: '512MiB' },
        })
      ).config.memoryLimit,
    ).toBe('512MiB');
    const error = await loadError({ cwd: dir, env: {}, flags: { memoryLimit: 'lots' } });
    expect(error.message).toContain('memoryLimit: a size such as 512MB or 2GB; got string "lots"');
    const small = await loadError({ cwd: dir, env: {}, flags: { memoryLimit: '32MB' } });
    expect(small.message).toContain('memoryLimit: at least 64MB');
  });
});
