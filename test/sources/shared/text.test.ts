import { describe, expect, it } from 'vitest';
import { extractUrls, truncateTitle } from '../../../src/sources/shared/text.js';

describe('extractUrls', () => {
  it('finds http(s) URLs in order, without duplicates and without trailing punctuation', () => {
    expect(
      extractUrls('See https://wiki.example.com/Plan. Also http://x.org/a?b=1&c=2, and https://wiki.example.com/Plan!'),
    ).toEqual(['https://wiki.example.com/Plan', 'http://x.org/a?b=1&c=2']);
    expect(extractUrls('no links here, not even ftp://files.example.com or www.example.com')).toEqual([]);
    expect(extractUrls('"https://q.example.com/x";')).toEqual(['https://q.example.com/x']);
  });

  it('drops a closing bracket only when the URL does not open it', () => {
    expect(extractUrls('(see https://x.org/a)')).toEqual(['https://x.org/a']);
    expect(extractUrls('https://en.wikipedia.org/wiki/Foo_(bar) is it')).toEqual([
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
    expect(extractUrls('[docs](https://docs.example.com/start).')).toEqual(['https://docs.example.com/start']);
    expect(extractUrls('opengraphobject:[42 : https://p.example.org/post?id=1]')).toEqual([
      'https://p.example.org/post?id=1',
    ]);
  });

  it("handles Slack's <url|label> and <url> forms", () => {
    expect(extractUrls('look <https://jira.example.com/browse/AB-1|AB-1> and <http://example.org/x>')).toEqual([
      'https://jira.example.com/browse/AB-1',
      'http://example.org/x',
    ]);
  });
});

describe('truncateTitle', () => {
  it('collapses whitespace and keeps short text whole', () => {
    expect(truncateTitle('  Idea:\n faster\tbuilds  ', 100)).toBe('Idea: faster builds');
    expect(truncateTitle('', 100)).toBe('');
  });

  it('cuts long text to max - 1 characters plus an ellipsis', () => {
    const title = truncateTitle('a'.repeat(150), 100);
    expect(title).toBe(`${'a'.repeat(99)}…`);
    expect(Array.from(title)).toHaveLength(100);
    // A trailing space before the cut is not kept: 'word ' x 30 cut at 9 characters is 'word word'.
    expect(truncateTitle('word '.repeat(30), 10)).toBe('word word…');
  });

  it('never splits an emoji', () => {
    // 12 code points (each emoji is two UTF-16 units): cut at 4 gives 3 emoji and the ellipsis.
    expect(truncateTitle('😀'.repeat(12), 4)).toBe('😀😀😀…');
    expect(truncateTitle('😀'.repeat(4), 4)).toBe('😀😀😀😀');
  });
});
