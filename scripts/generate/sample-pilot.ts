/**
 * The Aurora sample pilot: one call per writer with small sizes plus the hand-planted story, then
 * people.csv and the ideas ledger. Returns the facts fixtures/README.md states.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PILOT_START } from './calendar.js';
import { funnel, moderationFacts, readIdea, sourceFacts, wordJaccard, type PilotFacts } from './facts.js';
import { writeMediaWikiDump } from './mediawiki-writer.js';
import type { ThreadSpec } from './model.js';
import { auroraPeople } from './people.js';
import { Rng } from './prng.js';
import { writeSlackExport } from './slack-writer.js';
import { Cast } from './story-dsl.js';
import { samplePilotConfig } from './config-file.js';
import { LEDGER, PLANTED_IDEAS, ledgerCsv, peopleCsv } from './story-files.js';
import { PLANTED_DUPLICATE_STARTERS } from './story-duplicates.js';
import { slackStory } from './story-slack.js';
import { wikiStory, yammerThreadUrl } from './story-wiki.js';
import { yammerStory } from './story-yammer.js';
import { TextFactory } from './text.js';
import { slackWorld, yammerWorld } from './world.js';
import { writeYammerExport } from './yammer-writer.js';

/** The seed of the committed sample pilot. */
export const SAMPLE_SEED = 20260301;

/** Background sizes (planted threads come on top). */
export const SAMPLE_SIZES = { yammerMessages: 520, slackMessages: 260 } as const;

function keyed(threads: readonly ThreadSpec[]): Map<string, ThreadSpec> {
  return new Map(threads.flatMap((t) => (t.key === undefined ? [] : [[t.key, t] as const])));
}

function text(threads: ReadonlyMap<string, ThreadSpec>, key: string): string {
  return threads.get(key)?.posts[0]?.text ?? '';
}

/** Generates the whole sample pilot into `outDir` (which should be empty). */
export async function generateSamplePilot(outDir: string, seed = SAMPLE_SEED): Promise<PilotFacts> {
  const rng = new Rng(seed);
  const people = auroraPeople(rng.fork('people'));
  const yWorld = yammerWorld(rng.fork('yammer-world'), people, PILOT_START);
  const sWorld = slackWorld(rng.fork('slack-world'), people, PILOT_START);
  const yPlanted = yammerStory(new Cast(people, yWorld.spaces));
  const sPlanted = slackStory(new Cast(people, sWorld.spaces));
  // One text source for both tools: no background starter repeats across Yammer and Slack.
  const texts = new TextFactory(
    rng.fork('texts'),
    true,
    true,
    new Map(PLANTED_DUPLICATE_STARTERS.map((p) => [p.replaces, p.text])),
  );
  const yammer = await writeYammerExport(join(outDir, 'yammer'), {
    seed: rng.fork('yammer').seed,
    messages: SAMPLE_SIZES.yammerMessages,
    world: yWorld,
    planted: yPlanted,
    texts,
  });
  const slack = await writeSlackExport(join(outDir, 'slack'), {
    seed: rng.fork('slack').seed,
    messages: SAMPLE_SIZES.slackMessages,
    world: sWorld,
    planted: sPlanted,
    texts,
  });
  const playbook = yammer.threadIds.get('idea-sales-playbook') ?? '';
  const pages = wikiStory(rng.fork('wiki'), playbook);
  const wiki = await writeMediaWikiDump(join(outDir, 'wiki', 'aurora-wiki.xml'), {
    seed: rng.fork('wiki-gen').seed,
    pages: 0,
    planted: pages,
  });
  await writeFile(
    join(outDir, 'people.csv'),
    peopleCsv(people, { slackUserId: sWorld.bot.userId, wikiUser: 'AuroraBot' }),
    'utf8',
  );
  await writeFile(join(outDir, 'ideas-ledger.csv'), ledgerCsv(yammer.threadIds), 'utf8');
  await writeFile(join(outDir, 'pilot-report.config.json'), samplePilotConfig(), 'utf8');

  const threads = keyed([...yPlanted, ...sPlanted]);
  const urls = new Map([...yammer.threadIds].map(([key, id]) => [key, yammerThreadUrl(id)]));
  const activityIds = new Map([
    ...[...yammer.threadIds].map(([key, id]): [string, string] => [key, `yammer:${id}`]),
    ...[...slack.threadTs].map(([key, ts]): [string, string] => [
      key,
      `slack:${threads.get(key)?.space.id ?? ''}:${ts}`,
    ]),
  ]);
  const items = PLANTED_IDEAS.map((idea) => readIdea(idea.key, { threads, urls, pages, activityIds }));
  const wikiEditors = new Set(
    pages.flatMap((p) =>
      p.revisions.flatMap((r) =>
        'user' in r.contributor && r.contributor.user !== 'AuroraBot' ? [r.contributor.user] : [],
      ),
    ),
  );
  const wikiPeople = people.filter((p) => p.wikiUser !== null && wikiEditors.has(p.wikiUser)).map((p) => p.key);
  return {
    period: { since: '2026-03-01', until: '2026-11-01' },
    people: {
      roster: people.length,
      onYammer: yWorld.people.length,
      onSlack: sWorld.people.length,
      slackWithoutEmail: sWorld.people.filter((p) => !p.slackEmail).length,
      wikiEditors: wikiEditors.size,
      moderators: people.filter((p) => p.role === 'moderator').map((p) => p.email),
      sponsor: people.find((p) => p.role === 'sponsor')?.email ?? '',
    },
    yammer: sourceFacts(yammer.stats),
    slack: { ...sourceFacts(slack.stats), dayFiles: slack.dayFiles },
    wiki: {
      ...wiki,
      botRevisions: pages
        .flatMap((p) => p.revisions)
        .filter((r) => 'user' in r.contributor && r.contributor.user === 'AuroraBot').length,
    },
    contributors: new Set([...yammer.stats.contributors, ...slack.stats.contributors, ...wikiPeople]).size,
    ideas: {
      funnel: funnel(items),
      stalled: items.filter((i) => i.stalled).length,
      declined: items.filter((i) => i.declined).length,
      ledgerRows: LEDGER.length,
      ledgerUnmatched: LEDGER.filter((r) => r.key === null).length,
      items,
    },
    moderation: moderationFacts([yammer.stats, slack.stats]),
    duplicates: {
      planted: ['idea-after-hours-ops', 'idea-after-hours-cs'],
      similarity: wordJaccard(text(threads, 'idea-after-hours-ops'), text(threads, 'idea-after-hours-cs')),
      negative: ['idea-onboarding-checklist', 'negative-onboarding-ci'],
      negativeSimilarity: wordJaccard(
        text(threads, 'idea-onboarding-checklist'),
        text(threads, 'negative-onboarding-ci'),
      ),
    },
  };
}
