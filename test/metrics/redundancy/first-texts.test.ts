import { describe, expect, it } from 'vitest';
import { FirstTexts } from '../../../src/metrics/redundancy/first-texts.js';

/**
 * The JS path of duplicate efforts finds a text met again itself (first-texts.ts, issue 16 item 3):
 * by a number hashed from the text, checked on the strings, so that two texts are one only when
 * they are equal. The numbers below are worked out by hand.
 */
describe('FirstTexts', () => {
  it('numbers texts in the order first met and names a text met again by its number', () => {
    const texts = new FirstTexts();
    expect(texts.repeatOf('forklift slots', 11)).toBe(-1); // text 0
    expect(texts.repeatOf('badge printer', 12)).toBe(-1); // text 1
    expect(texts.repeatOf('forklift slots', 11)).toBe(0);
    expect(texts.repeatOf('badge printer', 12)).toBe(1);
    expect(texts.repeatOf('forklift slots', 11)).toBe(0);
    expect(texts.size).toBe(2);
  });

  it('tells apart two texts that share a hash, and finds each again', () => {
    const texts = new FirstTexts();
    expect(texts.repeatOf('forklift slots', 7)).toBe(-1); // text 0
    expect(texts.repeatOf('badge printer', 7)).toBe(-1); // text 1: same hash, another text
    expect(texts.repeatOf('café menu', 7)).toBe(-1); // text 2: a third one on that hash
    expect(texts.repeatOf('badge printer', 7)).toBe(1);
    expect(texts.repeatOf('forklift slots', 7)).toBe(0);
    expect(texts.repeatOf('café menu', 7)).toBe(2);
    // A text of another hash is new even when a clashed one holds the same hash's place.
    expect(texts.repeatOf('badge printer!', 8)).toBe(-1); // text 3
    expect(texts.size).toBe(4);
  });

  it('compares strings, not what they look like', () => {
    const texts = new FirstTexts();
    // "é" as one code point and as "e" with a combining accent: two texts.
    expect(texts.repeatOf('caf\u00e9', 3)).toBe(-1);
    expect(texts.repeatOf('cafe\u0301', 3)).toBe(-1);
    expect(texts.repeatOf('cafe\u0301', 3)).toBe(1);
    expect(texts.repeatOf('', 4)).toBe(-1);
    expect(texts.repeatOf('', 4)).toBe(2);
  });
});
