import { describe, expect, it } from 'vitest';
import { computeRedundancy } from '../../../src/metrics/redundancy/index.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { metricContext } from '../context.js';

/**
 * A wiki page created and edited within one second (an import, a bot): its text is its first
 * revision's, and which revision is first must not depend on the order rows were stored in.
 */
describe('duplicate efforts with wiki revisions at the same instant', () => {
  it('takes the page text from the revision with the lower id, whatever the order of the rows', async () => {
    const at = '2026-03-02T09:00:00Z';
    const create = act({
      id: 'mediawiki:r1',
      source: 'mediawiki',
      kind: 'page_create',
      threadId: 'mediawiki:page:7',
      spaceId: 'mediawiki:wiki',
      at,
      identityId: 'mediawiki:Ana',
      title: 'Forklift booking sheet',
      text: 'Created page with "Shared forklift booking sheet for the warehouse teams, book slots weekly"',
    });
    const edit = act({
      id: 'mediawiki:r2',
      source: 'mediawiki',
      kind: 'page_edit',
      threadId: 'mediawiki:page:7',
      spaceId: 'mediawiki:wiki',
      at,
      identityId: 'mediawiki:Ana',
      title: 'Forklift booking sheet',
      text: 'fix typo',
    });
    const post = act({
      id: 'yammer:9',
      at: '2026-03-05T09:00:00Z',
      identityId: 'yammer:bo',
      spaceId: 'yammer:group:ops',
      text: 'Shared forklift booking sheet for the warehouse teams: book slots weekly',
    });
    const found: number[] = [];
    for (const activities of [
      [create, edit, post],
      [edit, create, post],
    ]) {
      const { dataset } = await inlineDataset({ activities });
      const result = await computeRedundancy(
        dataset.query,
        metricContext(
          { since: '2026-03-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z', timeZone: 'UTC' },
          { capabilities: { wiki: true } },
        ),
      );
      found.push(result.clustersFound);
      await dataset.close();
    }
    // With r1's text the page shares 9 of 11 words with the post (Jaccard 0.82); with r2's ("fix
    // typo") only 3, below the 4 shared words a pair needs.
    expect(found).toEqual([1, 1]);
  });
});
