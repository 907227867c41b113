import { describe, expect, it } from 'vitest';
import { memoryTree } from '../../../src/sources/input-tree.js';
import { slackSource } from '../../../src/sources/slack/index.js';
import { tsToMillis } from '../../../src/sources/slack/map-message.js';
import { blockMentions, convertMrkdwn } from '../../../src/sources/slack/mrkdwn.js';
import { collect } from './collect.js';

const USERS = JSON.stringify([{ id: 'U1', real_name: 'Ana Ruiz' }]);
const CHANNELS = JSON.stringify([{ id: 'C1', name: 'general' }]);

describe('slackSource.detect', () => {
  it('needs channels.json with users.json or a folder of day files', async () => {
    expect(await slackSource.detect(memoryTree('x', { 'channels.json': CHANNELS, 'users.json': USERS }))).toBe(true);
    expect(
      await slackSource.detect(memoryTree('x', { 'channels.json': CHANNELS, 'general/2026-01-05.json': '[]' })),
    ).toBe(true);
    expect(
      await slackSource.detect(memoryTree('x', { 'wrapped/channels.json': CHANNELS, 'wrapped/users.json': USERS })),
    ).toBe(true);
    expect(await slackSource.detect(memoryTree('x', { 'channels.json': CHANNELS, 'dms.json': '[]' }))).toBe(false);
    expect(await slackSource.detect(memoryTree('x', { 'users.json': USERS, 'general/2026-01-05.json': '[]' }))).toBe(
      false,
    );
    expect(await slackSource.detect(memoryTree('x', { 'Messages.csv': 'id\n1' }))).toBe(false);
  });
});

describe('Slack text', () => {
  it('unescapes entities after reading tokens, so an escaped < never opens one', () => {
    const out = convertMrkdwn(
      'a &lt;@U1&gt; b &amp;amp; <@U1> <!here> <!subteam^S1|@design> <mailto:a@b.org|mail> <https://x.org/p>',
      (id) => (id === 'U1' ? 'Ana' : null),
    );
    expect(out).toEqual({
      text: 'a <@U1> b &amp; @Ana @here @design mail https://x.org/p',
      mentionedUserIds: ['U1'],
      links: ['https://x.org/p'],
    });
  });

  it('reads user mentions from rich-text blocks', () => {
    const blocks = [
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'user', user_id: 'U2' },
              { type: 'text', text: 'x' },
              { type: 'user', user_id: 'U2' },
            ],
          },
        ],
      },
    ];
    expect(blockMentions(blocks)).toEqual(['U2']);
    expect(blockMentions(null)).toEqual([]);
  });

  it('turns ts into milliseconds without float rounding', () => {
    // 1355517523 s = 2012-12-14T20:38:43Z; .000005 is 5 µs, below a millisecond.
    expect(tsToMillis('1355517523.000005')).toBe(1355517523000);
    expect(tsToMillis('1355517523.999999')).toBe(1355517523999);
    expect(tsToMillis('1355517523')).toBe(1355517523000);
    expect(tsToMillis('12.5e3')).toBeNull();
  });
});

