import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, type CliResult } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { readPdf } from '../helpers/pdf-text.js';
import { sampleAnalyze, sharedPdfPages } from '../helpers/shared-run.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { exportDir } from './tiny-yammer.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

/**
 * The report a skeptical sponsor signs off (issue 13), read back from the PDF text of the sample
 * pilot and of a small pilot generated here: people counts reconcile, the money on page 2 and the
 * business case recompute from metrics.json, periods are named, and nothing raw reaches a reader.
 */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = (x: number): string => `${grouped.format(x)} EUR`;
const percent = (x: number): string => `${Math.round(x * 100)}%`;
const twoSignificant = (x: number): string => grouped.format(Number(x.toPrecision(2)));

/** Words and keys that must never reach a reader (issue 13, "nothing raw"). */
function rawTokens(pages: readonly string[], definitionsPage: number): string[] {
  const found: string[] = [];
  pages.forEach((page, index) => {
    // The configuration appendix names settings (ideas.actionTags), which a reader may set; metric keys never.
    const text = page.replace(/Configuration used.*?(Tool version|$)/s, '$1');
    for (const token of [
      /\bnull\b/,
      /\bundefined\b/,
      /\bNaN\b/,
      /\bInfinity\b/,
      /\bSept\b/,
      /\{\s*"/,
      /"\s*:\s*[\d"{[]/,
    ]) {
      if (token.test(text)) found.push(`page ${index + 1}: ${token}`);
    }
    // Metric keys (not setting names like businessCase.hourlyCost, which a reader sets) outside the definitions.
    const key =
      /\b(?:engagement|conversations|ideas|moderation|recognition|network|redundancy|identities|sources|targets)\.[a-z]+[A-Z.]?\w*|\bbusinessCase\.(?:scenarios|assumptions|concentration)\b/.exec(
        text,
      );
    if (key && index !== definitionsPage) found.push(`page ${index + 1}: ${key[0]}`);
  });
  return found;
}

interface Run {
  result: CliResult;
  metrics: Record<string, any>;
  pages: string[];
}

async function analyze(args: readonly string[], options: { cwd?: string } = {}): Promise<Run> {
  const out = makeTempDir('pilot-report-sponsor-');
  const result = await runCliInProcess(['analyze', ...args, '--out', out], options);
  const metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'));
  const pages = (await readPdf(readFileSync(path.join(out, 'report.pdf')))).pages;
  return { result, metrics, pages };
}

/** The sample pilot's shared run (helpers/shared-run.ts), read like `analyze`'s. */
async function sample(extra: readonly string[] = []): Promise<Run> {
  const run = await sampleAnalyze(extra);
  const metrics = JSON.parse(readFileSync(path.join(run.out, 'metrics.json'), 'utf8'));
  return { result: run.result, metrics, pages: await sharedPdfPages(run, 'out/report.pdf') };
}

const assumption = (metrics: Record<string, any>, key: string): number =>
  metrics.businessCase.assumptions.find((a: { key: string }) => a.key === key).value;

describe('the sample pilot as a sponsor reads it', () => {
  let run: Run;
  let all: string;

  beforeAll(async () => {
    // The same run as sample-pilot.test.ts and init-champion.test.ts read.
    run = await sample();
    all = run.pages.join('\n');
  }, 60_000);

  it('names the period in the title ({period}) and writes no raw token anywhere', () => {
    expect(run.result.code).toBe(0);
    expect(run.pages[0]).toMatch(/^Aurora pilot: March to October 2026/);
    const definitions = run.pages.findIndex((page) => page.includes('Metric definitions'));
    expect(rawTokens(run.pages, definitions)).toEqual([]);
  });

  it('reconciles every count of people in "Who is counted"', () => {
    const m = run.metrics;
    const seen = m.identities.sources.reduce((n: number, s: { identitiesSeen: number }) => n + s.identitiesSeen, 0);
    const { activePeople, contributors } = m.engagement.totals;
    expect(all).toContain(`Identities in the inputs ${seen} `);
    expect(all).toContain(`Persons after merging ${m.identities.persons} `);
    expect(all).toContain(`Active in the period ${activePeople} `);
    expect(all).toContain(`the other ${m.identities.persons - activePeople} did nothing in it`);
    expect(all).toContain(`Contributors ${contributors} `);
    expect(all).toContain(`In the interaction network ${m.network.people} `);
    // The network page says why it counts more people than the headline.
    expect(all).toContain(
      `the ${activePeople} active people and ${m.network.people - activePeople} people they reached`,
    );
    expect(all).not.toMatch(/\d+ of \d+ people interacted/);
    // Not anonymized: everyone is named.
    expect(m.identities.namedPersons).toBe(m.identities.persons);
    expect(all).toContain(`Named in this report ${m.identities.persons} `);
  });

  it('writes durations in one style and the heatmap heads in full', () => {
    const { medianDaysToDecision, medianDaysToAction } = run.metrics.ideas;
    const days = (d: number): string => {
      const t = d < 10 ? d.toFixed(1).replace(/\.0$/, '') : String(Math.round(d));
      return `${t} ${t === '1' ? 'day' : 'days'}`;
    };
    expect(all).toContain(
      `From raised to decision: median ${days(medianDaysToDecision)}; to action: ${days(medianDaysToAction)}.`,
    );
    expect(all).not.toMatch(/\d d\b/);
    expect(all).not.toMatch(/\d\.0 (?:h|days?)\b/);
    for (const dept of run.metrics.network.departments.departments)
      if (!dept.suppressed) expect(all).toContain(dept.name);
    // The heads were cut to one short line before ("Engineer…").
    expect(all).not.toContain('Engineer…');
  });

  it('splits every month into new, returning and reactivated contributors', () => {
    for (const month of run.metrics.engagement.monthly) {
      expect(month.newContributors + (month.returningContributors ?? 0) + month.reactivatedContributors).toBe(
        month.contributors,
      );
    }
    expect(
      run.metrics.engagement.monthly.some((m: { reactivatedContributors: number }) => m.reactivatedContributors > 0),
    ).toBe(true);
    expect(all).toContain('Back after a gap');
  });

  it('puts the money on page 2, recomputed from the business case inputs in metrics.json', () => {
    const m = run.metrics;
    const hourly = assumption(m, 'hourlyCost');
    const answersValue =
      ((assumption(m, 'answeredThreads') * assumption(m, 'minutesSavedPerAnsweredQuestion')) / 60) * hourly;
    const ideasValue =
      assumption(m, 'ledgerValue') +
      assumption(m, 'actionedWithoutValue') * assumption(m, 'hoursPerActionedIdea') * hourly;
    const monthlyCost = assumption(m, 'moderatorHoursPerMonth') * hourly + assumption(m, 'licenceCostPerMonth');
    const months = assumption(m, 'months');
    const value = answersValue + ideasValue;
    const cost = monthlyCost * months;
    const base = m.businessCase.scenarios.base;
    expect(base.value).toBeCloseTo(value, 6);
    expect(base.cost).toBeCloseTo(cost, 6);
    const page2 = run.pages[1] ?? '';
    expect(page2).toContain(
      `Value ${money(value)} against a cost of ${money(cost)} over the period; ${money(value / months)} against ${money(monthlyCost)} a month; ROI ${percent((value - cost) / cost)}`,
    );
    // The ask in currency: 12 moderator hours × 55 EUR.
    expect(page2).toContain(
      `Keep funding ${assumption(m, 'moderatorHoursPerMonth')} moderator hours per month, about ${money(monthlyCost)} a month`,
    );
    expect(page2).toContain(`Payback: by the end of`);
    // One ledger entry carries more than 40 % of the value: said on page 2 and on the business case page.
    const top = Math.max(...m.ideas.ledgerValues.map((v: { value: number }) => v.value));
    expect(top / value).toBeGreaterThan(0.4);
    const flag = `carries ${percent(top / value)} of the value (${money(top)})`;
    expect(page2).toContain(flag);
    expect(all.split(flag).length - 1).toBe(2);
  });

  it('shows each value line with its arithmetic, and the scale-up formula rounded to two significant figures', () => {
    const m = run.metrics;
    const hourly = assumption(m, 'hourlyCost');
    const answered = assumption(m, 'answeredThreads');
    const minutes = assumption(m, 'minutesSavedPerAnsweredQuestion');
    const hours = (answered * minutes) / 60;
    expect(all).toContain(
      `Answered questions: ${answered} × ${minutes} minutes ÷ 60 = ${hours.toFixed(1)} hours; × ${money(hourly)} an hour = ${money(hours * hourly)}.`,
    );
    const without = assumption(m, 'actionedWithoutValue');
    const perIdea = assumption(m, 'hoursPerActionedIdea');
    expect(all).toContain(
      `Actioned ideas without a ledger value: ${without} ideas × ${perIdea} hours = ${without * perIdea} hours; × ${money(hourly)} an hour = ${money(without * perIdea * hourly)}.`,
    );
    const entries = m.ideas.ledgerValues.length;
    expect(all).toContain(
      `Ideas with a ledger value: ${entries} ledger entries add up to ${money(assumption(m, 'ledgerValue'))}`,
    );
    // Scale-up: value per active person per month × employees × active share × 12.
    const value = m.businessCase.scenarios.base.value;
    const active = m.engagement.totals.activePeople;
    const share = active / m.identities.persons;
    const perPerson = value / active / assumption(m, 'months');
    const perYear = perPerson * assumption(m, 'orgSize') * share * 12;
    expect(all).toContain(
      `${money(perPerson)} per active person per month × ${grouped.format(assumption(m, 'orgSize'))} employees × ${percent(share)} assumed active × 12 months ≈ ${twoSignificant(perYear)} EUR a year`,
    );
    expect(all).not.toContain(grouped.format(Math.round(perYear)));
  });

  it('lists the ledger row that matches no idea as a problem: stderr with file:line, warnings, data-quality page', () => {
    expect(run.result.stderr).toContain('fixtures/sample-pilot/ideas-ledger.csv:5: ledger row');
    expect(run.metrics.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/ideas-ledger\.csv:5: .* names no idea in the inputs/)]),
    );
    expect(all).toContain('Ideas ledger: rows not applied 1 row is a problem to fix in ideas-ledger.csv.');
  });

  /**
   * October 2026 of the sample, with the whole-pilot run (the shared README run) as its baseline:
   * one in-process run read by the two tests below (the baseline section, and October's own text).
   */
  let october: Promise<Run & { baselineFile: string; before: Record<string, any> }> | undefined;
  function octoberAgainstWhole() {
    october ??= (async () => {
      const whole = await sampleAnalyze();
      const baselineFile = path.join(whole.out, 'metrics.json');
      const before = JSON.parse(readFileSync(baselineFile, 'utf8'));
      const run = await analyze([
        '--config',
        'fixtures/sample-pilot/pilot-report.config.json',
        '--period',
        '2026-10',
        '--baseline',
        baselineFile,
      ]);
      return { ...run, baselineFile, before };
    })();
    return october;
  }

  it('writes a baseline section with --baseline: path, period, and per KPI value, change and percent change', async () => {
    const { metrics, baselineFile, before: whole } = await octoberAgainstWhole();
    const section = metrics.baseline;
    expect(section.path).toBe(baselineFile);
    expect(section.period).toEqual(whole.period);
    // The baseline is another period than the run's (March to October against October).
    expect(section.period).not.toEqual(metrics.period);
    const active = section.kpis.find((k: { metric: string }) => k.metric === 'engagement.totals.activePeople');
    const now = metrics.engagement.totals.activePeople;
    const before = whole.engagement.totals.activePeople;
    expect(now).not.toBe(before);
    expect(active).toEqual({
      metric: 'engagement.totals.activePeople',
      value: now,
      baseline: before,
      change: now - before,
      percentChange: ((now - before) / before) * 100,
    });
  }, 60_000);

  it('speaks of a month and of earlier outcomes apart, and refuses a period without activity', async () => {
    const october = await octoberAgainstWhole();
    expect(october.result.code).toBe(0);
    expect(october.pages[0]).toMatch(/^Aurora pilot: October 2026/);
    const earlier = october.metrics.ideas.earlier;
    expect(earlier).toMatchObject({ raised: 14, actioned: 4 });
    expect(october.pages[1]).toContain(
      `Earlier, in March to September 2026: 14 ideas raised; by the start of this period ${earlier.decided} had reached a decision, 4 of them put into practice.`,
    );
    const stale = await runCliInProcess([
      'analyze',
      '--config',
      'fixtures/sample-pilot/pilot-report.config.json',
      '--period',
      '2026-12',
      '--out',
      makeTempDir('pilot-report-stale-'),
    ]);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toContain(
      'error: no activity in the period December 2026 (2026-12-01 to 2026-12-31, UTC): the inputs cover 2026-03-02 to 2026-10-31',
    );
    expect(hasStackTrace(stale.stderr)).toBe(false);
  }, 60_000);
});

