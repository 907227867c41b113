import { describe, expect, it } from 'vitest';
import { publicTitle, shownSpace } from '../../src/metrics/public-text.js';

describe('public text rules', () => {
  it('names private spaces "(private space)" and keeps public names', () => {
    expect(shownSpace(true, 'Merger talks')).toBe('(private space)');
    expect(shownSpace(false, 'Sales')).toBe('Sales');
  });

  it('gives the first 100 code points with blanks collapsed, nothing for private or empty text', () => {
    expect(publicTitle(false, '  Idea:\n  a   better\tonboarding ')).toBe('Idea: a better onboarding');
    // 99 letters then an emoji (one code point, two UTF-16 units) then more: the emoji is the 100th.
    const long = `${'a'.repeat(99)}😀bbb`;
    expect(publicTitle(false, long)).toBe(`${'a'.repeat(99)}😀`);
    expect(publicTitle(true, 'secret')).toBeUndefined();
    expect(publicTitle(false, '   ')).toBeUndefined();
    expect(publicTitle(false, null)).toBeUndefined();
  });
});
