/**
 * Teams pages mapped in SQL (engine-read.ts, html-sql.ts) against the JavaScript reader (index.ts
 * + map-message.ts + html.ts): the same export loaded both ways must give the same final dataset
 * rows and the same accounts, warnings with file and line included, and the same skips in the same
 * order, on pages of nasty messages, every Teams fixture, the shared samples and a generated
 * export. Messages SQL inserts and skips SQL decides carry no line (they report no problem): where
 * the engine gives a line, it must be the JavaScript reader's.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_MIN_BYTES } from '../../../src/sources/teams/engine-read.js';
import { teamsSourceWith } from '../../../src/sources/teams/index.js';
import { writeTeamsExport } from '../../helpers/teams-export.js';
import {
  BAD_INPUTS,
  expectSameAccountsAndTables,
  expectSameSkipsAndLines,
  type LinedLoad,
  loadLined,
} from '../../helpers/engine-equivalence.js';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-dir.js';
import { sharedSample } from '../../helpers/shared-samples.js';

afterAll(removeTempDirs);

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/teams');
const SAMPLES = sharedSample('teams-graph');

type Loaded = LinedLoad;

const load = (inputs: string[], engineMinBytes: number, includePrivate = false): Promise<Loaded> =>
  loadLined(
    inputs.map((i) => `teams:${i}`),
    'teams',
    teamsSourceWith(engineMinBytes),
    { includePrivate, botAccounts: [] },
  );

async function expectSameBothWays(inputs: string[], includePrivate = false): Promise<Loaded> {
  const inEngine = await load(inputs, 0, includePrivate);
  const inJavaScript = await load(inputs, Number.POSITIVE_INFINITY, includePrivate);
  expect(inJavaScript.inSql).toBe(false);
  expectSameAccountsAndTables(inEngine, inJavaScript);
  expect(inEngine.problems).toEqual(inJavaScript.problems);
  expectSameSkipsAndLines(inEngine, inJavaScript);
  return inEngine;
}

const CHANNEL = '19:abc@thread.tacv2';
const at = (n: number): string => new Date(Date.UTC(2026, 2, 2, 9) + n * 60_000).toISOString();
const user = (id: string, displayName: string | null = null) => ({ user: { id, displayName } });

/** A message of the channel by u-ana, with `fields` over it. */
function m(n: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: String(1000 + n),
    replyToId: null,
    messageType: 'message',
    createdDateTime: at(n),
    deletedDateTime: null,
    channelIdentity: { teamId: 'T1', channelId: CHANNEL, channelDisplayName: 'General' },
    from: { application: null, ...user('u-ana', n % 3 === 0 ? null : 'Ana Ruiz') },
    body: { contentType: 'html', content: `<p>message ${n}</p>` },
    ...fields,
  };
}
const html = (content: string) => ({ body: { contentType: 'html', content } });
const mention = (id: unknown, userId: string, name: string | null) => ({
  id,
  mentionText: name,
  mentioned: { user: { id: userId, displayName: name } },
});
const reaction = (type: string, userId: string, when: string | null, name: string | null = null) => ({
  reactionType: type,
  createdDateTime: when,
  user: { application: null, ...user(userId, name) },
});

