import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { folderTree, memoryTree } from '../../../src/sources/input-tree.js';
import { bodyToText, decodeEntities } from '../../../src/sources/teams/html.js';
import { teamsSource } from '../../../src/sources/teams/index.js';
import { collect } from '../slack/collect.js';
import { sharedSample } from '../../helpers/shared-samples.js';

const MESSAGE = {
  id: '1',
  messageType: 'message',
  createdDateTime: '2026-03-02T09:00:00Z',
  channelIdentity: { channelId: 'c1' },
  from: { user: { id: 'u1' } },
  body: { contentType: 'text', content: 'x' },
};

describe('teamsSource.detect', () => {
  it('recognises a Graph page, a plain array and a lone message, and nothing else', async () => {
    expect(
      await teamsSource.detect(
        memoryTree('x', { 'page.json': JSON.stringify({ '@odata.context': 'c', value: [MESSAGE] }) }),
      ),
    ).toBe(true);
    expect(await teamsSource.detect(memoryTree('x', { 'list.json': JSON.stringify([MESSAGE]) }))).toBe(true);
    expect(await teamsSource.detect(memoryTree('x', { 'one.ndjson': `${JSON.stringify(MESSAGE)}\n` }))).toBe(true);
    expect(await teamsSource.detect(memoryTree('x', { 'users.json': '[{"id":"U1","name":"ana"}]' }))).toBe(false);
    expect(await teamsSource.detect(memoryTree('x', { 'day.json': '[{"type":"message","ts":"1.2"}]' }))).toBe(false);
    expect(await teamsSource.detect(memoryTree('x', { 'bad.json': '{"value": [nope' }))).toBe(false);
    expect(await teamsSource.detect(memoryTree('x', { 'page.xml': '<mediawiki/>' }))).toBe(false);
  });

  it('decides from the head of a large page without reading it all', async () => {
    // 300 messages of ~1.2 KB each: far beyond the 256 KiB head; the first one decides, so the
    // broken end, which a full parse would trip on, is never reached.
    const big = JSON.stringify({
      value: Array.from({ length: 300 }, (_, i) => ({
        ...MESSAGE,
        id: String(i),
        body: { contentType: 'text', content: 'y'.repeat(1200) },
      })),
    });
    expect(big.length).toBeGreaterThan(256 * 1024);
    expect(await teamsSource.detect(memoryTree('x', { 'big.json': `${big.slice(0, -2)} oops` }))).toBe(true);
  });
});

describe('Teams HTML bodies', () => {
  it('decodes named and numeric entities, leaving unknown ones', () => {
    expect(decodeEntities('a&amp;b &lt;i&gt; &quot;q&quot; &#39;s&#x27; &#128512; &nbsp;x &bogus;')).toBe(
      'a&b <i> "q" \'s\' 😀  x &bogus;',
    );
  });

  it('turns block ends into lines, reads mentions and links, ignores image sources', () => {
    const html =
      '<p>Hello<br>world</p><p><at id="1">Ana <b>R</b></at>: <a href="https://x.org/a?b=1&amp;c=2">doc</a> <img src="https://graph.microsoft.com/v1.0/img/$value"></p>';
    expect(bodyToText('html', html)).toEqual({
      text: 'Hello\nworld\n@Ana R: doc',
      atIds: ['1'],
      links: ['https://x.org/a?b=1&c=2'],
    });
  });

  it('keeps text bodies as they are, with their URLs', () => {
    expect(bodyToText('text', '  see https://x.org/p.  \r\n')).toEqual({
      text: 'see https://x.org/p.',
      atIds: [],
      links: ['https://x.org/p'],
    });
  });
});

