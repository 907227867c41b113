/**
 * Slack day files mapped in SQL (engine-read.ts) against the JavaScript reader (index.ts +
 * map-message.ts): the same export loaded both ways must give the same final dataset rows and
 * the same accounts, warnings with file and line included, and the same skips in the same order,
 * on a day file of nasty messages, every Slack fixture and bad input, the shared samples, the
 * sample pilot and a generated export. Messages SQL inserts and skips SQL decides carry no line
 * (they report no problem): where the engine gives a line, it must be the JavaScript reader's.
 */
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { slackSourceWith } from '../../../src/sources/slack/index.js';
import { writeSlackExport } from '../../../scripts/generate/slack-writer.js';
import {
  BAD_INPUTS,
  engineLoadOrSameFailure,
  expectSameAccountsAndTables,
  expectSameSkipsAndLines,
  type LinedLoad,
  loadLined,
} from '../../helpers/engine-equivalence.js';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-dir.js';
import { sharedSample } from '../../helpers/shared-samples.js';

afterAll(removeTempDirs);

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/slack');
const SAMPLES = sharedSample('slack');
const SAMPLE_PILOT = path.resolve(import.meta.dirname, '../../../fixtures/sample-pilot/slack');

type Loaded = LinedLoad;

const load = (inputs: string[], engineMinBytes: number, includePrivate = false): Promise<Loaded> =>
  loadLined(inputs, 'slack', slackSourceWith(engineMinBytes), { includePrivate, botAccounts: ['ubotlisted'] });

async function expectSameBothWays(inputs: string[], includePrivate = false, loadedInEngine?: Loaded): Promise<Loaded> {
  const inEngine = loadedInEngine ?? (await load(inputs, 0, includePrivate));
  const inJavaScript = await load(inputs, Number.POSITIVE_INFINITY, includePrivate);
  expect(inJavaScript.inSql).toBe(false);
  expectSameAccountsAndTables(inEngine, inJavaScript);
  expectSameSkipsAndLines(inEngine, inJavaScript);
  return inEngine;
}

const json = (value: unknown): string => JSON.stringify(value, null, 4);
const ts = (day: number, n: number): string => `${Date.UTC(2026, 2, day, 9) / 1000 + n}.00010${n % 10}`;
/** A whole second, one digit and the last microsecond of a second: the instants SQL builds from milliseconds. */
const EDGE_TS = [
  `${Date.UTC(2026, 2, 2, 10) / 1000}`,
  `${Date.UTC(2026, 2, 2, 10) / 1000 + 1}.5`,
  `${Date.UTC(2026, 2, 2, 10) / 1000 + 2}.999999`,
];

