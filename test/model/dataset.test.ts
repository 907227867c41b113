import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newAccount } from '../../src/model/accounting.js';
import { Dataset, writtenColumnsOutgrow } from '../../src/model/dataset.js';
import type { SourceRecord } from '../../src/model/types.js';
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

describe('Dataset.finalize with a part read apart (a worker thread)', () => {
  it("brings the part's rows in: the later input's version wins, bots leave, person ids and contributions are set", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pilot-report-part-'));
    const identity = (id: string, email: string | null, isBot: boolean): SourceRecord => ({
      type: 'identity',
      identity: { id, source: 'yammer', name: null, email, department: null, isBot },
    });
    const activity = (id: string, day: number, identityId: string, text: string | null = null): SourceRecord => ({
      type: 'activity',
      activity: act({ id, at: `2026-01-0${day}T10:00:00Z`, identityId, text }),
    });
    try {
      const main = await Dataset.open({ spill: true });
      const first = newAccount(0, 'yammer', 'first');
      main.beginInput(0);
      for (const record of [
        identity('yammer:u1', 'ana@example.com', false),
        activity('yammer:1', 5, 'yammer:u1', 'old'),
        activity('yammer:2', 6, 'yammer:u2'),
      ])
        main.append(record, first);

      // The second input, read into a part file as a worker thread does.
      const partFile = path.join(folder, 'part.duckdb');
      const part = await Dataset.open({ file: partFile, uncompressed: true });
      const second = newAccount(1, 'yammer', 'second');
      part.beginInput(1);
      for (const record of [
        identity('yammer:bot', null, true),
        activity('yammer:1', 5, 'yammer:u1', 'edited'),
        activity('yammer:3', 7, 'yammer:bot'),
      ])
        part.append(record, second);
      const reaction = act({
        id: 'yammer:r1',
        at: '2026-01-07T11:00:00Z',
        identityId: 'yammer:u2',
        kind: 'reaction',
        parentId: 'yammer:2',
        reaction: 'like',
      });
      part.append({ type: 'activity', activity: reaction, derived: true }, second);
      await part.closePart();
      await main.absorb(partFile);
      await main.finalize([first, second], []);

      const rows = await main.query.all(
        'SELECT activity_id, input_index, person_id, text, is_contribution FROM activities ORDER BY activity_id',
      );
      expect(rows).toEqual([
        {
          activity_id: 'yammer:1',
          input_index: 1,
          person_id: 'ana@example.com',
          text: 'edited',
          is_contribution: true,
        },
        { activity_id: 'yammer:2', input_index: 0, person_id: 'yammer:u2', text: null, is_contribution: true },
        { activity_id: 'yammer:r1', input_index: 1, person_id: 'yammer:u2', text: null, is_contribution: false },
      ]);
      expect(first).toMatchObject({ read: 2, used: 1, skippedByReason: { duplicate: 1 } });
      expect(second).toMatchObject({ read: 2, used: 1, skippedByReason: { bot: 1 } });
      // The working columns of the raw rows are gone.
      const columns = await main.query.all<{ name: string }>(
        "SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'activities' AND column_name IN ('seq', 'derived')",
      );
      expect(columns).toEqual([]);
      await main.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('Dataset.finalize: person ids by position (the ENUM lookup)', () => {
  it('gives every activity the person of its identity, for ids in any byte order and with quotes', async () => {
    // Ids whose order differs between byte order and a case-blind or accent-aware one, and ids that
    // need quoting in SQL: the lookup must pair each identity's position with its own person.
    const ids = ['yammer:B', 'yammer:a', 'yammer:É', 'yammer:e', "yammer:o'neil", 'yammer:Z', 'yammer:10', 'yammer:9'];
    const emailOf = (id: string, n: number) => (n % 3 === 0 ? null : `${id.slice(7)}${n}@example.com`);
    const { dataset } = await inlineDataset({
      identities: ids.map((id, n) => ({
        id,
        source: 'yammer',
        name: null,
        email: emailOf(id, n),
        department: null,
        isBot: false,
      })),
      activities: [
        ...ids.flatMap((id, n) => [
          act({ id: `yammer:p${n}`, at: '2026-01-05T10:00:00Z', identityId: id }),
          act({ id: `yammer:q${n}`, at: '2026-01-06T10:00:00Z', identityId: id }),
        ]),
        // An account that only activities name: its own person.
        act({ id: 'yammer:x', at: '2026-01-07T10:00:00Z', identityId: 'yammer:only-here' }),
      ],
    });
    const rows = await dataset.query.all<{ activity_id: string; person_id: string }>(
      'SELECT activity_id, person_id FROM activities ORDER BY activity_id',
    );
    // By hand: a person is the identity's lower-cased e-mail, else the identity id.
    const expected = new Map<string, string>([['yammer:x', 'yammer:only-here']]);
    ids.forEach((id, n) => {
      const person = emailOf(id, n)?.toLowerCase() ?? id;
      expected.set(`yammer:p${n}`, person);
      expected.set(`yammer:q${n}`, person);
    });
    expect(rows).toEqual(
      [...expected]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([activity_id, person_id]) => ({ activity_id, person_id })),
    );
    expect(rows.find((r) => r.activity_id === 'yammer:p4')?.person_id).toBe("o'neil4@example.com");
    expect(rows.find((r) => r.activity_id === 'yammer:p0')?.person_id).toBe('yammer:B');
    // The helpers of the lookup do not stay in the dataset.
    expect(
      await dataset.query.all("SELECT type_name FROM duckdb_types() WHERE type_name = 'identity_position'"),
    ).toEqual([]);
    await dataset.close();
  });
});

describe('writtenColumnsOutgrow (when finalize checkpoints its new columns)', () => {
  it('is true once 40 bytes a row exceed an eighth of the memory limit', () => {
    // 768MB / 8 = 96,000,000 bytes = 2,400,000 rows of 40 bytes.
    expect(writtenColumnsOutgrow(983_196, '768MB')).toBe(false); // 1M Yammer messages
    expect(writtenColumnsOutgrow(2_400_000, '768MB')).toBe(false);
    expect(writtenColumnsOutgrow(2_400_001, '768MB')).toBe(true);
    expect(writtenColumnsOutgrow(2_934_096, '768MB')).toBe(true); // the three exports of the bench
    expect(writtenColumnsOutgrow(200_001, '64MB')).toBe(true);
    expect(writtenColumnsOutgrow(10_000_000, null)).toBe(false); // in memory: nothing to checkpoint
  });
});
