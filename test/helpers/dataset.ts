import { newAccount, type SourceAccount } from '../../src/model/accounting.js';
import { Dataset, type DatasetOptions } from '../../src/model/dataset.js';
import type { Query } from '../../src/model/query.js';
import type { Activity, Identity, PeopleEntry, SourceKind, Space } from '../../src/model/types.js';

/** Terse activity for inline test datasets; `at` is an ISO instant. */
export function act(partial: Partial<Omit<Activity, 'at'>> & { id: string; at: string; identityId: string }): Activity {
  const source: SourceKind = partial.source ?? 'yammer';
  return {
    source,
    kind: 'post',
    spaceId: `${source}:space`,
    threadId: partial.id,
    parentId: null,
    text: null,
    title: null,
    reaction: null,
    mentions: [],
    links: [],
    provenance: { file: 'inline', line: null },
    ...partial,
    at: Date.parse(partial.at),
  };
}

export interface InlineData {
  activities: Activity[];
  identities?: Identity[];
  spaces?: Space[];
  people?: PeopleEntry[];
}

/** Loads an inline dataset as one input and finalizes it (in memory unless `options` say otherwise). */
export async function inlineDataset(
  data: InlineData,
  options: DatasetOptions = {},
): Promise<{ dataset: Dataset; account: SourceAccount }> {
  const dataset = await Dataset.open(options);
  const account = newAccount(0, data.activities[0]?.source ?? 'yammer', 'inline');
  for (const identity of data.identities ?? []) dataset.append({ type: 'identity', identity }, account);
  for (const space of data.spaces ?? []) dataset.append({ type: 'space', space }, account);
  for (const activity of data.activities)
    dataset.append({ type: 'activity', activity, derived: activity.kind === 'reaction' }, account);
  await dataset.finalize([account], data.people ?? []);
  return { dataset, account };
}

/**
 * `dataset`'s query, recording in `runs` each statement run through it that includes `marker`:
 * how a test counts the builds of a shared temporary table.
 */
export function recordingQuery(dataset: Dataset, marker: string): { query: Query; runs: string[] } {
  const runs: string[] = [];
  const query: Query = {
    all: (sql, params) => dataset.query.all(sql, params),
    batches: (sql, params) => dataset.query.batches(sql, params),
    numbers: (sql, params) => dataset.query.numbers(sql, params),
    releaseMemory: () => dataset.query.releaseMemory(),
    run: (sql, params) => {
      if (sql.includes(marker)) runs.push(sql);
      return dataset.query.run(sql, params);
    },
  };
  return { query, runs };
}
