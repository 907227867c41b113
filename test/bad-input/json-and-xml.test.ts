/**
 * The Slack and MediaWiki part of the bad-input corpus: a broken day file among good ones, an
 * export without users.json, and an XML dump cut inside a revision.
 */
import { describe, expect, it } from 'vitest';
import { fixture, load, reconciled } from './harness.js';

describe('bad JSON and XML inputs', () => {
  it('a broken Slack day file among good ones: the file counts as one malformed record, its neighbours are used', async () => {
    const { accounts, warnings, activities } = await load([fixture('slack-broken-day-file-among-good')]);
    // 02-02: 2 messages, 02-03: cut off (1 malformed record for the whole file), 02-04: 1 message.
    expect(accounts[0]).toMatchObject({
      kind: 'slack',
      read: 4,
      used: 3,
      skipped: 1,
      skippedByReason: { malformed: 1 },
      files: 5,
    });
    expect(warnings).toEqual([expect.stringMatching(/general\/2026-02-03\.json:\d+: day file is not valid JSON/)]);
    expect(activities.map((a) => a.text)).toEqual(['Monday post', 'Monday reply', 'Wednesday post']);
    expect(reconciled(accounts)).toBe(true);
  });

  it('a Slack export without users.json: one problem naming the export, messages used under Slack ids', async () => {
    const { accounts, warnings, activities } = await load([fixture('slack-no-users-json')]);
    expect(accounts[0]).toMatchObject({ kind: 'slack', read: 2, used: 2, skipped: 0 });
    expect(warnings).toEqual([expect.stringMatching(/slack-no-users-json: this Slack export has no users\.json/)]);
    expect(activities.map((a) => a.text)).toEqual(['Hello @U2', 'Hi']);
  });

  it('an XML dump cut in the middle of a revision: that revision is skipped as malformed with its line, the rest used', async () => {
    const { accounts, warnings, activities } = await load([fixture('mediawiki-cut-mid-revision')]);
    // Revisions 10 (page 1) and 20 (page 2) are complete; revision 21 starts on line 34 and is cut.
    expect(accounts[0]).toMatchObject({
      kind: 'mediawiki',
      read: 3,
      used: 2,
      skipped: 1,
      skippedByReason: { malformed: 1 },
    });
    expect(warnings).toEqual([
      expect.stringMatching(/mediawiki-cut-mid-revision\/dump\.xml:34: revision 21 is cut off: .*truncated/),
    ]);
    expect(activities.map((a) => [a.activity_id, a.kind])).toEqual([
      ['mediawiki:pilotwiki:rev:10', 'page_create'],
      ['mediawiki:pilotwiki:rev:20', 'page_create'],
    ]);
  });
});
