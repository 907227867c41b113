import { describe, expect, it } from 'vitest';
import { folderTree } from '../../../src/sources/input-tree.js';
import { slackSource } from '../../../src/sources/slack/index.js';
import { asWritten, collect, detectAndCollect, fixture as fixtureOf, relativeProblems } from './collect.js';

const fixture = (name: string) => fixtureOf('slack', name);

describe('slackSource on fixtures (expected output in expected.json beside each export)', () => {
  it('threads, broadcasts, file shares and comments, mentions, links and reactions', async () => {
    const { dir, expected } = fixture('threads-reactions-and-mentions');
    const out = await detectAndCollect(slackSource, dir);
    expect(out.records).toEqual(expected.records);
    expect(out.files).toBe(expected.files);
    expect(out.identities).toEqual(expected.identities);
    expect(out.spaces).toEqual(expected.spaces);
    expect(
      out.activities.map((a) =>
        asWritten(a, ['id', 'kind', 'at', 'identityId', 'threadId', 'parentId', 'text', 'mentions', 'links', 'line']),
      ),
    ).toEqual(expected.activities);
    expect(out.activities.every((a) => a.spaceId === 'slack:C1' && a.source === 'slack' && a.title === null)).toBe(
      true,
    );
    expect(
      out.reactions.map((r) => asWritten(r, ['id', 'at', 'identityId', 'parentId', 'threadId', 'reaction'])),
    ).toEqual(expected.reactions);
    expect(out.reactions.every((r) => r.kind === 'reaction' && r.text === null)).toBe(true);
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([
      'Slack lists at most a few users per reaction: reactions beyond the list cannot be attributed and are not counted',
    ]);
  });

  it('skips system, bot, deleted, edit, incomplete and private messages, and counts a broken day file once', async () => {
    const { dir, expected } = fixture('skipped-private-and-malformed');
    const tree = await folderTree(dir);
    const out = await collect(slackSource, tree);
    expect(out.records).toEqual(expected.records);
    expect(out.records.read).toBe(out.records.used + out.records.skipped);
    expect(out.files).toBe(expected.files);
    expect(relativeProblems(out.problems, dir)).toEqual(expected.problems);
    // Line 3 is `   "text": "cut off`: 19 characters, so the file ends at column 20.
    expect(out.problems[4]?.detail).toBe('day file is not valid JSON (line 3, column 20: unexpected end of the file)');
    expect(out.spaces).toEqual(expected.spaces);
    expect(out.activities.map((a) => a.id)).toEqual(expected.activityIds);
  });

  it('reads DMs and group DMs as private chats with --include-private', async () => {
    const { dir, expected } = fixture('skipped-private-and-malformed');
    const out = await collect(slackSource, await folderTree(dir), true);
    expect(out.records).toEqual(expected.withPrivate);
    expect(out.spaces).toEqual(expected.spacesWithPrivate);
    // D1 holds two messages, the group DM one: 2 + 1 on top of the 2 used without the option.
    expect(
      out.activities.filter((a) => a.spaceId === 'slack:D1' || a.spaceId === 'slack:G2').map((a) => a.identityId),
    ).toEqual(['slack:U1', 'slack:U2', 'slack:U1']);
  });

  it('reads an export without users.json, with folders named by channel id', async () => {
    const { dir, expected } = fixture('no-users-file-folders-named-by-id');
    const out = await detectAndCollect(slackSource, dir);
    expect(out.records).toEqual(expected.records);
    expect(out.files).toBe(expected.files);
    expect(out.identities).toEqual([]);
    expect(out.problems).toEqual([
      {
        file: dir,
        line: null,
        reason: 'missingFile',
        detail:
          'this Slack export has no users.json: people are identified by their Slack id only, without names or e-mails',
      },
    ]);
    expect(
      out.activities.map((a) => ({
        id: a.id,
        kind: a.kind,
        identityId: a.identityId,
        threadId: a.threadId,
        parentId: a.parentId,
        text: a.text,
        mentions: a.mentions,
      })),
    ).toEqual(expected.activities);
    expect(out.reactions.map((r) => ({ id: r.id, identityId: r.identityId, reaction: r.reaction }))).toEqual(
      expected.reactions,
    );
  });
});
