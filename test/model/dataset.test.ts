import { describe, expect, it } from 'vitest';
import { act, inlineDataset } from '../helpers/dataset.js';

describe('Dataset.finalize', () => {
  it('keeps the last version of a duplicated id and counts the earlier one as a duplicate', async () => {
    const { dataset, account } = await inlineDataset({
      activities: [
        act({ id: 'yammer:1', at: '2026-01-05T10:00:00Z', identityId: 'yammer:u1', text: 'first version' }),
        act({ id: 'yammer:2', at: '2026-01-06T10:00:00Z', identityId: 'yammer:u2' }),
        act({ id: 'yammer:1', at: '2026-01-05T10:00:00Z', identityId: 'yammer:u1', text: 'edited version' }),
      ],
    });
    const rows = await dataset.query.all<{ activity_id: string; text: string | null }>(
      'SELECT activity_id, text FROM activities ORDER BY activity_id',
    );
    expect(rows).toEqual([
      { activity_id: 'yammer:1', text: 'edited version' },
      { activity_id: 'yammer:2', text: null },
    ]);
    expect(account).toMatchObject({ read: 3, used: 2, skipped: 1, skippedByReason: { duplicate: 1 } });
    expect(account.firstAt).toBe(Date.parse('2026-01-05T10:00:00Z'));
    expect(account.lastAt).toBe(Date.parse('2026-01-06T10:00:00Z'));
    await dataset.close();
  });

  it('merges identities by lower-cased e-mail across sources and through people-file aliases', async () => {
    const { dataset } = await inlineDataset({
      identities: [
        {
          id: 'yammer:1',
          source: 'yammer',
          name: 'Ana Ruiz',
          email: 'Ana.Ruiz@example.com',
          department: 'Sales',
          isBot: false,
        },
        { id: 'slack:U1', source: 'slack', name: 'ana', email: 'ana.ruiz@EXAMPLE.com', department: null, isBot: false },
        { id: 'mediawiki:AnaR', source: 'mediawiki', name: 'AnaR', email: null, department: null, isBot: false },
        { id: 'mediawiki:Bob', source: 'mediawiki', name: 'Bob', email: null, department: null, isBot: false },
      ],
      people: [
        {
          email: 'ana.ruiz@example.com',
          name: null,
          department: null,
          role: 'moderator',
          aliases: ['mediawiki:AnaR'],
          since: null,
        },
      ],
      activities: [
        act({ id: 'yammer:10', at: '2026-01-05T10:00:00Z', identityId: 'yammer:1' }),
        act({ id: 'slack:C:1', source: 'slack', at: '2026-01-05T11:00:00Z', identityId: 'slack:U1' }),
        act({
          id: 'mediawiki:r1',
          source: 'mediawiki',
          kind: 'page_edit',
          at: '2026-01-05T12:00:00Z',
          identityId: 'mediawiki:AnaR',
        }),
        act({
          id: 'mediawiki:r2',
          source: 'mediawiki',
          kind: 'page_edit',
          at: '2026-01-05T12:00:00Z',
          identityId: 'mediawiki:Bob',
        }),
      ],
    });
    const persons = await dataset.query.all('SELECT person_id, name, department, role FROM persons ORDER BY person_id');
    expect(persons).toEqual([
      { person_id: 'ana.ruiz@example.com', name: 'Ana Ruiz', department: 'Sales', role: 'moderator' },
      { person_id: 'mediawiki:Bob', name: 'Bob', department: null, role: null },
    ]);
    const perActivity = await dataset.query.all('SELECT activity_id, person_id FROM activities ORDER BY activity_id');
    expect(perActivity.map((r) => r.person_id)).toEqual([
      'ana.ruiz@example.com',
      'mediawiki:Bob',
      'ana.ruiz@example.com',
      'ana.ruiz@example.com',
    ]);
    await dataset.close();
  });

  it('drops activities of people marked as bots in the people file, counted as skipped bot', async () => {
    const { dataset, account } = await inlineDataset({
      identities: [
        {
          id: 'yammer:9',
          source: 'yammer',
          name: 'Deploy bot',
          email: 'deploy@example.com',
          department: null,
          isBot: false,
        },
      ],
      people: [{ email: 'deploy@example.com', name: null, department: null, role: 'bot', aliases: [], since: null }],
      activities: [
        act({ id: 'yammer:1', at: '2026-01-05T10:00:00Z', identityId: 'yammer:9' }),
        act({ id: 'yammer:2', at: '2026-01-05T10:00:00Z', identityId: 'yammer:3' }),
      ],
    });
    expect(await dataset.query.all('SELECT activity_id FROM activities')).toEqual([{ activity_id: 'yammer:2' }]);
    expect(account).toMatchObject({ read: 2, used: 1, skipped: 1, skippedByReason: { bot: 1 } });
    await dataset.close();
  });
});

describe('Dataset identities across overlapping exports', () => {
  it('keeps the latest known value of each field when a later record lacks it', async () => {
    const { dataset } = await inlineDataset({
      identities: [
        {
          id: 'yammer:1',
          source: 'yammer',
          name: 'Ana Ruiz',
          email: 'ana@example.com',
          department: 'Sales',
          isBot: false,
        },
        // A later export without Users.csv only knows the sender's name from the message row.
        { id: 'yammer:1', source: 'yammer', name: 'Ana R.', email: null, department: null, isBot: false },
      ],
      activities: [act({ id: 'yammer:10', at: '2026-01-05T10:00:00Z', identityId: 'yammer:1' })],
    });
    expect(await dataset.query.all('SELECT identity_id, name, email, department, person_id FROM identities')).toEqual([
      {
        identity_id: 'yammer:1',
        name: 'Ana R.',
        email: 'ana@example.com',
        department: 'Sales',
        person_id: 'ana@example.com',
      },
    ]);
    await dataset.close();
  });
});

describe('Dataset spaces across overlapping exports', () => {
  it('keeps a space private when any input saw it private', async () => {
    const { dataset } = await inlineDataset({
      spaces: [
        { id: 'csv:hr', source: 'csv', name: 'hr', kind: 'channel', isPrivate: true },
        { id: 'csv:hr', source: 'csv', name: 'HR', kind: 'channel', isPrivate: false },
      ],
      activities: [
        act({ id: 'csv:1', source: 'csv', at: '2026-01-05T10:00:00Z', identityId: 'csv:u1', spaceId: 'csv:hr' }),
      ],
    });
    expect(await dataset.query.all('SELECT space_id, name, is_private FROM spaces')).toEqual([
      { space_id: 'csv:hr', name: 'HR', is_private: true },
    ]);
    await dataset.close();
  });
});