/** Pages of nasty messages: every rule of map-message.ts, html.ts and load.ts's screen. */
function writeNasty(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const page = (
    value: unknown[],
    context = `https://graph.microsoft.com/v1.0/$metadata#teams('T1')/channels('${encodeURIComponent(CHANNEL)}')/messages`,
  ) => JSON.stringify({ '@odata.context': context, '@odata.count': value.length, value }, null, 2);
  const first = [
    m(1, {
      subject: 'Idea: shared calendar',
      ...html(
        '<div><p>Hi <at id="0">Bo Chen</at> &amp; team,</p><p>see <a href="https://contoso.sharepoint.com/plan?a=1&amp;b=2">the plan</a>&nbsp;now</p></div>',
      ),
      mentions: [mention(0, 'u-bo', 'Bo Chen')],
      reactions: [
        reaction('like', 'u-cy', at(5)),
        reaction('heart', 'u-bo', '2026-03-03T08:00:00Z', 'Bo C.'),
        reaction('like', 'u-cy', at(9)),
        reaction('laugh', 'u-dee', null, 'Dee'),
        reaction('wow', 'u-eve', '2027-01-01T00:00:00Z'),
        { reactionType: '', user: user('u-x') },
        { reactionType: 'like', user: { application: { id: 'a' } } },
        'x',
      ],
    }),
    m(2, {
      replyToId: '1001',
      body: { contentType: 'text', content: 'Count me in\r\n  twice  \n\n\n\nhttps://x.org/a and https://x.org/a' },
    }),
    m(3, { from: { application: { id: 'app1', displayName: 'Planner' }, user: null } }),
    m(4, { messageType: 'systemEventMessage', from: null }),
    m(5, { deletedDateTime: at(6) }),
    m(6, { deletedDateTime: '' }),
    m(7, { channelIdentity: null }),
    m(8, { from: null }),
    m(9, { createdDateTime: 'soon' }),
    m(10, { createdDateTime: '2026-03-0412:00:00.000Z' }),
    m(11, { createdDateTime: '2026-03-04T12:00:00+01:00' }),
    m(12, { createdDateTime: '2026-02-30T12:00:00Z' }),
    m(13, { createdDateTime: '2027-02-01T12:00:00Z' }),
    m(14, { createdDateTime: '1999-02-01T12:00:00Z' }),
    m(15, { id: 1015 }),
    m(16, { replyToId: 1001 }),
    m(17, { replyToId: '1017' }),
    m(18, { replyToId: '' }),
    m(19, { id: '' }),
    m(20, { messageType: '' }),
    m(21, { messageType: 7 }),
    m(22, html('<p>numeric &#233; &#x263A; ref</p>')),
    m(23, html('<p>a<script>alert(1)</script>b<style>p{}</style>c</p>')),
    m(24, { ...html('<at id="0">Bo <b>Chen</b></at> nested'), mentions: [mention(0, 'u-bo', 'Bo Chen')] }),
    m(25, {
      ...html(
        '<p><AT ID="1">Cy</AT>, <at id="0">Bo</at>, <at id="9">Nobody</at> and <at id="1">Cy again</at></p><br/>line<BR>two<h2>head</h2><li>x</li>',
      ),
      mentions: [
        mention(0, 'u-bo', 'Bo'),
        mention('1', 'u-cy', 'Cy Diaz'),
        mention(2, 'u-dee', null),
        { id: 3, mentioned: { application: { id: 'a' } } },
        'x',
      ],
    }),
    m(26, { ...html('<at id="0">Bo</at>'), mentions: [mention(0, 'u-bo', 'Bo'), mention(0, 'u-cy', 'Cy')] }),
    m(27, { ...html('<at id="0">Bo</at>'), mentions: [{ mentioned: { user: { id: 'u-bo' } } }] }),
    m(28, html('&lt;tag&gt; &AMP;amp; &quot;q&quot; &apos;a&apos; &copy; &unknown; &amp;lt;')),
    m(29, html('trailing https://x.org/b. and (https://x.org/c)')),
    m(30, html('<a href="http://x.org/h">h</a><a href="mailto:a@b.org">m</a><A HREF = "HTTPS://X.ORG/up">u</A>')),
    m(31, { body: { contentType: 'text', content: '<p>text is not html</p> &amp;' } }),
    m(32, { body: { content: 42 } }),
    m(33, { body: null }),
    m(34, { body: { contentType: 'html', content: '' } }),
    m(35, html(`long ${'word '.repeat(25_000)}`)),
    m(36, html('nul \u0000 inside')),
    m(37, { subject: '' }),
    m(38, { chatId: '19:chat1@thread.v2', channelIdentity: null }),
    m(39, { chatId: '', channelIdentity: { channelId: CHANNEL, displayName: 'Other name' } }),
    m(40, { from: { user: { id: 'u-fay', displayName: '' } } }),
    m(41, html('emoji 😀 and 日本語 and é\u00a0\u00a0x\t\ty')),
    m(42, { reactions: [reaction('like', 'u-bo', '2026-03-0412:00:00.000Z')] }),
    m(43, { reactions: [reaction('like', 'u-bo', 'garbage')] }),
    null,
    m(44, { createdDateTime: '2026-03-02T23:59:59.1234567Z' }),
    m(45, { from: user('u-nul', 'Nul\u0000Name') }),
    m(48, { body: { contentType: 'text', content: '\u3000 a \t b  c\u00a0d \u00a0e\tf\n \n \n \ng \u2003' } }),
    m(49, html('\u00a0<p> x \t</p>\r<br>\r\n<br/> y&nbsp; </p>')),
    m(46, { ...html('<at id="0">Bo</at>'), mentions: [{ ...mention(0, 'u-bo', 'Bo'), id: true }] }),
    m(47, {
      ...html('<P>Line one</P >\r\n<br >  <h7>x</h7><at  id = "0" >Bo</at>&NBSP;&nbsp;<div>tail</DIV>\n\n\n'),
      mentions: [mention(0, 'u-bo', null)],
    }),
    m(1, html('<p>message 1, a later version</p>')),
  ];
  writeFileSync(
    path.join(dir, 'a-page.json'),
    `${page(first)}\n${page([m(50), m(2, html('second version of 2'))])}\n${page([])}`,
  );
  writeFileSync(
    path.join(dir, 'b-chat.json'),
    page(
      [
        { ...m(60), chatId: '19:chat2@unq.gbl.spaces', channelIdentity: null },
        { ...m(61), chatId: '19:chat2@unq.gbl.spaces', channelIdentity: null, messageType: 'unknownFutureValue' },
      ],
      "https://graph.microsoft.com/v1.0/$metadata#chats('19%3Achat2%40unq.gbl.spaces')/messages",
    ),
  );
  // No conversation in the messages: the page's context, then the file name, stand in.
  const bare = (n: number) => ({ ...m(n), channelIdentity: undefined });
  writeFileSync(path.join(dir, 'c-context.json'), page([bare(70), bare(71)]));
  writeFileSync(path.join(dir, 'd-nocontext.json'), JSON.stringify({ value: [bare(72), m(73)] }));
  // The context after the messages: JavaScript has not seen it when it maps them.
  writeFileSync(
    path.join(dir, 'd2-context-after.json'),
    JSON.stringify({
      value: [bare(74), m(75)],
      '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#chats('c9')/messages",
    }),
  );
  writeFileSync(path.join(dir, 'e-ndjson.ndjson'), `${JSON.stringify(m(80))}\n${JSON.stringify(m(81))}\n`);
  writeFileSync(path.join(dir, 'f-broken.json'), `${page([m(90)]).slice(0, -20)}`);
  writeFileSync(path.join(dir, 'g-not-teams.json'), JSON.stringify({ value: [{ name: 'x' }] }));
  // A file JavaScript ignores (its first record is no message) before the first page of another channel.
  const other = { channelId: '19:other@thread.tacv2', channelDisplayName: 'Other' };
  writeFileSync(
    path.join(dir, 'g2-not-first.json'),
    page([{ name: 'x' }, m(77, { channelIdentity: other, from: user('u-gil', 'Gil') })]),
  );
  writeFileSync(path.join(dir, 'g3-other.json'), page([m(78, { channelIdentity: other, from: user('u-gil', null) })]));
  writeFileSync(path.join(dir, 'h-array.json'), JSON.stringify([m(95), m(2, html('array version of 2'))]));
  writeFileSync(
    path.join(dir, 'i-dupkey.json'),
    '{"value": [{"id": "1", "id": "2", "messageType": "message", "createdDateTime": "x"}]}',
  );
  writeFileSync(path.join(dir, 'j-number.json'), JSON.stringify({ value: [m(96), 5] }));
  writeFileSync(path.join(dir, 'k-later.json'), page([m(2, html('last version of 2')), m(97)]));
  writeFileSync(path.join(dir, 'l-empty.json'), '');
  writeFileSync(path.join(dir, 'm-bom.json'), `\uFEFF${page([m(98)])}`);
  writeFileSync(path.join(dir, 'n-utf16.json'), Buffer.from(page([m(99)]), 'utf16le'));
}

