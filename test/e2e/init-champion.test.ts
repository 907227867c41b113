import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import checkbox from '@inquirer/checkbox';
import input from '@inquirer/input';
import number from '@inquirer/number';
import { render } from '@inquirer/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/cli/commands/init.js';
import type { PromptKit } from '../../src/cli/init/prompts.js';
import type { Logger } from '../../src/cli/output.js';
import { type CliResult, REPO_ROOT, hasStackTrace } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { sampleAnalyze } from '../helpers/shared-run.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

const SAMPLE = path.join(REPO_ROOT, 'fixtures/sample-pilot');
const CONFIG = 'pilot-report.config.json';

/** A folder as a champion has it: the sample's three exports, the people file and the ledger under their own names. */
function championFolder(): string {
  const dir = makeTempDir('pilot-report-champion-');
  for (const name of ['yammer', 'slack', 'wiki'])
    cpSync(path.join(SAMPLE, name), path.join(dir, name), { recursive: true });
  cpSync(path.join(SAMPLE, 'people.csv'), path.join(dir, 'Staff list (HR export).csv'));
  cpSync(path.join(SAMPLE, 'ideas-ledger.csv'), path.join(dir, 'outcomes.csv'));
  return dir;
}

type Metrics = Record<string, any>;

/** `analyze` in the worker (helpers/cli-in-process.ts). */
async function analyzeWith(config: string, cwd: string, out: string): Promise<Metrics> {
  // The hand-written config pins asOf; the written one leaves "now" to the run, so the flag pins both.
  const result = await runCliInProcess(['analyze', '--config', config, '--out', out, '--as-of', '2026-11-01'], { cwd });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8')) as Metrics;
}

/**
 * The hand-written sample config's run: the README's main command, shared with other test files
 * (helpers/shared-run.ts). That config pins asOf to 2026-11-01, the date analyzeWith passes.
 */
async function byHandMetrics(): Promise<Metrics> {
  const { result, out } = await sampleAnalyze();
  expect(result.code, result.stderr).toBe(0);
  expect(JSON.parse(readFileSync(path.join(SAMPLE, CONFIG), 'utf8')).asOf).toBe('2026-11-01');
  return JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8')) as Metrics;
}

/** People counts per source, without the paths (the two configs name the same exports differently). */
const peopleCounts = (m: Metrics) =>
  (m['identities'].sources as Metrics[])
    .map(({ path: _path, ...rest }) => rest)
    .sort((a, b) => (a['source'] < b['source'] ? -1 : 1));

/** The prompts, each run through @inquirer/testing's render and answered by `answer` with key presses. */
function scriptedKit(
  answers: Record<string, (events: Awaited<ReturnType<typeof render>>['events']) => void>,
  screens: string[],
): PromptKit {
  const drive = async <T>(run: ReturnType<typeof render>, message: string): Promise<T> => {
    const { answer, events, getScreen } = await run;
    screens.push(getScreen());
    const key = Object.keys(answers).find((k) => message.startsWith(k));
    if (key === undefined) throw new Error(`unexpected prompt: ${message}`);
    answers[key]?.(events);
    return (await answer) as T;
  };
  return {
    input: (config) => drive(render(input, config), config.message),
    number: (config) => drive(render(number<false>, config), config.message),
    checkbox: (config) => drive(render(checkbox<string>, config), config.message),
  };
}

const silent: Logger = { info: () => {}, verbose: () => {}, warn: () => {}, error: () => {} };

/** A champion's folder after `init --yes`, in the worker (made once, read by both tests below). */
let yes: Promise<{ dir: string; result: CliResult }> | undefined;
function initYes(): Promise<{ dir: string; result: CliResult }> {
  yes ??= (async () => {
    const dir = championFolder();
    // In the worker: `init` through the built binary is spawned in init.test.ts and init-terminal.test.ts.
    return { dir, result: await runCliInProcess(['init', '--yes'], { cwd: dir }) };
  })();
  return yes;
}

/** A config without what the prompts of `init` on a terminal ask (the pilot name, money, moderators). */
const withoutAnswers = ({ businessCase: _b, moderators: _m, report: _r, ...rest }: Metrics) => rest;

