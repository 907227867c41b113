import { describe, expect, it } from 'vitest';
import { Rng } from '../../scripts/generate/prng.js';
import { TextFactory } from '../../scripts/generate/text.js';
import type { Department } from '../../scripts/generate/model.js';

const DEPARTMENTS: readonly Department[] = ['Sales', 'Engineering', 'Operations', 'Finance', 'HR', 'Customer Success'];

/** 200 starters from one seed, departments in turn, ending in a suffix every fifth time. */
function starters(factory: TextFactory): string[] {
  return Array.from({ length: 200 }, (_, k) =>
    factory.starter(DEPARTMENTS[k % DEPARTMENTS.length] ?? 'Sales', k % 5 === 0 ? ' {#tips}' : ''),
  );
}

describe('background starters with detail sentences (sample pilot)', () => {
  it('keep the first sentence, the suffix and the draws of the plain starters', () => {
    const plain = starters(new TextFactory(new Rng(7), true));
    const detailed = starters(new TextFactory(new Rng(7), true, true));
    detailed.forEach((text, k) => {
      const first = plain[k] ?? '';
      const suffix = k % 5 === 0 ? ' {#tips}' : '';
      expect(text.startsWith(first.slice(0, first.length - suffix.length))).toBe(true);
      expect(text.endsWith(suffix)).toBe(true);
      // Two more sentences, neither a question (questions.ts reads the whole starter).
      const added = text.slice(first.length - suffix.length, text.length - suffix.length);
      expect(added.match(/[.!]/g)?.length).toBe(2);
      expect(added).not.toContain('?');
    });
  });

  it('replace a starter by its planted text, leaving every other one as drawn', () => {
    const plain = starters(new TextFactory(new Rng(7), true, true));
    // The key is the starter as drawn before its detail sentences (the 4th has no suffix).
    const head = starters(new TextFactory(new Rng(7), true))[3] ?? '';
    const replaced = starters(new TextFactory(new Rng(7), true, true, new Map([[head, 'Planted text.']])));
    expect(replaced[3]).toBe('Planted text.');
    expect(replaced.filter((text, k) => text !== plain[k])).toEqual(['Planted text.']);
  });
});