/**
 * A pilot generated here, checked by hand (UTC, as of 1 June 2026):
 * - March: Ana asks "Where is the travel policy?" (Ben answers 2 h later); Ben posts a reminder
 *   (an announcement: no reply, not a question); Cy raises an idea, Ana replies "#done".
 *   Contributors {Ana, Ben, Cy}, all new.
 * - April: Ana asks "Can someone review the budget sheet" (no mark, a question word; unanswered).
 *   Contributors {Ana}: returning.
 * - May: Cy posts lessons learned (Ana replies), Dee asks "How do I book a room?" (unanswered).
 *   Contributors {Cy, Ana, Dee}: Cy back after a gap, Ana returning, Dee new.
 * - Questions 3, answered 1; threads 6, answered 3.
 * - Ledger: line 2 gives the idea a value of 3000; line 3 names thread 999, which does not exist.
 */
const HEADER =
  'id,replied_to_id,thread_id,group_id,group_name,sender_id,sender_type,sender_name,sender_email,body,deleted_at,created_at';
const row = (
  id: number,
  replyTo: number | '',
  thread: number,
  sender: number,
  name: string,
  body: string,
  at: string,
): string =>
  `${id},${replyTo},${thread},1,General,${sender},user,${name},${name.toLowerCase()}@example.com,"${body}",,${at} UTC`;
