import { describe, expect, it } from 'vitest';
import { act } from '../../helpers/dataset.js';
import { ideasOf } from './helpers.js';

const post = (id: string, text: string | null, title?: string) =>
  act({ id, at: '2026-01-05T10:00:00Z', identityId: 'yammer:u1', text, ...(title === undefined ? {} : { title }) });

describe('computeIdeas: which starters the SQL prefilter hands to the rules', () => {
  // The prefilter lower-cases and matches only texts and titles holding a `#` (every tag pattern
  // starts with one); a tag, the prefix and the absence of both must still decide as before.
  it('finds a tag in the title when the text has no #, an upper-case tag, and the prefix without any #', async () => {
    const ideas = await ideasOf({
      activities: [
        post('yammer:1', 'Standing desks for everyone', '#Suggestion desks'),
        post('yammer:2', 'We could try #IDEA: shorter meetings'),
        post('yammer:3', 'Idea : a quiet room'),
        post('yammer:4', 'Release notes #changelog, nothing to propose'),
        post('yammer:5', null, 'no tag here'),
        post('yammer:6', 'ＩＤＥＡ and ＃idea in full-width letters are not tags'),
      ],
    });
    expect(ideas.items.map((i) => [i.id, i.evidence[0]?.tag ?? null])).toEqual([
      ['yammer:1', '#suggestion'],
      ['yammer:2', '#idea'],
      ['yammer:3', null],
    ]);
    expect(ideas.funnel.raised).toBe(3);
  });
});