/** A Slack export of nasty messages: every rule of map-message.ts and load.ts's screen, and the mrkdwn clean-up. */
function writeNasty(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'users.json'),
    json([
      { id: 'U1', name: 'ana', real_name: 'Ana &amp; Ruiz' },
      { id: 'U2', name: 'bo' },
      { id: 'U3', name: null, profile: {} },
      { id: 'UBOT', name: 'deploybot', is_bot: true },
      { id: 'UBOTLISTED', name: 'ubotlisted' },
    ]),
  );
  writeFileSync(
    path.join(dir, 'channels.json'),
    json([
      { id: 'C1', name: 'general' },
      { id: 'C2', name: 'random' },
    ]),
  );
  writeFileSync(path.join(dir, 'groups.json'), json([{ id: 'G1', name: 'secret-plans' }]));
  writeFileSync(path.join(dir, 'dms.json'), json([{ id: 'D1', members: ['U1', 'U2'] }]));
  const m = (n: number, fields: Record<string, unknown>) => ({ type: 'message', user: 'U1', ts: ts(2, n), ...fields });
  const general = [
    m(1, { text: 'plain hello' }),
    m(2, { text: 'reply to one', thread_ts: ts(2, 1), user: 'U2' }),
    m(3, { text: 'hi <@U2> and <@U9|label &amp; more> and <@U3> and <@U1> <@U2>' }),
    m(4, {
      text: 'see <#C2|random>, <#G1|secret>, <#C999|gone> <!here> <!subteam^S1|@team> <!date^1^{date}|Mar 2> <!channel>',
    }),
    m(5, { text: 'links <https://x.org/a|site> <https://x.org/a> <mailto:a@b.org|mail> &lt;b&gt; &amp;lt; &amp;amp;' }),
    m(6, { text: 'trailing https://x.org/b. (https://x.org/c) http://' }),
    m(7, { text: 'HTTPS://X.ORG/Up and https://x.org/q?a=1&amp;b=2 twice https://x.org/q?a=1&amp;b=2' }),
    m(8, { subtype: 'channel_join', text: '<@U1> has joined' }),
    m(9, { subtype: 'bot_message', bot_id: 'B1', text: 'deploy done' }),
    m(10, { bot_id: 'B2', text: 'integration' }),
    m(11, { bot_id: null, text: 'bot id null is a person' }),
    m(12, { user: 'USLACKBOT', text: 'slackbot' }),
    m(13, { user: 'UBOT', text: 'bot user' }),
    m(14, { user: 'UBOTLISTED', text: 'listed bot account' }),
    m(15, { subtype: 'tombstone', text: 'This message was deleted.' }),
    m(16, { subtype: 'message_changed', message: { text: 'edited' } }),
    { type: 'message', text: 'no ts', user: 'U1' },
    { type: 'message', text: 'no user', ts: ts(2, 18) },
    m(19, { ts: 'not-a-ts', text: 'bad ts' }),
    m(20, { ts: 1772442020.5, text: 'numeric ts' }),
    m(21, { subtype: 'file_comment', comment: { user: 'U2', comment: 'nice <@U1>' }, text: 'ignored' }),
    m(22, { subtype: 'thread_broadcast', root: { ts: ts(2, 1), user: 'U1' }, text: 'broadcast without thread_ts' }),
    m(23, { subtype: 'thread_broadcast', thread_ts: ts(2, 1), text: 'broadcast with thread_ts' }),
    m(24, {
      text: 'emoji 😀 and 日本語 and é',
      reactions: [{ name: '+1', users: ['U2', 'U3', 'U2', 7, ''], count: 5 }],
    }),
    m(25, {
      text: 'reactions',
      reactions: [
        { name: 'tada', users: ['U1'], count: 1 },
        'x',
        { name: '', users: ['U2'] },
        { users: ['U2'] },
        { name: 'eyes', users: 'U2', count: 0 },
      ],
    }),
    m(26, {
      text: 'blocks name <@U2>',
      blocks: [
        { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'user', user_id: 'U3' }] }] },
      ],
    }),
    m(27, { text: 42 }),
    m(28, { text: '' }),
    m(29, { ts: `${Date.UTC(2027, 0, 1) / 1000}.000100`, text: 'future' }),
    m(30, { ts: '946684800.000100', text: 'before 2001' }),
    m(31, { text: `long ${'word '.repeat(25_000)}` }),
    m(32, { text: 'same ts as the next, first version' }),
    m(32, { text: 'same ts, second version wins' }),
    m(33, { subtype: 'me_message', text: 'waves', user: 'U2' }),
    m(34, { subtype: 'some_new_event', text: 'unknown subtype' }),
    m(35, { text: 'nul \u0000 inside' }),
    m(36, { text: 'tabs\tand\nnewlines &gt;', thread_ts: '' }),
    m(37, { text: 'three', thread_ts: ts(2, 37), reactions: [] }),
    m(38, { text: 'https://x.org/ok and <https://x.org/d|label>' }),
    // "http" in any case but no URL: the message is SQL's all the same.
    m(49, { text: 'the HTTP docs, an http: link, Https// and mailto:http' }),
    // Both sides of the gates before the lambdas: a "://" with no URL, a "<" with no reference, a
    // message naming only its author (mentions empty once the author is left out).
    m(51, { text: 'ftp://x.org and a :// alone' }),
    m(52, { text: 'a < b, never closed' }),
    m(53, { text: 'note to self <@U2> and <@U2|me>', user: 'U2' }),
    // The instants of EDGE_TS (SQL builds the TIMESTAMPTZ from the milliseconds, with no time-zone conversion).
    m(54, { ts: EDGE_TS[0], text: 'a whole second' }),
    m(55, { ts: EDGE_TS[1], text: 'half a second' }),
    m(56, { ts: EDGE_TS[2], text: 'the last microsecond', reactions: [{ name: 'ok', users: ['U2'] }] }),
    m(39, {
      text: 'users at two levels',
      blocks: [
        {
          type: 'user',
          user_id: 'U2',
          elements: [{ type: 'rich_text_section', elements: [{ type: 'user', user_id: 'U3' }] }],
        },
      ],
    }),
    m(45, { text: 'blocks an object', blocks: { type: 'rich_text', elements: [{ type: 'user', user_id: 'U2' }] } }),
    m(46, {
      text: 'author, repeats and a broadcast <@U3>',
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'user', user_id: 'U1' },
                { type: 'user', user_id: 'U2' },
                { type: 'text', text: 'user_id' },
              ],
            },
          ],
        },
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'user', user_id: 'U2' },
                { type: 'broadcast', user_id: 'U4' },
                { type: 'user', user_id: 7 },
                { type: 'user', user_id: 'U3' },
              ],
            },
          ],
        },
      ],
    }),
    m(48, {
      text: 'author, repeats and a broadcast, mapped in SQL <@U3>',
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'user', user_id: 'U1' },
                { type: 'user', user_id: 'U2' },
              ],
            },
          ],
        },
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'user', user_id: 'U2' },
                { type: 'broadcast', user_id: 'U4' },
                { type: 'user', user_id: 7 },
                { type: 'user', user_id: 'U3' },
                { type: 'user', user_id: 'U5' },
              ],
            },
          ],
        },
      ],
    }),
    m(47, {
      text: 'a user id in a string',
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: 'see "user_id"' },
                { type: 'user', user_id: 'U2' },
              ],
            },
          ],
        },
      ],
    }),
    null,
    {},
  ];
  mkdirSync(path.join(dir, 'general'));
  writeFileSync(path.join(dir, 'general', '2026-03-02.json'), json(general));
  // The same message ids again on later days: later rows win, across the two paths too.
  writeFileSync(
    path.join(dir, 'general', '2026-03-03.json'),
    json([m(1, { text: 'plain hello, edited later' }), m(6, { text: 'trailing again https://x.org/b.' })]),
  );
  writeFileSync(
    path.join(dir, 'general', '2026-03-04.json'),
    json([m(6, { text: 'now plain' }), m(40, { text: 'x' })]),
  );
  writeFileSync(
    path.join(dir, 'general', '2026-03-05.json'),
    '[{"ts": "1772700000.000100", "user": "U1", "text": "bad json",]',
  );
  writeFileSync(path.join(dir, 'general', '2026-03-06.json'), '');
  writeFileSync(path.join(dir, 'general', '2026-03-07.json'), ' \n ');
  writeFileSync(path.join(dir, 'general', '2026-03-08.json'), `\uFEFF${json([m(41, { text: 'after a BOM' })])}`);
  writeFileSync(path.join(dir, 'general', '2026-03-09.json'), json([m(42, { text: 'then a number' }), 5]));
  writeFileSync(
    path.join(dir, 'general', '2026-03-10.json'),
    '[{"ts": "1772800000.000100", "user": "U1", "text": "lone \\ud800 surrogate"}]',
  );
  writeFileSync(
    path.join(dir, 'general', '2026-03-11.json'),
    '[{"ts": "1772900000.000100", "user": "U1", "ts": "1772900001.000100"}]',
  );
  writeFileSync(path.join(dir, 'general', '2026-03-12.json.gz'), gzipSync(json([m(43, { text: 'gzipped' })])));
  writeFileSync(path.join(dir, 'general', '2026-03-13.json'), json([m(1, { text: 'plain hello, last version' })]));
  writeFileSync(
    path.join(dir, 'general', '2026-03-14.json'),
    Buffer.from(json([m(44, { text: 'UTF-16 without a BOM' })]), 'utf16le'),
  );
  mkdirSync(path.join(dir, 'secret-plans'));
  writeFileSync(path.join(dir, 'secret-plans', '2026-03-02.json'), json([m(50, { text: 'private channel text' })]));
  mkdirSync(path.join(dir, 'D1'));
  writeFileSync(path.join(dir, 'D1', '2026-03-02.json'), json([m(60, { text: 'dm one' }), m(61, { text: 'dm two' })]));
}

