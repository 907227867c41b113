import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redundancySchema } from '../../../src/metrics/redundancy/schema.js';

const committed = JSON.parse(readFileSync(new URL('../../../schema/metrics.schema.json', import.meta.url), 'utf8')) as {
  $defs: Record<string, unknown>;
  properties: Record<string, unknown>;
};

const item = (id: string, person: string) => ({
  id,
  kind: 'thread',
  spaceId: 's',
  space: 'S',
  firstAt: '2026-01-05T10:00:00.000Z',
  lastAt: '2026-01-05T10:00:00.000Z',
  people: [{ id: person, name: null }],
  responses: 0,
  responders: 0,
});
const section = {
  method: 'm',
  matcher: 'rare-terms+lsa',
  threshold: 0.6,
  itemsCompared: 2,
  templatesLeftOut: 0,
  clustersFound: 1,
  clusters: [
    {
      items: [item('a', 'p'), item('b', 'q')],
      spaces: 1,
      people: 2,
      firstAt: '2026-01-05T10:00:00.000Z',
      lastAt: '2026-01-05T10:00:00.000Z',
      gapDays: 0,
      similarity: { min: 0.7, max: 0.7 },
      sharedTerms: ['x'],
      responses: 0,
      action: 'linkThreads',
    },
  ],
  crossPostsFound: 0,
  crossPosts: [],
};

describe('the redundancy section schema', () => {
  it('is referenced by schema/metrics.schema.json (generated: test/report/json/json-schema.test.ts)', () => {
    expect(Object.keys(committed.$defs)).toEqual(
      expect.arrayContaining(['redundancy', 'redundancyCluster', 'crossPost', 'redundantItem']),
    );
    expect(committed.properties['redundancy']).toMatchObject({
      anyOf: [{ $ref: '#/$defs/redundancy' }, { type: 'null' }],
    });
  });

  it('accepts a section and refuses a single-author cluster, an unknown matcher, a key it does not define', () => {
    expect(redundancySchema.safeParse(section).success).toBe(true);
    const single = structuredClone(section);
    single.clusters[0]!.people = 1;
    expect(redundancySchema.safeParse(single).success).toBe(false);
    expect(redundancySchema.safeParse({ ...section, matcher: 'onnx' }).success).toBe(false);
    expect(redundancySchema.safeParse({ ...section, extra: 1 }).success).toBe(false);
  });
});
