import { describe, expect, it } from 'vitest';
import { splitRuns } from '../../../src/report/pdf/text-runs.js';

// A stand-in for the fonts: the primary covers everything below U+2E80, the fallback CJK.
const primary = (codePoint: number): boolean => codePoint < 0x2e80;
const cjk = (codePoint: number): boolean => codePoint >= 0x4e00 && codePoint <= 0x9fff;

describe('splitRuns', () => {
  it('keeps text the primary font covers in one run', () => {
    expect(splitRuns('Олена Коваленко, Zoë Łukasz', primary, cjk)).toEqual([
      { text: 'Олена Коваленко, Zoë Łukasz', fallback: false },
    ]);
  });

  it('switches to the fallback for CJK and back, spaces staying with the run they follow', () => {
    expect(splitRuns('王伟 and 李娜', primary, cjk)).toEqual([
      { text: '王伟 ', fallback: true },
      { text: 'and ', fallback: false },
      { text: '李娜', fallback: true },
    ]);
  });

  it('keeps a combining mark with its base letter even when only one font has the mark', () => {
    // "e" + U+0308 (combining diaeresis) after a CJK run: the mark follows "e" into the primary run.
    const onlyPrimaryHasMark = (codePoint: number): boolean => codePoint !== 0x0308 && primary(codePoint);
    expect(splitRuns('王e\u0308', onlyPrimaryHasMark, cjk)).toEqual([
      { text: '王', fallback: true },
      { text: 'e\u0308', fallback: false },
    ]);
  });

  it('leaves characters neither font covers in the primary font', () => {
    expect(splitRuns('a\u{1F600}b', primary, cjk)).toEqual([{ text: 'a\u{1F600}b', fallback: false }]);
  });

  it('returns no runs for empty text', () => {
    expect(splitRuns('', primary, cjk)).toEqual([]);
  });
});
