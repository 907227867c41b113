import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redundancyJsonSchemaDefs } from '../../../src/metrics/redundancy/json-schema.js';
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
  it('is what schema/metrics.schema.json holds for it', () => {
    const generated = redundancyJsonSchemaDefs();
    for (const [name, def] of Object.entries(generated)) expect(committed.$defs[name], name).toEqual(def);
    expect(committed.properties['redundancy']).toMatchObject({
      oneOf: [{ $ref: '#/$defs/redundancy' }, { type: 'null' }],
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
