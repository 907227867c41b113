import { afterEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/model/dataset.js';
import type { Activity, Identity } from '../../../src/model/types.js';
import { botCandidates } from '../../../src/metrics/setup/bot-candidates.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { ACCOUNT_TRAITS } from '../../../src/sources/registry.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const person = (id: string, name: string, email: string | null, isBot = false): Identity => ({
  id,
  source: id.startsWith('slack') ? 'slack' : id.startsWith('mediawiki') ? 'mediawiki' : 'yammer',
  name,
  email,
  department: null,
  isBot,
});

/** `count` posts by `who`, one a day from 2026-03-01, at hh:`minute(i)`. */
function posts(who: string, count: number, minute: (i: number) => number): Activity[] {
  return Array.from({ length: count }, (_, i) =>
    act({
      id: `${who}-p${i}`,
      identityId: who,
      at: `2026-03-${String(i + 1).padStart(2, '0')}T0${i % 9}:${String(minute(i)).padStart(2, '0')}:00Z`,
    }),
  );
}

describe('botCandidates', () => {
  it('proposes accounts with 10+ posts, no reply, and 80% of posts at one minute; lists accounts the export flags', async () => {
    const activities = [
      ...posts('yammer:digest', 12, (i) => (i < 10 ? 0 : 17)), // 10 of 12 at :00 = 83%: proposed
      ...posts('yammer:ana', 12, (i) => (i * 7) % 60), // varied minutes: a person
      ...posts('yammer:tom', 12, () => 30), // always :30, but he replies once
      act({
        id: 'tom-r',
        identityId: 'yammer:tom',
        kind: 'reply',
        parentId: 'yammer:ana-p0',
        threadId: 'yammer:ana-p0',
        at: '2026-03-20T10:00:00Z',
      }),
      ...posts('yammer:few', 9, () => 0), // 9 posts: too few to tell
      ...posts('yammer:mostly', 10, (i) => (i < 7 ? 0 : i)), // 7 of 10 = 70%: below 80%
      act({ id: 'slack-bot-msg', source: 'slack', identityId: 'slack:UB', at: '2026-03-02T10:00:00Z' }),
    ];
    const identities = [
      person('yammer:digest', 'Weekly Digest', 'digest@x.example'),
      person('yammer:ana', 'Ana Ruiz', 'ana@x.example'),
      person('yammer:tom', 'Tom Becker', 'tom@x.example'),
      person('yammer:few', 'Few Posts', null),
      person('yammer:mostly', 'Mostly Zero', null),
      person('slack:UB', 'Deploy Bot', null, true),
      person('mediawiki:Mediawiki default', 'Mediawiki default', null, true),
    ];
    const { dataset } = await inlineDataset({ activities, identities });
    open = dataset;
    expect(await botCandidates(dataset.query, ACCOUNT_TRAITS)).toEqual([
      {
        account: 'Mediawiki default',
        name: 'Mediawiki default',
        source: 'mediawiki',
        evidence: "wiki user name reads as a bot's (or the people file gives it the role bot)",
        excluded: true,
        byUserName: true,
      },
      {
        account: 'UB',
        name: 'Deploy Bot',
        source: 'slack',
        evidence: 'Slack marks it as a bot (or the people file gives it the role bot)',
        excluded: true,
        byUserName: false,
      },
      {
        account: 'digest@x.example',
        name: 'Weekly Digest',
        source: null,
        evidence: '12 posts, no replies, 10 of them at minute :00',
        excluded: false,
        byUserName: false,
      },
    ]);
  });
});
