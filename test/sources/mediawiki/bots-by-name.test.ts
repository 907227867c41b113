import { describe, expect, it } from 'vitest';
import { memoryTree } from '../../../src/sources/input-tree.js';
import { mediawikiSource } from '../../../src/sources/mediawiki/index.js';
import { NAMED_LIKE_BOT } from '../../../src/sources/mediawiki/map-revision.js';
import { runSource } from './run-source.js';

/** One page; revision N on line 3 + N. */
function dump(users: readonly string[]): string {
  const revisions = users.map(
    (user, i) =>
      `<revision><id>${i + 1}</id><timestamp>2026-01-0${i + 1}T10:00:00Z</timestamp><contributor><username>${user}</username></contributor><text xml:space="preserve">x</text></revision>`,
  );
  return [
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">',
    '<siteinfo><sitename>W</sitename><dbname>w</dbname></siteinfo>',
    '<page><title>P</title><ns>0</ns><id>1</id>',
    ...revisions,
    '</page>',
    '</mediawiki>',
  ].join('\n');
}

describe('wiki bots by name', () => {
  it('reads "bot" at the end of a word, in any case, as a bot name; not inside a word', () => {
    for (const name of ['AuroraBot', 'Maintenance bot', 'sync-bot', 'ImportBOT', 'Bot 2', 'Link_bot'])
      expect(NAMED_LIKE_BOT.test(name), name).toBe(true);
    for (const name of ['Botany Fan', 'Abbott', 'Robotics Team', 'Ana Ruiz'])
      expect(NAMED_LIKE_BOT.test(name), name).toBe(false);
  });

  it('skips revisions of accounts named like bots as bot, announces them as bot identities and names them in a note', async () => {
    // Revisions 1..5: Ana (used), AuroraBot (bot), Sync-bot (bot), AuroraBot (bot), Ana (used).
    const run = await runSource(
      mediawikiSource,
      memoryTree('in', { 'dump.xml': dump(['Ana', 'AuroraBot', 'Sync-bot', 'AuroraBot', 'Ana']) }),
    );
    expect(run.activities.map((a) => a.id)).toEqual(['mediawiki:w:rev:1', 'mediawiki:w:rev:5']);
    expect(run.skippedByReason).toEqual({ bot: 3 });
    expect(run.read).toBe(5);
    expect(run.identities.map((i) => [i.id, i.isBot])).toEqual([
      ['mediawiki:Ana', false],
      ['mediawiki:AuroraBot', true],
      ['mediawiki:Sync-bot', true],
    ]);
    expect(run.notes).toEqual([
      'counted as bots by their user names: AuroraBot, Sync-bot (a people-file row with the alias mediawiki:<name> and a role other than bot, or "!<name>" in botAccounts, makes one a person)',
    ]);
  });

  it('counts an account named like a bot as a person when botAccounts says "!name"; a listed bot gets no note', async () => {
    const run = await runSource(mediawikiSource, memoryTree('in', { 'dump.xml': dump(['Talbot', 'Helper']) }), {
      botAccounts: ['!talbot', 'helper'],
    });
    expect(run.activities.map((a) => a.identityId)).toEqual(['mediawiki:Talbot']);
    expect(run.skippedByReason).toEqual({ bot: 1 });
    expect(run.identities.map((i) => i.id)).toEqual(['mediawiki:Talbot']);
    expect(run.notes).toEqual([]);
  });
});