describe('teamsSource.read edge cases', () => {
  it('groups messages that name no conversation under the file name, with one problem', async () => {
    const bare = { ...MESSAGE, channelIdentity: null };
    const out = await collect(
      teamsSource,
      memoryTree('exp', { 'export-1.json': JSON.stringify([bare, { ...bare, id: '2' }]) }),
    );
    expect(out.activities.map((a) => a.id)).toEqual(['teams:export-1:1', 'teams:export-1:2']);
    expect(out.problems.map((p) => [p.file, p.reason])).toEqual([['exp/export-1.json', 'unknownChannel']]);
  });

  it('keeps one reaction per person and kind, and mentions of channels are no people', async () => {
    const message = {
      ...MESSAGE,
      body: { contentType: 'html', content: '<at id="0">General</at> <at id="1">Bo</at>' },
      mentions: [
        {
          id: 0,
          mentionText: 'General',
          mentioned: { conversation: { id: 'c1', conversationIdentityType: 'channel' } },
        },
        { id: 1, mentionText: 'Bo', mentioned: { user: { id: 'u2', displayName: 'Bo' } } },
      ],
      reactions: [
        { reactionType: 'like', createdDateTime: '2026-03-02T09:01:00Z', user: { user: { id: 'u2' } } },
        { reactionType: 'like', createdDateTime: '2026-03-02T09:02:00Z', user: { user: { id: 'u2' } } },
        { reactionType: 'like', createdDateTime: 'bad', user: { user: { id: 'u3' } } },
      ],
    };
    const out = await collect(teamsSource, memoryTree('exp', { 'p.json': JSON.stringify({ value: [message] }) }));
    expect(out.activities[0]?.mentions).toEqual(['teams:u2']);
    expect(out.activities[0]?.text).toBe('@General @Bo');
    // The second like by u2 replaces the first (same id); u3's undatable reaction takes the message's time.
    expect(out.reactions.map((r) => [r.id, new Date(r.at).toISOString()])).toEqual([
      ['teams:c1:1#like#u2', '2026-03-02T09:02:00.000Z'],
      ['teams:c1:1#like#u3', '2026-03-02T09:00:00.000Z'],
    ]);
  });
});

const SAMPLES = sharedSample('teams-graph');

/**
 * Counts verified by reading the four Graph documentation responses: 12 messages.
 * - beta 2020 channel page: 3 posts (no channelIdentity: the channel comes from @odata.context),
 *   one "like" reaction by a user whose displayName is null;
 * - v1.0 channel page: 2 posts and 1 system event (messageType unknownFutureValue, from null);
 * - v1.0 chat page: 3 chat messages, skipped as private (one is a system event with the malformed
 *   date 2021-03-1706:47:05.123Z);
 * - v1.0 replies: 3 replies to 1616989510408.
 */
describe.skipIf(!existsSync(SAMPLES))('teamsSource on the Graph documentation samples', () => {
  it('reads every page with read = used + skipped', async () => {
    const tree = await folderTree(SAMPLES);
    expect(await teamsSource.detect(tree)).toBe(true);
    const out = await collect(teamsSource, tree);
    expect(out.records).toEqual({ read: 12, used: 8, skipped: 4, skippedByReason: { private: 3, system: 1 } });
    expect(out.files).toBe(4);
    expect(out.activities.filter((a) => a.kind === 'reply').map((a) => a.threadId)).toEqual(
      Array(3).fill('teams:19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2:1616989510408'),
    );
    expect(
      out.activities.filter((a) => a.spaceId === 'teams:19:fec4b0f2825d4c8c82abc09027a64184@thread.skype'),
    ).toHaveLength(3);
    expect(out.reactions.map((r) => [r.identityId, r.reaction, new Date(r.at).toISOString()])).toEqual([
      ['teams:e1ecb745-c10f-40af-a9d4-cab946c80ac7', 'like', '2019-01-21T19:55:51.893Z'],
    ]);
    expect(out.activities.find((a) => a.id.endsWith(':1616965872395'))?.text).toBe('Hello World @Jane Smith');
    expect(out.identities).toHaveLength(7);
    expect(out.problems).toEqual([]);
  });

  it('reads chats with --include-private: the system event with the malformed date is still only a system event', async () => {
    const out = await collect(teamsSource, await folderTree(SAMPLES), true);
    expect(out.records).toEqual({ read: 12, used: 10, skipped: 2, skippedByReason: { system: 2 } });
    expect(out.spaces.find((s) => s.kind === 'chat')).toEqual({
      id: 'teams:19:2da4c29f6d7041eca70b638b43d45437@thread.v2',
      source: 'teams',
      name: '19:2da4c29f6d7041eca70b638b43d45437@thread.v2',
      kind: 'chat',
      isPrivate: true,
    });
  });
});
