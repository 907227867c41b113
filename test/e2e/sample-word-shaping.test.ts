import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { sampleAnalyze, sharedPdfPages } from '../helpers/shared-run.js';
import { compareShaping, pdfkitWords } from '../report/pdf/word-shaping-check.js';
import { SHARED_SAMPLES, SHARED_SAMPLES_PRESENT } from '../helpers/shared-samples.js';

/**
 * Real text shaped by word-shaping.ts against fontkit, word by word, in both DejaVu faces: the
 * sample pilot's report (the README's main command), its exports and the shared sample exports
 * (Slack, Teams, Yammer, MediaWiki, Confluence, Mattermost). test/report/pdf/word-shaping.test.ts
 * has the edges and the byte comparison. Here because fontkit shaping ~20,000 words costs seconds.
 */

/** The text of the files under `dir` (recursively), leaving out binary files. */
function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return textFiles(file);
    const bytes = readFileSync(file);
    return bytes.includes(0) ? [] : [bytes.toString('utf8')];
  });
}

/** pdfkit's words of whole files; the report turns CRLF into LF (rich-text.ts cleanText). */
function fileWords(dir: string): string[] {
  return textFiles(dir).flatMap((text) => pdfkitWords(text.replace(/\r\n?/g, '\n')));
}

describe('real text shaped without fontkit', () => {
  let pages: string[];

  beforeAll(async () => {
    // The same run as sample-pilot.test.ts and sponsor-report.test.ts read (helpers/shared-run.ts).
    pages = await sharedPdfPages(await sampleAnalyze(), 'out/report.pdf');
  }, 60_000);

  it('gives fontkit’s glyphs and positions for every word of the sample pilot’s report and exports', () => {
    // pdfkit shapes words with their trailing space; the last word of a line has none.
    const words = pages.flatMap((page) => page.split(' ').flatMap((word) => [word, `${word} `]));
    expect(words.length).toBeGreaterThan(4000);
    const comparison = compareShaping([...words, ...fileWords(path.join(REPO_ROOT, 'fixtures/sample-pilot'))]);
    expect(comparison.mismatches).toEqual([]);
    // Most words take the direct path; those with fi/ff ligatures, other scripts, marks or a line
    // break inside (the exports' lines) do not.
    expect(comparison.direct).toBeGreaterThan(comparison.toFontkit);
  }, 60_000);

  // The shared samples are there in CI and beside the project (helpers/shared-samples.ts).
  it.skipIf(!SHARED_SAMPLES_PRESENT)(
    'gives fontkit’s glyphs and positions for every word of the shared sample exports',
    () => {
      const comparison = compareShaping(fileWords(SHARED_SAMPLES));
      expect(comparison.mismatches).toEqual([]);
      expect(comparison.direct).toBeGreaterThan(2_000);
    },
    60_000,
  );
});