describe("from a champion's folder to the sample report (init, then analyze)", () => {
  // init and two analyze runs: slow on a loaded machine.
  it('init --yes finds the exports, the people file and the ledger by header, proposes the wiki bot and leaves the business case to fill in', {
    timeout: 120_000,
  }, async () => {
    const { dir, result } = await initYes();
    expect(result.code, result.stderr).toBe(0);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toContain('found a people file: Staff list (HR export).csv');
    expect(result.stderr).toContain('found an idea ledger: outcomes.csv');
    expect(result.stderr).toMatch(/bot: AuroraBot: wiki user name reads as a bot's/);
    expect(result.stderr).toMatch(
      /Next steps:\n {2}\[ \] Fill in businessCase currency, hourlyCost, hoursPerActionedIdea, moderatorHoursPerMonth, licenceCostPerMonth, orgSize/,
    );
    const written = JSON.parse(readFileSync(path.join(dir, CONFIG), 'utf8')) as Metrics;
    expect(written).toMatchObject({
      inputs: ['slack/', 'wiki/', 'yammer/'],
      people: 'Staff list (HR export).csv',
      ideasLedger: 'outcomes.csv',
      botAccounts: ['AuroraBot'],
      report: { title: 'Aurora pilot: {period}' },
    });
    expect(Object.keys(written['businessCase'])).toEqual(['minutesSavedPerAnsweredQuestion', '$notes']);
    expect(Object.keys(written['businessCase'].$notes).sort()).toEqual([
      'currency',
      'hourlyCost',
      'hoursPerActionedIdea',
      'licenceCostPerMonth',
      'moderatorHoursPerMonth',
      'orgSize',
    ]);

    // The analysis of what init wrote is checked in the next test, on the terminal's config, which
    // differs from this one only in the answers to its questions (checked there).
  });

  it("on a terminal, asks for the pilot name, currency, hourly cost and moderators; with the rest of the inputs filled in as the notes say, the business case is the sample's", {
    timeout: 120_000,
  }, async () => {
    const dir = championFolder();
    const screens: string[] = [];
    const kit = scriptedKit(
      {
        'Pilot name': (e) => e.keypress('enter'), // the default, Aurora, from the e-mail domain
        Currency: (e) => {
          e.type('eur');
          e.keypress('enter');
        },
        'Loaded cost': (e) => {
          e.type('55');
          e.keypress('enter');
        },
        Moderators: (e) => e.keypress('enter'), // the people file's three, checked already
      },
      screens,
    );
    expect(await runInit({ dir }, silent, { interactive: true, kit })).toBe(0);
    expect(screens).toHaveLength(4);
    expect(screens[0]).toContain('Pilot name (for the report title) (Aurora)');
    expect(screens[3]).toMatch(/◉ Marcus Lindqvist \(marcus\.lindqvist@aurora\.example, \d+ contributions\)/);
    const file = path.join(dir, CONFIG);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Metrics;
    expect(written['businessCase']).toMatchObject({
      minutesSavedPerAnsweredQuestion: 15,
      currency: 'EUR',
      hourlyCost: 55,
    });
    expect(Object.keys(written['businessCase'].$notes).sort()).toEqual([
      'hoursPerActionedIdea',
      'licenceCostPerMonth',
      'moderatorHoursPerMonth',
      'orgSize',
    ]);
    expect(written['moderators']).toEqual([]); // the people file names them already
    // What only the sponsor's people know, filled in by the champion as the notes ask (the sample's values).
    const { $notes: _notes, ...answered } = written['businessCase'];
    written['businessCase'] = {
      ...answered,
      hoursPerActionedIdea: 40,
      moderatorHoursPerMonth: 12,
      licenceCostPerMonth: 0,
      orgSize: 1200,
    };
    writeFileSync(file, JSON.stringify(written, null, 2));
    // Apart from the answers, the same config as `init --yes` writes: the analysis below stands for both.
    const byYes = JSON.parse(readFileSync(path.join((await initYes()).dir, CONFIG), 'utf8')) as Metrics;
    expect(withoutAnswers(written)).toEqual(withoutAnswers(byYes));
    expect(byYes['report']).toEqual(written['report']);
    const fromInit = await analyzeWith(CONFIG, dir, path.join(dir, 'out'));
    const byHand = await byHandMetrics();
    // The same people counts and moderators as the hand-written sample config.
    expect(fromInit['engagement'].totals.activePeople).toBe(54);
    expect(peopleCounts(fromInit)).toEqual(peopleCounts(byHand));
    expect(fromInit['moderation'].moderators).toEqual(byHand['moderation'].moderators);
    expect(fromInit['moderation'].moderators.map((m: Metrics) => m['id'])).toEqual([
      'marcus.lindqvist@aurora.example',
      'olena.kovalenko@aurora.example',
      'priya.raghunathan@aurora.example',
    ]);
    expect(fromInit['ideas'].funnel).toEqual(byHand['ideas'].funnel);
    expect(fromInit['businessCase']).toEqual(byHand['businessCase']);
    expect(fromInit['businessCase'].assumptions.find((a: Metrics) => a['key'] === 'hourlyCost')).toMatchObject({
      value: 55,
      unit: 'EUR',
    });
    expect(fromInit['engagement'].totals).toEqual(byHand['engagement'].totals);
  });
});
