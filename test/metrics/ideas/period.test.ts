import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../src/model/types.js';
import { act } from '../../helpers/dataset.js';
import { context, ideasOf } from './helpers.js';

describe('computeIdeas: period, stalled and oldest open', () => {
  it('judges stalled at asOf when it comes before the period end, with stallDays of silence', async () => {
    const ideas = await ideasOf(
      {
        activities: [
          act({ id: 'yammer:1', at: '2026-01-05T00:00:00Z', identityId: 'yammer:u1', text: '#idea A' }),
          act({ id: 'yammer:2', at: '2026-01-20T00:00:00Z', identityId: 'yammer:u1', text: '#idea B' }),
          act({ id: 'yammer:3', at: '2026-01-06T00:00:00Z', identityId: 'yammer:u1', text: '#idea C' }),
          act({
            id: 'yammer:4',
            kind: 'reply',
            threadId: 'yammer:3',
            at: '2026-01-25T00:00:00Z',
            identityId: 'yammer:u2',
            text: 'bump',
          }),
        ],
      },
      context({}, '2026-02-10T00:00:00.000Z'),
    );
    // At 02-10: A silent for 36 days (stalled), B for 21, C for 16 (its reply).
    expect(ideas.items.map((i) => [i.id, i.stalled])).toEqual([
      ['yammer:1', true],
      ['yammer:3', false],
      ['yammer:2', false],
    ]);
    expect(ideas.stalled).toBe(1);
    expect(ideas.oldestOpen.map((o) => [o.id, o.ageDays, o.title])).toEqual([
      ['yammer:1', 36, '#idea A'],
      ['yammer:3', 35, '#idea C'],
      ['yammer:2', 21, '#idea B'],
    ]);
  });

  it('uses a configured stallDays and never calls an actioned idea stalled', async () => {
    const ideas = await ideasOf(
      {
        activities: [
          act({ id: 'yammer:1', at: '2026-01-05T00:00:00Z', identityId: 'yammer:u1', text: '#idea A' }),
          act({ id: 'yammer:2', at: '2026-03-01T00:00:00Z', identityId: 'yammer:u1', text: '#idea B #done' }),
        ],
      },
      context({ stallDays: 20 }),
    );
    // Period end 04-01: B silent for 31 days but actioned.
    expect(ideas.items.map((i) => [i.id, i.stalled])).toEqual([
      ['yammer:1', true],
      ['yammer:2', false],
    ]);
    expect(ideas.open).toBe(1);
  });

  it('keeps ideas raised in the period and ignores evidence at or after its end', async () => {
    const ideas = await ideasOf({
      activities: [
        act({ id: 'yammer:1', at: '2025-12-20T00:00:00Z', identityId: 'yammer:u1', text: '#idea before' }),
        act({ id: 'yammer:2', at: '2026-03-01T00:00:00Z', identityId: 'yammer:u1', text: '#idea inside' }),
        act({
          id: 'yammer:3',
          kind: 'reply',
          threadId: 'yammer:2',
          at: '2026-04-01T00:00:00Z',
          identityId: 'yammer:u2',
          text: '#done',
        }),
        act({ id: 'yammer:4', at: '2026-04-01T00:00:00Z', identityId: 'yammer:u1', text: '#idea after' }),
      ],
    });
    expect(ideas.items.map((i) => [i.id, i.stage, i.participants])).toEqual([['yammer:2', 'raised', 1]]);
  });
});

describe('computeIdeas: breakdowns', () => {
  const person = (id: string, department: string | null): Identity => ({
    id,
    source: 'yammer',
    name: id.toUpperCase(),
    email: null,
    department,
    isBot: false,
  });

  it('groups ideas by space and by department, suppressing groups under minGroupSize authors', async () => {
    const ideas = await ideasOf(
      {
        identities: [
          person('yammer:a', 'Sales'),
          person('yammer:b', 'Sales'),
          person('yammer:c', 'Ops'),
          person('yammer:d', null),
        ],
        spaces: [
          { id: 'yammer:g1', source: 'yammer', name: 'Ideas', kind: 'group', isPrivate: false },
          { id: 'yammer:g2', source: 'yammer', name: 'Ops corner', kind: 'group', isPrivate: false },
        ],
        activities: [
          act({
            id: 'yammer:1',
            spaceId: 'yammer:g1',
            at: '2026-01-05T00:00:00Z',
            identityId: 'yammer:a',
            text: '#idea 1 #done',
          }),
          act({
            id: 'yammer:2',
            spaceId: 'yammer:g1',
            at: '2026-01-06T00:00:00Z',
            identityId: 'yammer:b',
            text: '#idea 2',
          }),
          act({
            id: 'yammer:3',
            spaceId: 'yammer:g1',
            at: '2026-01-07T00:00:00Z',
            identityId: 'yammer:a',
            text: '#idea 3 #planned',
          }),
          act({
            id: 'yammer:4',
            spaceId: 'yammer:g2',
            at: '2026-01-08T00:00:00Z',
            identityId: 'yammer:c',
            text: '#idea 4',
          }),
          act({
            id: 'yammer:5',
            spaceId: 'yammer:g2',
            at: '2026-01-09T00:00:00Z',
            identityId: 'yammer:d',
            text: '#idea 5',
          }),
        ],
      },
      context({ minGroupSize: 2 }),
    );
    expect(ideas.byDepartment).toEqual([
      { key: 'Sales', name: 'Sales', suppressed: false, authors: 2, raised: 3, decided: 2, actioned: 1 },
      { key: null, name: '(unknown)', suppressed: true, authors: null, raised: null, decided: null, actioned: null },
      { key: 'Ops', name: 'Ops', suppressed: true, authors: null, raised: null, decided: null, actioned: null },
    ]);
    expect(ideas.bySpace).toEqual([
      { key: 'yammer:g1', name: 'Ideas', suppressed: false, authors: 2, raised: 3, decided: 2, actioned: 1 },
      { key: 'yammer:g2', name: 'Ops corner', suppressed: false, authors: 2, raised: 2, decided: 0, actioned: 0 },
    ]);
    expect(ideas.items[0]).toMatchObject({ authorName: 'YAMMER:A', department: 'Sales' });
  });
});