const MESSAGES = [
  HEADER,
  row(1, '', 1, 11, 'Ana', 'Where is the travel policy?', '2026-03-02 09:00:00'),
  row(2, 1, 1, 12, 'Ben', 'On the intranet, under HR.', '2026-03-02 11:00:00'),
  row(3, '', 3, 12, 'Ben', 'Reminder: timesheets are due on the 24th.', '2026-03-03 09:00:00'),
  row(5, '', 5, 13, 'Cy', 'Idea: a shared onboarding checklist #idea', '2026-03-05 09:00:00'),
  row(6, 5, 5, 11, 'Ana', 'Done, it is live #done', '2026-03-06 09:00:00'),
  row(7, '', 7, 11, 'Ana', 'Can someone review the budget sheet', '2026-04-02 09:00:00'),
  row(8, '', 8, 13, 'Cy', 'Lessons learned from the office move.', '2026-05-04 09:00:00'),
  row(9, 8, 8, 11, 'Ana', 'Thanks for writing this up.', '2026-05-04 12:00:00'),
  row(10, '', 10, 14, 'Dee', 'How do I book a room?', '2026-05-10 09:00:00'),
].join('\r\n');
const LEDGER = [
  'idea,stage,date,note,value',
  '5,actioned,2026-03-10,Checklist live,3000',
  '999,decided,2026-03-12,no such thread,',
].join('\n');

