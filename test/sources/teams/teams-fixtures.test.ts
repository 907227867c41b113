import { describe, expect, it } from 'vitest';
import { folderTree } from '../../../src/sources/input-tree.js';
import { teamsSource } from '../../../src/sources/teams/index.js';
import { asWritten, collect, detectAndCollect, fixture as fixtureOf, relativeProblems } from '../slack/collect.js';

const fixture = (name: string) => fixtureOf('teams', name);

describe('teamsSource on fixtures (expected output in expected.json beside each export)', () => {
  it('maps posts, replies, mentions, links, subjects and reactions, and skips by reason', async () => {
    const { dir, expected } = fixture('channel-page-rules');
    const out = await detectAndCollect(teamsSource, dir);
    expect(out.records).toEqual(expected.records);
    const fields = [
      'id',
      'kind',
      'at',
      'identityId',
      'spaceId',
      'threadId',
      'parentId',
      'text',
      'title',
      'mentions',
      'links',
      'line',
    ] as const;
    expect(out.activities.map((a) => asWritten(a, fields))).toEqual(expected.activities);
    expect(out.reactions.map((r) => asWritten(r, ['id', 'at', 'identityId', 'parentId', 'reaction']))).toEqual(
      expected.reactions,
    );
    expect(out.reactions.every((r) => r.kind === 'reaction' && r.threadId === 'teams:19:abc@thread.tacv2:1001')).toBe(
      true,
    );
    expect(out.identities).toEqual(expected.identities);
    expect(out.spaces).toEqual(expected.spaces);
    expect(out.problems.map((p) => ({ line: p.line, reason: p.reason }))).toEqual(expected.problems);
    expect(out.problems[0]?.detail).toBe(
      'timestamp "2026-03-0412:00:00.000Z" lacks the "T" between date and time; read as 2026-03-04T12:00:00.000Z',
    );
  });

  it('reads plain arrays and NDJSON, skips chats, reports foreign JSON and keeps what precedes a break', async () => {
    const { dir, expected } = fixture('chats-ndjson-and-broken-files');
    const out = await collect(teamsSource, await folderTree(dir));
    expect(out.records).toEqual(expected.records);
    expect(out.files).toBe(expected.files);
    expect(out.activities.map((a) => a.id)).toEqual(expected.activityIds);
    expect(out.activities.map((a) => a.kind)).toEqual(['post', 'reply', 'post']);
    expect(relativeProblems(out.problems, dir)).toEqual(expected.problems);
    expect(out.reactions).toEqual([]);
    expect(out.identities.map((i) => i.id)).toEqual(['teams:u-ana', 'teams:u-bo', 'teams:u-cy']);
  });

  it('reads 1:1 and group chats as private chat spaces with --include-private', async () => {
    const { dir, expected } = fixture('chats-ndjson-and-broken-files');
    const out = await collect(teamsSource, await folderTree(dir), true);
    expect(out.records).toEqual(expected.withPrivate);
    expect(out.spaces[0]).toEqual({
      id: 'teams:19:chat1@thread.v2',
      source: 'teams',
      name: '19:chat1@thread.v2',
      kind: 'chat',
      isPrivate: true,
    });
    expect(out.reactions.map((r) => [r.id, new Date(r.at).toISOString()])).toEqual([
      ['teams:19:chat1@thread.v2:2001#like#u-bo', '2026-03-05T08:05:00.000Z'],
    ]);
    // u-bo is first seen reacting without a name, then named as the author of 2002.
    expect(out.identities.find((i) => i.id === 'teams:u-bo')?.name).toBe('Bo Chen');
  });
});
