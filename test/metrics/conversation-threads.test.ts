import { afterEach, describe, expect, it } from 'vitest';
import { MEASURES } from '../../src/metrics/registry.js';
import type { MetricInput } from '../../src/metrics/registry-types.js';
import { conversationWindow, withConversationThreads } from '../../src/metrics/conversation-threads.js';
import { computeConversations } from '../../src/metrics/conversations.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { Query } from '../../src/model/query.js';
import { periodFromBounds } from '../../src/time/period.js';
import { act, inlineDataset, recordingQuery } from '../helpers/dataset.js';
import { metricContext } from './context.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

/** Two threads in March: Q asks and bo answers 3 h later; N states and only its author replies. */
async function march(): Promise<{ query: Query; creates: string[] }> {
  const { dataset } = await inlineDataset({
    activities: [
      act({ id: 'Q', at: '2026-03-02T09:00:00Z', identityId: 'yammer:ana', text: 'Where is the roadmap?' }),
      act({
        id: 'Qr',
        kind: 'reply',
        threadId: 'Q',
        parentId: 'Q',
        at: '2026-03-02T12:00:00Z',
        identityId: 'yammer:bo',
      }),
      act({ id: 'N', at: '2026-03-03T09:00:00Z', identityId: 'yammer:bo', text: 'Release notes attached.' }),
      act({
        id: 'Nr',
        kind: 'reply',
        threadId: 'N',
        parentId: 'N',
        at: '2026-03-03T10:00:00Z',
        identityId: 'yammer:bo',
      }),
    ],
  });
  open = dataset;
  const { query, runs: creates } = recordingQuery(dataset, 'TEMP TABLE conversation_threads');
  return { query, creates };
}

const ctx = metricContext(periodFromBounds('2026-03-01', '2026-04-01', 'UTC'), { asOf: '2026-04-01T00:00:00Z' });
const tables = (query: Query) =>
  query.all(
    "SELECT table_name FROM duckdb_tables() WHERE table_name IN ('conversation_threads', 'thread_wait_spaces', 'thread_wait_departments')",
  );

describe('conversation_threads', () => {
  it('is built once for the figures and the evidence of the registry, and dropped after', async () => {
    const { query, creates } = await march();
    const section = await MEASURES.conversations.compute({ query, ctx } as MetricInput, {});
    expect(creates).toHaveLength(1);
    expect(await tables(query)).toEqual([]);
    // The figures and the evidence read the same threads: 2 threads, 1 answered (3 h); 1 question, answered.
    expect(section).toMatchObject({ threads: 2, answered: 1, medianHoursToFirstResponse: 3 });
    expect(section.answeredRateInterval.n).toBe(2);
    expect(section.responseSurvival).toMatchObject({ n: 2, events: 1, censored: 1 });
    expect(section.questions).toMatchObject({ threads: 1, answered: 1 });
    expect(section.questions.answeredRateInterval.n).toBe(1);
    expect(section.unanswered.map((t) => t.id)).toEqual(['N']);
  });

  it('is built by each metric alone, and refuses a nested use for another period', async () => {
    const { query, creates } = await march();
    const alone = await computeConversations(query, ctx);
    expect(alone).toMatchObject({ threads: 2, answered: 1 });
    expect(creates).toHaveLength(1);
    expect(await tables(query)).toEqual([]);
    const april = metricContext(periodFromBounds('2026-04-01', '2026-05-01', 'UTC'));
    await expect(
      withConversationThreads(query, conversationWindow(ctx), () =>
        withConversationThreads(query, conversationWindow(april), () => Promise.resolve(0)),
      ),
    ).rejects.toThrow(/nested/);
    expect(await tables(query)).toEqual([]);
  });
});