describe('Slack day files mapped in SQL', () => {
  it('gives the JavaScript reader’s dataset, accounts and skips on nasty messages', async () => {
    const dir = path.join(makeTempDir('slack-nasty-'), 'export');
    writeNasty(dir);
    for (const includePrivate of [false, true]) {
      const loaded = await expectSameBothWays([dir], includePrivate);
      expect(loaded.inSql).toBe(true);
      const reasons = loaded.skips.map((s) => s.reason);
      expect(reasons.filter((r) => r === 'private')).toHaveLength(includePrivate ? 0 : 2);
      expect(reasons).toContain('system');
      expect(reasons).toContain('missingField');
      // Messages SQL inserted carry no line (mrkdwn, entities, links, reactions among them); the
      // ones JavaScript mapped (a URL it trims, a broadcast known by its root) carry theirs.
      for (const n of [2, 3, 4, 5, 7, 24, 25, 26, 36, 47, 48, 49])
        expect(loaded.lines.has(`slack:C1:${ts(2, n)}`), `${n}`).toBe(false);
      for (const n of [22, 39, 45, 46]) expect(loaded.lines.has(`slack:C1:${ts(2, n)}`), `${n}`).toBe(true);
      for (const edge of EDGE_TS) expect(loaded.lines.has(`slack:C1:${edge}`), edge).toBe(false);
    }
  }, 120_000);

  it('gives the JavaScript reader’s dataset, or the same error, on every Slack fixture, bad input and sample', async () => {
    const dirs = [
      ...readdirSync(FIXTURES).map((d) => path.join(FIXTURES, d, 'export')),
      ...readdirSync(BAD_INPUTS)
        .filter((d) => d.startsWith('slack-'))
        .map((d) => path.join(BAD_INPUTS, d)),
      SAMPLE_PILOT,
      ...(existsSync(SAMPLES) ? readdirSync(SAMPLES).map((d) => path.join(SAMPLES, d)) : []),
    ].filter((d) => existsSync(d));
    const inSql: string[] = [];
    for (const dir of dirs) {
      for (const includePrivate of [false, true]) {
        const inEngine = await engineLoadOrSameFailure(
          () => load([dir], 0, includePrivate),
          () => load([dir], Number.POSITIVE_INFINITY, includePrivate),
          dir,
        );
        if (inEngine === null) continue;
        if ((await expectSameBothWays([dir], includePrivate, inEngine)).inSql) inSql.push(path.basename(dir));
      }
    }
    expect(inSql).toContain('slack'); // the sample pilot's export
  }, 300_000);

  it('gives the JavaScript reader’s dataset on a generated export with threads, reactions, bots and DMs', async () => {
    const dir = makeTempDir('slack-generated-');
    await writeSlackExport(dir, { seed: 7, messages: 1500 });
    const loaded = await expectSameBothWays([dir]);
    expect(loaded.inSql).toBe(true);
  }, 120_000);
});