describe('slackSource.read edge cases', () => {
  it('reports a users.json that is not an array and goes on without names', async () => {
    const out = await collect(
      slackSource,
      memoryTree('exp', {
        'users.json': '{"members": []}',
        'channels.json': CHANNELS,
        'general/2026-01-05.json': '[{"user":"U1","ts":"1767603600.000100","text":"hi"}]',
      }),
    );
    expect(out.problems.map((p) => [p.file, p.line, p.reason])).toEqual([['exp/users.json', 1, 'malformed']]);
    expect(out.identities).toEqual([]);
    expect(out.records).toEqual({ read: 1, used: 1, skipped: 0, skippedByReason: {} });
  });

  it('counts a day file holding an object instead of an array as one malformed record', async () => {
    const out = await collect(
      slackSource,
      memoryTree('exp', {
        'users.json': USERS,
        'channels.json': CHANNELS,
        'general/2026-01-05.json': '{"messages": [1, 2]}',
      }),
    );
    expect(out.records).toEqual({ read: 1, used: 0, skipped: 1, skippedByReason: { malformed: 1 } });
    expect(out.problems).toEqual([
      { file: 'exp/general/2026-01-05.json', line: 1, reason: 'malformed', detail: 'day file is not one JSON array' },
    ]);
  });

  it('reads a folder no list mentions, as a private channel, or as a DM when named like one', async () => {
    const message = '[{"user":"U1","ts":"1767603600.000100","text":"hi"}]';
    const out = await collect(
      slackSource,
      memoryTree('exp', {
        'users.json': USERS,
        'channels.json': CHANNELS,
        'lost/2026-01-05.json': message,
        'DABC123/2026-01-05.json': message,
      }),
    );
    expect(out.problems.map((p) => [p.file, p.reason])).toEqual([
      ['exp/DABC123', 'unlistedConversation'],
      ['exp/lost', 'unlistedConversation'],
    ]);
    expect(out.spaces).toEqual([{ id: 'slack:lost', source: 'slack', name: 'lost', kind: 'channel', isPrivate: true }]);
    expect(out.records).toEqual({ read: 2, used: 1, skipped: 1, skippedByReason: { private: 1 } });
  });

  it('treats reply_broadcast as a reply and an empty bot_id as no bot; a thread parent is a post', async () => {
    const day = JSON.stringify([
      { user: 'U1', ts: '1767603600.000100', thread_ts: '1767603600.000100', text: 'q', bot_id: '' },
      { subtype: 'reply_broadcast', user: 'U1', ts: '1767603700.000100', thread_ts: '1767603600.000100', text: 'a' },
    ]);
    const out = await collect(
      slackSource,
      memoryTree('exp', { 'users.json': USERS, 'channels.json': CHANNELS, 'general/2026-01-05.json': day }),
    );
    expect(out.activities.map((a) => [a.kind, a.threadId, a.parentId])).toEqual([
      ['post', 'slack:C1:1767603600.000100', null],
      ['reply', 'slack:C1:1767603600.000100', 'slack:C1:1767603600.000100'],
    ]);
  });

  it('drops the reactions of a skipped message with it', async () => {
    const day = JSON.stringify([
      {
        subtype: 'bot_message',
        bot_id: 'B1',
        ts: '1767603600.000100',
        text: 'build ok',
        reactions: [{ name: 'tada', users: ['U1'], count: 1 }],
      },
    ]);
    const out = await collect(
      slackSource,
      memoryTree('exp', { 'users.json': USERS, 'channels.json': CHANNELS, 'general/2026-01-05.json': day }),
    );
    expect(out.reactions).toEqual([]);
    expect(out.records.skippedByReason).toEqual({ bot: 1 });
  });

  it('finds an export wrapped in one folder', async () => {
    const out = await collect(
      slackSource,
      memoryTree('exp', {
        'ws/users.json': USERS,
        'ws/channels.json': CHANNELS,
        'ws/general/2026-01-05.json': '[{"user":"U1","ts":"1767603600.000100","text":"hi"}]',
      }),
    );
    expect(out.activities.map((a) => [a.id, a.provenance.file, a.provenance.line])).toEqual([
      ['slack:C1:1767603600.000100', 'exp/ws/general/2026-01-05.json', 1],
    ]);
    expect(out.identities.map((i) => i.name)).toEqual(['Ana Ruiz']);
  });
});

describe('Slack private channel names', () => {
  it('never shows a private channel folder name in problem locations; the channel id stands in', async () => {
    const tree = memoryTree('export', {
      'users.json': USERS,
      'channels.json': CHANNELS,
      'groups.json': JSON.stringify([{ id: 'G7', name: 'merger-talks', is_private: true }]),
      'general/2026-01-05.json': '[{"type":"message","user":"U1","text":"hi","ts":"1767607200.000100"}]',
      'merger-talks/2026-01-05.json': '[{"type":"message","user":"U1","text":"x"',
    });
    const out = await collect(slackSource, tree);
    expect(out.problems.map((p) => p.file)).toEqual(['export/G7/2026-01-05.json']);
    expect(JSON.stringify(out.problems)).not.toContain('merger-talks');
    expect(out.records).toEqual({ read: 2, used: 1, skipped: 1, skippedByReason: { malformed: 1 } });
  });
});
