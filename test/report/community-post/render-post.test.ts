/**
 * Who the post names and counts, on in-memory documents: pseudonyms (as --anonymize leaves them)
 * are never printed, people below the privacy threshold are not counted, titles from private
 * spaces never appear, and text from the data cannot turn into Markdown.
 */
import { describe, expect, it } from 'vitest';
import { renderCommunityPost, type PostOptions } from '../../../src/report/community-post/index.js';
import type { MetricsDocument } from '../../../src/report/json/document.js';
import { loadTemplate } from '../../../src/report/pdf/template.js';
import { richDocument, richRecognition } from '../pdf/rich-document.js';

const text = loadTemplate().text.communityPost;
const options = (extra: Partial<PostOptions> = {}): PostOptions => ({
  community: 'Acme',
  text,
  anonymized: false,
  minGroupSize: 5,
  ...extra,
});

/** The rich document with `count` helpers: the first `named` keep their e-mail id, the rest carry pseudonyms. */
function withHelpers(count: number, named: number): MetricsDocument {
  const doc = richDocument();
  const helpers = Array.from({ length: count }, (_, i) =>
    i < named
      ? { id: `helper${i}@example.com`, name: `Helper ${i}`, firstResponses: 20 - i }
      : {
          id: `Person ${(0xa000 + i).toString(16).toUpperCase()}`,
          name: `Person ${(0xa000 + i).toString(16).toUpperCase()}`,
          firstResponses: 10,
        },
  );
  return { ...doc, recognition: { ...richRecognition(), helpers } };
}

const line = (post: string, category: string): string | undefined =>
  post.split('\n').find((l) => l.startsWith(`- **${category}**`));

describe('renderCommunityPost', () => {
  it('names the first five people when not anonymized and counts the rest from the threshold on', () => {
    expect(line(renderCommunityPost(withHelpers(12, 12), options()), 'Helpers')).toBe(
      '- **Helpers**, first to answer a colleague: Helper 0, Helper 1, Helper 2, Helper 3, Helper 4 and 7 more',
    );
    // Two left over: fewer than minGroupSize, so not counted.
    expect(line(renderCommunityPost(withHelpers(7, 7), options()), 'Helpers')).toBe(
      '- **Helpers**, first to answer a colleague: Helper 0, Helper 1, Helper 2, Helper 3, Helper 4 and others',
    );
  });

  it('under --anonymize names only the people the anonymizer left named, never a pseudonym', () => {
    const post = renderCommunityPost(withHelpers(9, 2), options({ anonymized: true }));
    expect(line(post, 'Helpers')).toBe('- **Helpers**, first to answer a colleague: Helper 0, Helper 1 and 7 more');
    expect(post).not.toMatch(/Person [0-9A-F]{4}/);
  });

  it('counts unnamed people only when at least minGroupSize of them share the count', () => {
    expect(line(renderCommunityPost(withHelpers(6, 0), options({ anonymized: true })), 'Helpers')).toBe(
      '- **Helpers**, first to answer a colleague: 6 colleagues',
    );
    expect(line(renderCommunityPost(withHelpers(4, 0), options({ anonymized: true })), 'Helpers')).toBeUndefined();
    expect(
      line(renderCommunityPost(withHelpers(4, 0), options({ anonymized: true, minGroupSize: 3 })), 'Helpers'),
    ).toBe('- **Helpers**, first to answer a colleague: 4 colleagues');
  });

  it('titles the public ideas actioned, counts the private one, and names no author of a private idea', () => {
    const post = renderCommunityPost(richDocument(), options());
    expect(post).toContain('- “Shared spare-parts inventory across plants” (Ops), put into practice on 5 Mar 2026');
    expect(post).toContain('- “Digital shift handover checklist” (Ops), put into practice on 10 Feb 2026');
    expect(post).toContain('- 1 more from private spaces');
    expect(line(post, 'Idea makers')).toBe(
      '- **Idea makers**, whose ideas were put into practice: Author i2, Author i1',
    );
  });

  it('lists five titles and counts the other public ideas apart from the private ones', () => {
    const doc = richDocument();
    const ideas = doc.ideas;
    if (!ideas) throw new Error('the rich document has ideas');
    const items = Array.from({ length: 7 }, (_, i) => ({
      id: `p${i}`,
      source: 'yammer',
      spaceId: 'yammer:Ops',
      space: 'Ops',
      title: `Public idea ${i}`,
      author: `a${i}@example.com`,
      authorName: `Author ${i}`,
      department: null,
      stage: 'actioned' as const,
      declined: false,
      stalled: false,
      raisedAt: '2026-01-02T00:00:00.000Z',
      discussedAt: null,
      endorsedAt: null,
      decidedAt: null,
      actionedAt: `2026-03-${String(10 + i).padStart(2, '0')}T00:00:00.000Z`,
      declinedAt: null,
      lastActivityAt: '2026-03-20T00:00:00.000Z',
      participants: 2,
      evidence: [],
    }));
    const privateItem = {
      ...items[0]!,
      id: 'q',
      space: '(private space)',
      title: undefined,
      actionedAt: '2026-03-30T00:00:00.000Z',
    };
    const post = renderCommunityPost({ ...doc, ideas: { ...ideas, items: [...items, privateItem] } }, options());
    expect(post.match(/^- “Public idea \d”/gm)).toEqual([
      '- “Public idea 6”',
      '- “Public idea 5”',
      '- “Public idea 4”',
      '- “Public idea 3”',
      '- “Public idea 2”',
    ]);
    expect(post).toContain('\n- 2 more ideas\n- 1 more from private spaces\n');
  });

  it('escapes Markdown in text from the data, and keeps the template wording as written', () => {
    const doc = withHelpers(1, 1);
    const recognition = {
      ...richRecognition(),
      helpers: [{ id: 'x@example.com', name: '*Bold* [link](http://x) <b>', firstResponses: 3 }],
    };
    const post = renderCommunityPost({ ...doc, recognition }, options({ community: 'R&D_team' }));
    expect(line(post, 'Helpers')).toBe(
      '- **Helpers**, first to answer a colleague: \\*Bold\\* \\[link\\](http://x) \\<b\\>',
    );
    expect(post.split('\n')[0]).toBe('## Thank you, R&D\\_team community!');
  });

  it('uses the template wording a champion changed', () => {
    const post = renderCommunityPost(
      richDocument(),
      options({ text: { ...text, closing: 'Merci à toutes et à tous !' } }),
    );
    expect(post.trimEnd().split('\n').at(-1)).toBe('Merci à toutes et à tous !');
  });
});
