import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computeRedundancy } from '../../../src/metrics/redundancy/index.js';
import { loadSentenceEncoder } from '../../../src/metrics/redundancy/embedding-model.js';
import { redundancySchema } from '../../../src/metrics/redundancy/schema.js';
import type { Dataset } from '../../../src/model/dataset.js';
import type { Identity, Space } from '../../../src/model/types.js';
import { periodFromBounds } from '../../../src/time/period.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { metricContext } from '../context.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const DIR = path.join(import.meta.dirname, '..', '..', 'fixtures', 'embedding');
const encoder = () =>
  loadSentenceEncoder(
    new Uint8Array(readFileSync(path.join(DIR, 'tokens-model.onnx'))),
    readFileSync(path.join(DIR, 'tokenizer.json'), 'utf8'),
    { name: 'tokens-model.onnx', maxTokens: 256, batchSize: 16 },
  );

const space = (id: string): Space => ({
  id: `yammer:${id}`,
  source: 'yammer',
  name: id,
  kind: 'group',
  isPrivate: false,
});
const person = (user: string): Identity => ({
  id: `yammer:${user}`,
  source: 'yammer',
  name: user.toUpperCase(),
  email: null,
  department: null,
  isBot: false,
});
const post = (id: string, spaceId: string, at: string, user: string, text: string) =>
  act({ id, spaceId: `yammer:${spaceId}`, at, identityId: `yammer:${user}`, text });

/**
 * Four people, four spaces. With the test model (every token an axis: e0 build-failure words,
 * e1 translation words, e2 the rest, [CLS] and [SEP] included) a text's embedding is its counts:
 * - T1 (7, 0, 8): e0 build failed mac runner liblzma compile error; e2 [CLS] nightly ##s on the with a [SEP];
 * - T2 (8, 0, 6): e0 xcode compile error liblzma mac runner build failed; e2 [CLS] in again and the [SEP];
 *   cos(T1, T2) = (56 + 48) / (√113 · √100) = 0.978;
 * - T3 (0, 4, 9): e1 translate onboarding wiki pages; e2 [CLS] friday kitchen cleanup , then we the [SEP];
 * - T4 (4, 0, 8): e0 mac runner build failed; e2 [CLS] friday kitchen cleanup after the again [SEP];
 *   cos(T3, T4) = 72 / (√97 · √80) = 0.817.
 * T3 and T4 share rare words (friday, kitchen, cleanup) but not their subject; T1 and T4 share
 * no rare word (mac, runner, build, failed are in three texts), so the model is never asked.
 */
async function pilot(): Promise<Dataset> {
  const { dataset } = await inlineDataset({
    identities: ['ana', 'bob', 'cy', 'dee'].map(person),
    spaces: ['sales', 'eng', 'support', 'hr'].map(space),
    activities: [
      post(
        'T1',
        'sales',
        '2026-01-05T10:00:00Z',
        'ana',
        'Nightly builds failed on the mac runner with a liblzma compile error',
      ),
      post(
        'T2',
        'eng',
        '2026-02-10T10:00:00Z',
        'bob',
        'Xcode compile error in liblzma again and the mac runner build failed',
      ),
      post(
        'T3',
        'support',
        '2026-01-20T10:00:00Z',
        'cy',
        'Friday kitchen cleanup, then we translate the onboarding wiki pages',
      ),
      post('T4', 'hr', '2026-02-20T10:00:00Z', 'dee', 'Friday kitchen cleanup after the mac runner build failed again'),
    ],
  });
  open = dataset;
  return dataset;
}

const period = periodFromBounds('2026-01-01', '2026-03-01', 'UTC');
// The rare-term rule out of reach (no pair shares 50 rare words), and the meaning gates opened
// wide, so what is found is what the model's cosine decides.
const gates = { minSharedWords: 50, meaningRareShare: 0.1 };
const pairsOf = (r: { clusters: { items: { id: string }[] }[] }) =>
  r.clusters.map((c) => c.items.map((i) => i.id).sort()).sort();

describe('duplicate efforts matched by a sentence-embedding model', () => {
  it("keeps the pairs whose embedding cosine reaches the model's threshold, with their shared rare words as the reason", async () => {
    const r = await computeRedundancy((await pilot()).query, metricContext(period), {
      config: { ...gates, embedding: { encoder: await encoder(), threshold: 0.9 } },
    });
    expect(redundancySchema.parse(r)).toEqual(r);
    expect(r).toMatchObject({ matcher: 'rare-terms+embedding:tokens-model.onnx', itemsCompared: 4, clustersFound: 1 });
    expect(pairsOf(r)).toEqual([['T1', 'T2']]);
    expect(r.clusters[0]?.sharedTerms).toEqual(expect.arrayContaining(['liblzma', 'compile', 'error']));
    expect(r.method).toContain('the cosine of their sentence embeddings is at least 0.90');
    expect(r.method).toContain('sentence-embedding model tokens-model.onnx, run on this computer');
    expect(r.method).not.toContain('LSA');
  });

  it('takes the pair of 0.817 as well when the threshold is 0.8, and neither at 0.98', async () => {
    const lower = await computeRedundancy((await pilot()).query, metricContext(period), {
      config: { ...gates, embedding: { encoder: await encoder(), threshold: 0.8 } },
    });
    expect(pairsOf(lower)).toEqual([
      ['T1', 'T2'],
      ['T3', 'T4'],
    ]);
    const higher = await computeRedundancy((await pilot()).query, metricContext(period), {
      config: { ...gates, embedding: { encoder: await encoder(), threshold: 0.98 } },
    });
    expect(higher.clusters).toEqual([]);
  });

  it('runs no model when meaning is switched off', async () => {
    const r = await computeRedundancy((await pilot()).query, metricContext(period), {
      config: { ...gates, meaning: false, embedding: { encoder: await encoder(), threshold: 0.8 } },
    });
    expect(r).toMatchObject({ matcher: 'rare-terms', clusters: [] });
  });
});
