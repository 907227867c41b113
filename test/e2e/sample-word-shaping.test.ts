import { describe, expect, it } from 'vitest';
import { sampleAnalyze, sharedPdfPages } from '../helpers/shared-run.js';
import { compareShaping } from '../report/pdf/word-shaping-check.js';

/**
 * The sample pilot's report (the README's main command): every word it prints, shaped by
 * word-shaping.ts, has the glyphs and positions fontkit gives (test/report/pdf/word-shaping.test.ts
 * has the method and the other corpora).
 */
describe('the sample pilot report’s words shaped without fontkit', () => {
  it('gives fontkit’s glyphs and positions for every word of the report', async () => {
    const run = await sampleAnalyze();
    const pages = await sharedPdfPages(run, 'out/report.pdf');
    // pdfkit shapes words with their trailing space; the last word of a line has none.
    const words = pages.flatMap((page) => page.split(' ').flatMap((word) => [word, `${word} `]));
    expect(words.length).toBeGreaterThan(4000);
    const comparison = compareShaping(words);
    expect(comparison.mismatches).toEqual([]);
    expect(comparison.direct).toBeGreaterThan(comparison.toFontkit);
  });
});