describe('a generated pilot', () => {
  const config = (businessCase: Record<string, unknown>): string =>
    JSON.stringify({
      report: { title: '{period} pilot' },
      asOf: '2026-06-01',
      ideasLedger: 'ledger.csv',
      moderators: ['ana@example.com'],
      businessCase,
    });

  /**
   * The pilot with no money settings, under --anonymize with Ana and Dee opted in (--recognize; a
   * third row names no one in the inputs): one in-process run read by the next two tests.
   * Anonymizing changes no count, so the second test's figures hold for it as for a named run.
   */
  let noMoney: Promise<Run> | undefined;
  function noMoneyAnonymized(): Promise<Run> {
    noMoney ??= (() => {
      const recognize = ['email', 'ana@example.com', 'DEE@example.com', 'zed@example.com'].join('\n');
      const dir = exportDir(MESSAGES, {
        'ledger.csv': LEDGER,
        'money.json': config({ orgSize: 100 }),
        'recognize.csv': recognize,
      });
      return analyze(['export', '--config', 'money.json', '--anonymize', '--recognize', 'recognize.csv'], { cwd: dir });
    })();
    return noMoney;
  }

  it('counts the persons named under --anonymize: those who opted in with --recognize', async () => {
    // Hand count: four persons (Ana, Ben, Cy, Dee); Ana and Dee opted in, a third row names no one in the inputs.
    const run = await noMoneyAnonymized();
    expect(run.result.code).toBe(0);
    expect(run.metrics.identities).toMatchObject({ persons: 4, namedPersons: 2 });
    const all = run.pages.join('\n');
    expect(all).toContain('Named in this report 2 Persons who opted in (--recognize) appear by name');
  }, 60_000);

  it('counts questions, not conversations, and months of new, returning and reactivated contributors', async () => {
    const run = await noMoneyAnonymized();
    expect(run.result.code).toBe(0);
    expect(run.metrics.conversations).toMatchObject({ threads: 6, answered: 3 });
    expect(run.metrics.conversations.questions).toMatchObject({
      threads: 3,
      answered: 1,
      medianHoursToFirstResponse: 2,
    });
    expect(run.metrics.conversations.questions.unanswered.map((t: { id: string }) => t.id)).toEqual([
      'yammer:7',
      'yammer:10',
    ]);
    expect(
      run.metrics.engagement.monthly.map((m: Record<string, number>) => [
        m['month'],
        m['newContributors'],
        m['returningContributors'],
        m['reactivatedContributors'],
        m['contributors'],
      ]),
    ).toEqual([
      ['2026-03', 3, 0, 0, 3],
      ['2026-04', 0, 1, 0, 1],
      ['2026-05', 1, 1, 1, 3],
    ]);
    const page2 = run.pages[1] ?? '';
    expect(page2).toContain('1 of 3 questions got a reply');
    expect(run.pages.join(' ')).not.toContain('Reminder: timesheets');
    // No money settings: one line names them instead of dashes.
    expect(page2).toContain(
      'Not estimated: set businessCase.hourlyCost and businessCase.moderatorHoursPerMonth (or licenceCostPerMonth) and businessCase.currency in the config',
    );
    expect(run.pages[0]).toMatch(/^March to May 2026 pilot/);
    expect(run.result.stderr).toContain(
      'ledger.csv:3: ledger row "999" (decided) names no idea in the inputs; not applied',
    );
    const definitions = run.pages.findIndex((page) => page.includes('Metric definitions'));
    expect(rawTokens(run.pages, definitions)).toEqual([]);
  }, 60_000);

  it('computes the money by hand: 1 answer, one ledger entry, two moderator hours a month', async () => {
    const dir = exportDir(MESSAGES, {
      'ledger.csv': LEDGER,
      'money.json': config({
        hourlyCost: 50,
        moderatorHoursPerMonth: 2,
        hoursPerActionedIdea: 10,
        orgSize: 100,
        currency: 'EUR',
      }),
    });
    const run = await analyze(['export', '--config', 'money.json'], { cwd: dir });
    const page2 = run.pages[1] ?? '';
    // Value: 1 answered question × 15 min = 0.25 h × 50 = 12.5; the ledger's 3000 for the only actioned idea
    // (so no hours for it) -> 3012.5. Cost: 2 h × 50 = 100 a month × 3 months = 300. ROI 2712.5 / 300 = 904 %.
    expect(page2).toContain(
      'Value 3,013 EUR against a cost of 300 EUR over the period; 1,004 EUR against 100 EUR a month; ROI 904%',
    );
    expect(page2).toContain('Payback: by the end of Mar 2026 (month 1)');
    // Ana (moderator) gave the first reply in threads 5 and 8 of the 3 answered: 67 %.
    expect(page2).toContain(
      'Keep funding 2 moderator hours per month, about 100 EUR a month: 67% of answered conversations',
    );
    // 3000 of 3012.5 = 99.6 %: one self-reported entry carries the case.
    expect(page2).toContain(
      'One ledger entry (line 2, idea “Idea: a shared onboarding checklist #idea”) carries 100% of the value (3,000 EUR)',
    );
    // Scale-up: 3012.5 / 4 active / 3 months = 251 EUR × 100 employees × 100 % (4 of 4 persons) × 12 = 301,250 -> 300,000.
    const all = run.pages.join(' ');
    expect(all).toContain(
      '251 EUR per active person per month × 100 employees × 100% assumed active × 12 months ≈ 300,000 EUR a year',
    );
    expect(all).toContain('Program cost: 2 moderator hours × 50 EUR = 100 EUR a month; × 3 months = 300 EUR.');
  }, 60_000);
});
