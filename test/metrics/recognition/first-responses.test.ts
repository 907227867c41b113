import { afterEach, describe, expect, it } from 'vitest';
import { personFigures } from '../../../src/metrics/recognition/queries.js';
import type { Dataset } from '../../../src/model/dataset.js';
import type { Identity } from '../../../src/model/types.js';
import { act, inlineDataset } from '../../helpers/dataset.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const person = (id: string): Identity => ({
  id: `yammer:${id}`,
  source: 'yammer',
  name: id,
  email: `${id}@example.com`,
  department: null,
  isBot: false,
});
const reply = (id: string, thread: string, at: string, who: string) =>
  act({ id, kind: 'reply', threadId: thread, parentId: thread, at, identityId: `yammer:${who}` });

/**
 * Which reply is a thread's first response, and in which window it counts:
 *   P (Ana, 1 Jan): Ana's own reply at 09:00 is no response; Cy (id R2) and Bob (id R3) reply at
 *     10:00 exactly: the lower id, Cy's, is first.
 *   Q (Ana, 1 Jan): Bob replies on 31 Dec of the year before (clock skew), Cy on 2 Jan: Bob's is
 *     first, and it falls before a January window, so nobody gets Q's first response in January.
 *   S (Bob, 3 Jan): Ana replies at 08:00 on 1 Feb, outside January: counted in February only.
 */
async function threads(): Promise<Dataset> {
  const { dataset } = await inlineDataset({
    identities: [person('ana'), person('bob'), person('cy')],
    activities: [
      act({ id: 'P', at: '2026-01-01T08:00:00Z', identityId: 'yammer:ana' }),
      reply('R1', 'P', '2026-01-01T09:00:00Z', 'ana'),
      reply('R3', 'P', '2026-01-01T10:00:00Z', 'bob'),
      reply('R2', 'P', '2026-01-01T10:00:00Z', 'cy'),
      act({ id: 'Q', at: '2026-01-01T12:00:00Z', identityId: 'yammer:ana' }),
      reply('Q1', 'Q', '2025-12-31T23:00:00Z', 'bob'),
      reply('Q2', 'Q', '2026-01-02T00:00:00Z', 'cy'),
      act({ id: 'S', at: '2026-01-03T00:00:00Z', identityId: 'yammer:bob' }),
      reply('S1', 'S', '2026-02-01T08:00:00Z', 'ana'),
    ],
  });
  open = dataset;
  return dataset;
}

const firstResponses = (rows: { person_id: string; first_responses: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.person_id, r.first_responses]));

describe('first responses', () => {
  it('takes the earliest reply by another person, the lower id on a tie, counted in the window it falls in', async () => {
    const dataset = await threads();
    const january = await personFigures(dataset.query, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z');
    expect(firstResponses(january)).toEqual({ 'ana@example.com': 0, 'bob@example.com': 0, 'cy@example.com': 1 });
    const february = await personFigures(dataset.query, '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z');
    expect(firstResponses(february)).toEqual({ 'ana@example.com': 1 });
    const december = await personFigures(dataset.query, '2025-12-01T00:00:00Z', '2026-01-01T00:00:00Z');
    expect(firstResponses(december)).toEqual({ 'bob@example.com': 1 });
    // No activity in November: nobody (the window is checked before the figures' joins run)
    expect(await personFigures(dataset.query, '2025-11-01T00:00:00Z', '2025-12-01T00:00:00Z')).toEqual([]);
  });
});

describe('replies and reactions received', () => {
  /**
   * In January: Bob replies to Ana's post P (-> Ana), Cy replies to Bob's reply (-> Bob), Ana
   * replies to a message not loaded in her own thread (-> the starter, herself: not counted), Cy
   * reacts to P (-> Ana) and to a message not loaded (no target), Ana reacts to P (herself). In
   * February, Bob reacts to P: outside the window.
   */
  async function received(): Promise<Dataset> {
    const { dataset } = await inlineDataset({
      identities: [person('ana'), person('bob'), person('cy')],
      activities: [
        act({ id: 'P', at: '2026-01-01T08:00:00Z', identityId: 'yammer:ana' }),
        reply('R1', 'P', '2026-01-01T09:00:00Z', 'bob'),
        act({
          id: 'R2',
          kind: 'reply',
          threadId: 'P',
          parentId: 'R1',
          at: '2026-01-01T10:00:00Z',
          identityId: 'yammer:cy',
        }),
        act({
          id: 'R3',
          kind: 'reply',
          threadId: 'P',
          parentId: 'gone',
          at: '2026-01-02T10:00:00Z',
          identityId: 'yammer:ana',
        }),
        act({
          id: 'X1',
          kind: 'reaction',
          threadId: 'P',
          parentId: 'P',
          at: '2026-01-03T10:00:00Z',
          identityId: 'yammer:cy',
        }),
        act({
          id: 'X2',
          kind: 'reaction',
          threadId: 'P',
          parentId: 'gone',
          at: '2026-01-03T11:00:00Z',
          identityId: 'yammer:cy',
        }),
        act({
          id: 'X3',
          kind: 'reaction',
          threadId: 'P',
          parentId: 'P',
          at: '2026-01-03T12:00:00Z',
          identityId: 'yammer:ana',
        }),
        act({
          id: 'X4',
          kind: 'reaction',
          threadId: 'P',
          parentId: 'P',
          at: '2026-02-03T12:00:00Z',
          identityId: 'yammer:bob',
        }),
      ],
    });
    open = dataset;
    return dataset;
  }
  const counts = (rows: { person_id: string; replies_received: number; reactions_received: number }[]) =>
    Object.fromEntries(rows.map((r) => [r.person_id, [r.replies_received, r.reactions_received]]));

  it('are the same read from the interactions table as joined from the activities, which are dropped after', async () => {
    const dataset = await received();
    const [since, until] = ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'];
    const joined = await personFigures(dataset.query, since, until, 'activities');
    const fromTable = await personFigures(dataset.query, since, until, 'interactions');
    expect(counts(joined)).toEqual({
      'ana@example.com': [1, 1],
      'bob@example.com': [1, 0],
      'cy@example.com': [0, 0],
    });
    expect(fromTable).toEqual(joined);
    const left = await dataset.query.all(
      "SELECT table_name FROM duckdb_tables() WHERE table_name IN ('interactions_in_period', 'recognition_first_responses')",
    );
    expect(left).toEqual([]);
  });
});