describe('Teams pages mapped in SQL', () => {
  it('gives the JavaScript reader’s dataset, accounts, problems and skips on nasty messages', async () => {
    const dir = path.join(makeTempDir('teams-nasty-'), 'export');
    writeNasty(dir);
    for (const includePrivate of [false, true]) {
      const loaded = await expectSameBothWays([dir], includePrivate);
      expect(loaded.inSql).toBe(true);
      const reasons = loaded.skips.map((s) => s.reason);
      expect(reasons).toContain('system');
      expect(reasons).toContain('deleted');
      expect(reasons).toContain('bot');
      expect(reasons).toContain('missingField');
      expect(reasons.filter((r) => r === 'private')).toHaveLength(includePrivate ? 0 : 3);
      // SQL inserted these (HTML, mentions, entities, links, reactions): no line; JavaScript mapped
      // those that need a warning or that SQL does not vouch for: their line.
      for (const n of [25, 28, 30, 31, 41, 47, 48, 49])
        expect(loaded.lines.has(`teams:${CHANNEL}:${1000 + n}`), `${n}`).toBe(false);
      for (const n of [10, 22, 23, 24, 26, 29, 35, 45, 46])
        expect(loaded.lines.has(`teams:${CHANNEL}:${1000 + n}`), `${n}`).toBe(true);
    }
  }, 120_000);

  it('gives the JavaScript reader’s dataset on every Teams fixture, bad input and shared sample', async () => {
    const dirs = [
      ...readdirSync(FIXTURES).map((d) => path.join(FIXTURES, d, 'export')),
      ...(existsSync(BAD_INPUTS)
        ? readdirSync(BAD_INPUTS)
            .filter((d) => d.startsWith('teams-'))
            .map((d) => path.join(BAD_INPUTS, d))
        : []),
      ...(existsSync(SAMPLES) ? [SAMPLES] : []),
    ];
    expect(dirs.length).toBeGreaterThanOrEqual(2);
    for (const dir of dirs) for (const includePrivate of [false, true]) await expectSameBothWays([dir], includePrivate);
    // Exports under 1 MiB stay on the JavaScript path (small pilots must feel instant).
    for (const dir of dirs) expect((await load([dir], ENGINE_MIN_BYTES)).inSql, dir).toBe(false);
  }, 300_000);

  it('gives the JavaScript reader’s dataset on a generated export, most of it inserted by SQL', async () => {
    const dir = makeTempDir('teams-generated-');
    writeTeamsExport(dir, { seed: 7, messages: 3000 });
    // Over 1 MiB (about 3 MB): the adapter as shipped loads it by SQL.
    expect((await load([dir], ENGINE_MIN_BYTES)).inSql).toBe(true);
    for (const includePrivate of [false, true]) {
      const loaded = await expectSameBothWays([dir], includePrivate);
      expect(loaded.inSql).toBe(true);
      // JavaScript mapped a few (URLs it trims); SQL inserted the rest, without lines.
      const activities = loaded.tables.activities as { kind: string }[];
      expect(loaded.lines.size).toBeLessThan(activities.filter((a) => a.kind !== 'reaction').length / 4);
    }
  }, 300_000);
});
