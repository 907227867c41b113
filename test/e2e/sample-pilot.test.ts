import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { sampleAnalyze, sharedPdfPages } from '../helpers/shared-run.js';

/**
 * The README's main command on the bundled sample pilot, checked against the facts the generator
 * counted itself while writing the exports (fixtures/README.md): an independent path to the numbers.
 */
interface Facts {
  yammer: {
    records: number;
    contributions: number;
    deleted: number;
    system: number;
    privateConversation: number;
    threads: number;
    answered: number;
  };
  slack: {
    records: number;
    contributions: number;
    system: number;
    bot: number;
    privateGroup: number;
    privateConversation: number;
    reactions: number;
    threads: number;
    answered: number;
  };
  wiki: { revisions: number; anonymous: number; botRevisions: number };
  contributors: number;
  ideas: { funnel: Record<string, number>; stalled: number; items: { activityId: string; stage: string }[] };
}

function readFacts(): Facts {
  const readme = readFileSync(path.join(REPO_ROOT, 'fixtures/README.md'), 'utf8');
  const block = /```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
  if (!block) throw new Error('fixtures/README.md has no facts block');
  return JSON.parse(block) as Facts;
}

describe('the bundled sample pilot (README main command)', () => {
  const facts = readFacts();
  // The same run as sponsor-report.test.ts and init-champion.test.ts read (helpers/shared-run.ts).
  let out: string;
  let result: CliResult;
  let metrics: Record<string, any>;
  let pdfText: string;

  beforeAll(async () => {
    const run = await sampleAnalyze();
    ({ result, out } = run);
    metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    pdfText = (await sharedPdfPages(run, 'out/report.pdf')).join('\n');
  }, 60_000);

  it('exits 0 (the configured error-level target passes)', () => {
    expect(result.stderr).not.toMatch(/error:/);
    expect(result.code).toBe(0);
  });

  it('reconciles every source with the generator counts: read = used + skipped', () => {
    const [yammer, slack, wiki] = metrics.sources;
    expect(yammer.records).toEqual({
      read: facts.yammer.records,
      used: facts.yammer.contributions,
      skipped: facts.yammer.deleted + facts.yammer.system + facts.yammer.privateConversation,
      skippedByReason: {
        deleted: facts.yammer.deleted,
        private: facts.yammer.privateConversation,
        system: facts.yammer.system,
      },
    });
    expect(slack.records).toEqual({
      read: facts.slack.records,
      used: facts.slack.contributions,
      skipped: facts.slack.system + facts.slack.bot + facts.slack.privateConversation,
      skippedByReason: { bot: facts.slack.bot, private: facts.slack.privateConversation, system: facts.slack.system },
    });
    expect(wiki.records).toEqual({
      read: facts.wiki.revisions,
      used: facts.wiki.revisions - facts.wiki.anonymous - facts.wiki.botRevisions,
      skipped: facts.wiki.anonymous + facts.wiki.botRevisions,
      skippedByReason: { anonymous: facts.wiki.anonymous, bot: facts.wiki.botRevisions },
    });
    expect(yammer.notes.join(' ')).toMatch(/no likes/);
  });

  it('merges people across Yammer, Slack and the wiki into the generator count of contributors', () => {
    expect(metrics.engagement.totals.contributors).toBe(facts.contributors);
    expect(metrics.engagement.totals.reactions).toBe(facts.slack.reactions);
  });

  it('counts threads and answered threads as the generator planted them', () => {
    expect(metrics.conversations.threads).toBe(facts.yammer.threads + facts.slack.threads);
    expect(metrics.conversations.answered).toBe(facts.yammer.answered + facts.slack.answered);
  });

  it('follows every planted idea to its stage', () => {
    expect(metrics.ideas.funnel).toEqual(facts.ideas.funnel);
    expect(metrics.ideas.stalled).toBe(facts.ideas.stalled);
    const stages = Object.fromEntries(metrics.ideas.items.map((i: { id: string; stage: string }) => [i.id, i.stage]));
    expect(stages).toEqual(Object.fromEntries(facts.ideas.items.map((i) => [i.activityId, i.stage])));
  });

  it('never shows private text in metrics.json or the PDF', () => {
    const json = readFileSync(path.join(out, 'metrics.json'), 'utf8');
    expect(json).not.toMatch(/PRIVATE-MARKER/);
    expect(pdfText).not.toMatch(/PRIVATE-MARKER/);
    // Names of the private Yammer group and the private Slack channel (its folder name) are text too.
    expect(json).not.toMatch(/Aurora Champions|aurora-leads/);
    expect(pdfText).not.toMatch(/Aurora Champions|aurora-leads/);
    expect(result.stderr).not.toMatch(/PRIVATE-MARKER/);
  });

  it('renders Unicode names and the KPI values in the PDF', () => {
    expect(pdfText).toContain(String(metrics.engagement.totals.activePeople));
    expect(pdfText).toContain('Executive summary');
    expect(pdfText).toContain('Олена Коваленко');
  });
});

describe('a folder that holds several exports', () => {
  it('reads every export in it, not only the first an adapter claims', () => {
    const result = runCli(['validate', 'fixtures/sample-pilot', '--json', '-']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { sources: { kind: string; path: string }[] };
    expect(report.sources.map((s) => [s.kind, s.path])).toEqual([
      ['slack', 'fixtures/sample-pilot/slack'],
      ['mediawiki', 'fixtures/sample-pilot/wiki'],
      ['yammer', 'fixtures/sample-pilot/yammer'],
    ]);
  });
});
