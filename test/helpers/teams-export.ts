/**
 * A generated Microsoft Teams export for tests and measurements: Graph `chatMessage` pages
 * (`{"@odata.context", "value": [...]}`, 50 messages each, concatenated into one file per channel
 * or chat), with HTML bodies, `<at>` mentions, links, entities, replies, reactions, system
 * messages, deletions, bots and 1:1 chats. Deterministic for a seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../src/metrics/prng.js';

const WORDS = ['plan', 'roadmap', 'budget', 'idea', 'review', 'launch', 'café', 'customer', 'résumé', 'data', 'team'];

/** Writes `messages` messages into `dir`; returns the files written. */
export function writeTeamsExport(dir: string, options: { seed: number; messages: number }): string[] {
  const rnd = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const users = Array.from({ length: 60 }, (_, i) => ({
    id: `${String(i).padStart(8, '0')}-aaaa-bbbb-cccc-${String(i).padStart(12, '0')}`,
    displayName: i % 17 === 0 ? null : `User ${i}`,
  }));
  const conversations = [
    ...Array.from({ length: 8 }, (_, i) => ({ channel: `19:chan${i}@thread.tacv2`, name: `Channel ${i}` })),
    ...Array.from({ length: 3 }, (_, i) => ({ chat: `19:chat${i}@unq.gbl.spaces`, name: null })),
  ];
  mkdirSync(dir, { recursive: true });
  const start = Date.UTC(2025, 0, 6, 8);
  const written: string[] = [];
  const perConversation = Math.ceil(options.messages / conversations.length);
  let made = 0;
  for (const [c, conv] of conversations.entries()) {
    const pages: string[] = [];
    let page: unknown[] = [];
    const roots: string[] = [];
    const count = Math.min(perConversation, options.messages - made);
    for (let n = 0; n < count; n += 1) {
      made += 1;
      const at = start + Math.floor((n / count) * 300 * 86_400_000) + c * 1000;
      const id = String(1_700_000_000_000 + c * 10_000_000 + n);
      const author = pick(users);
      const r = rnd();
      const mentioned = rnd() < 0.2 ? pick(users) : null;
      const words = Array.from({ length: 3 + Math.floor(rnd() * 20) }, () => pick(WORDS)).join(' ');
      const html = rnd() < 0.8;
      const content = html
        ? `<div><p>${words}${mentioned ? ` <at id="0">${mentioned.displayName ?? 'Someone'}</at>` : ''}${rnd() < 0.1 ? ' &amp; &lt;b&gt; &nbsp;x' : ''}</p>${rnd() < 0.1 ? `<p>see <a href="https://contoso.sharepoint.com/doc/${n}">doc</a> https://x.org/p${n}</p>` : ''}</div>`
        : `${words}\r\n${rnd() < 0.1 ? `https://x.org/t${n}` : ''}`;
      const replyTo = n > 0 && rnd() < 0.4 && roots.length > 0 ? pick(roots) : null;
      if (replyTo === null) roots.push(id);
      const reactions =
        rnd() < 0.3
          ? Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
              reactionType: pick(['like', 'heart', 'laugh']),
              createdDateTime: new Date(at + 60_000).toISOString(),
              user: { application: null, user: { id: pick(users).id, displayName: null, userIdentityType: 'aadUser' } },
            }))
          : [];
      page.push({
        id,
        replyToId: replyTo,
        etag: id,
        messageType: r < 0.03 ? 'systemEventMessage' : 'message',
        createdDateTime: new Date(at).toISOString(),
        lastModifiedDateTime: null,
        deletedDateTime: r > 0.03 && r < 0.05 ? new Date(at + 3_600_000).toISOString() : null,
        subject: replyTo === null && rnd() < 0.3 ? `About ${pick(WORDS)}` : null,
        importance: 'normal',
        locale: 'en-us',
        chatId: 'chat' in conv ? conv.chat : null,
        channelIdentity: 'channel' in conv ? { teamId: 'team-1', channelId: conv.channel } : null,
        from:
          r > 0.05 && r < 0.07
            ? { application: { id: 'app', displayName: 'Bot', applicationIdentityType: 'bot' }, user: null }
            : { application: null, device: null, user: { ...author, userIdentityType: 'aadUser' } },
        body: { contentType: html ? 'html' : 'text', content },
        attachments: [],
        mentions: mentioned
          ? [
              {
                id: 0,
                mentionText: mentioned.displayName,
                mentioned: { user: { ...mentioned, userIdentityType: 'aadUser' } },
              },
            ]
          : [],
        reactions,
      });
      if (page.length === 50 || n === count - 1) {
        const context =
          'channel' in conv
            ? `https://graph.microsoft.com/v1.0/$metadata#teams('team-1')/channels('${encodeURIComponent(conv.channel)}')/messages`
            : `https://graph.microsoft.com/v1.0/$metadata#chats('${encodeURIComponent(conv.chat)}')/messages`;
        pages.push(JSON.stringify({ '@odata.context': context, '@odata.count': page.length, value: page }, null, 2));
        page = [];
      }
    }
    const file = path.join(dir, `${String(c).padStart(2, '0')}-messages.json`);
    writeFileSync(file, `${pages.join('\n')}\n`);
    written.push(file);
  }
  return written;
}
