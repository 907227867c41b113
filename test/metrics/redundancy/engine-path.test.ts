import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentOf } from '../../../src/metrics/redundancy/clean-text.js';
import { comparedItems } from '../../../src/metrics/redundancy/compared-items.js';
import { contentSql } from '../../../src/metrics/redundancy/content-sql.js';
import { engineComparedItems } from '../../../src/metrics/redundancy/engine-items.js';
import { computeRedundancy, DEFAULT_REDUNDANCY_CONFIG as C } from '../../../src/metrics/redundancy/index.js';
import { redundancyItems } from '../../../src/metrics/redundancy/queries.js';
import { populationOf } from '../../../src/metrics/redundancy/term-corpus.js';
import { foldWord } from '../../../src/metrics/redundancy/tokenize.js';
import { unicodeWords } from '../../../src/metrics/redundancy/unicode-words.js';
import type { Query } from '../../../src/model/query.js';
import { keptPairs, loadRedundancyPilots, PATH_CASES, type RedundancyPilot } from '../../helpers/redundancy-pilots.js';
import { metricContext } from '../context.js';

/**
 * The engine path of duplicate efforts (engine-items.ts) against the JS path (compared-items.ts):
 * the SQL content rule against `contentOf` on every text, and the same pairs, scores and
 * clusters on the bundled sample pilot and the real Slack export with labelled pairs.
 */
const pilots: RedundancyPilot[] = [];

beforeAll(() => loadRedundancyPilots(pilots), 120_000);

afterAll(async () => {
  for (const p of pilots) await p.dataset.close();
});

/** contentOf by the SQL rule, for each of `texts`. */
async function sqlContents(query: Query, texts: readonly string[]): Promise<string[]> {
  const rows = await query.all<{ content: string }>(
    `WITH src AS (SELECT unnest(from_json($texts, '["VARCHAR"]')) AS body, generate_subscripts(from_json($texts, '["VARCHAR"]'), 1) AS n),
     ${contentSql('content', 'src', ['n'])}
     SELECT content FROM content ORDER BY n`,
    { texts: JSON.stringify(texts) },
  );
  return rows.map((r) => r.content);
}

/** The folded words of `text` as the JS path reads them. */
const termsOf = (text: string): string[] =>
  unicodeWords(text).flatMap((w) => {
    const t = foldWord(w);
    return t === null ? [] : [t];
  });

describe('the SQL content rule', () => {
  it('gives contentOf up to white space on every text of both pilots and the labelled fixture', async () => {
    const query = pilots[0]?.dataset.query;
    if (!query) throw new Error('no pilot');
    const fixture = JSON.parse(
      readFileSync(new URL('../../fixtures/redundancy/labelled-pairs.json', import.meta.url), 'utf8'),
    ) as { pairs: { a: string; b: string }[] };
    const texts = fixture.pairs.flatMap((p) => [p.a, p.b]);
    for (const p of pilots) {
      const rows = await redundancyItems(p.dataset.query, p.period.since, p.period.until, C.maxTextLength);
      texts.push(...rows.map((r) => r.body));
    }
    expect(texts.length).toBeGreaterThan(500);
    const sql = await sqlContents(query, texts);
    const differing = texts.filter((t, k) => contentOf(t) !== (sql[k] ?? '').replace(/\s+/g, ' ').trim());
    expect(differing).toEqual([]);
  });

  it('handles what RE2 reads differently from JavaScript', async () => {
    const query = pilots[0]?.dataset.query;
    if (!query) throw new Error('no pilot');
    const texts = [
      // Mentions right after a mention that ends in a non-ASCII letter or a dash (the look-behind).
      'Ping @José@Ana and @Ana-@Bob about the rollout of the forklift schedule',
      // A mention after a word character or a dot is no mention.
      'mail ana@corp and x.@Bob stays, @Carol Smith goes, @here too',
      // A file share ending at a carriage return, and a comment after it.
      'uploaded a file: Screen Shot 2015.png\r\nthe dashboards are slow and commented: keep this',
      'Bob shared a file: plan.pdf and commented: the pallet labels are wrong',
      // JavaScript white space that RE2's \\s does not know.
      '\u00a0Hi\u2003team,\u00a0the cold store sensors drift again\u3000Thanks\u00a0Ana Lopez',
      'Good morning everyone! history of the depot. Kind regards, Bob',
      // Links: upper-case WWW without a scheme is left, as contentOf leaves it.
      'see WWW.example.com and https://x.y/z?q=1\u00a0now www.a.b/c',
      ':wave::skin-tone-2: emoji codes :+1: and a 12:30:00 time',
      // A sign-off that starts where the last 80 characters start.
      `${'x'.repeat(100)} regards`,
      'Ökologische Straße für Café-Besucher, naïve façade ﬁnance ① thanks',
      'Thanks! Best, Ana',
    ];
    const sql = await sqlContents(query, texts);
    expect(sql.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(texts.map(contentOf));
    // And the words of the chunks the engine cuts are the words of the text.
    const chunks = await query.all<{ n: number; chunks: string[] }>(
      `SELECT n, regexp_extract_all(t, '[A-Za-z0-9\\x{80}-\\x{10FFFF}]+') AS chunks
       FROM (SELECT unnest(from_json($texts, '["VARCHAR"]')) AS t, generate_subscripts(from_json($texts, '["VARCHAR"]'), 1) AS n) ORDER BY n`,
      { texts: JSON.stringify(texts) },
    );
    expect(chunks.map((r) => r.chunks.flatMap(termsOf))).toEqual(texts.map(termsOf));
  });
});

/**
 * Small pilots hold every item in some short posting list, so the engine loads them all: these
 * also run with postings of at most 3 texts and an LSA sample of 60, so that it loads a part.
 */
describe.each(PATH_CASES)('the engine path, %o', ({ meaning, maxPostings, lsaMaxDocs }) => {
  const config = { ...C, meaning, lsaMaxDocs };
  it.each([0, 1])('gives the JS path’s pairs and scores on pilot %i', async (n) => {
    const pilot = pilots[n];
    if (!pilot) throw new Error('no pilot');
    const { query } = pilot.dataset;
    const js = await comparedItems(query, pilot.period, C.maxTextLength, C.minWords);
    const found = await engineComparedItems(query, pilot.period, {
      cap: C.maxTextLength,
      minWords: C.minWords,
      maxPostings,
      lsaDocs: meaning ? lsaMaxDocs : 0,
    });
    if (!('items' in found)) throw new Error(found.mismatch);
    const engine = found.items;
    expect(populationOf(engine.corpus)).toBe(js.ids.length);
    // A part is loaded when the postings are short and the LSA sample (if any) is not everything.
    if (maxPostings < 200 && (!meaning || lsaMaxDocs < js.ids.length))
      expect(engine.ids.length).toBeLessThan(js.ids.length);
    const pairs = keptPairs(js, config, maxPostings);
    expect(pairs.length).toBeGreaterThan(0);
    expect(keptPairs(engine, config, maxPostings)).toEqual(pairs);
  });
});

describe.each([true, false])('duplicate efforts by the engine path, meaning rule %s', (meaning) => {
  it.each([0, 1])('are those of the JS path on pilot %i', async (n) => {
    const pilot = pilots[n];
    if (!pilot) throw new Error('no pilot');
    const ctx = metricContext(pilot.period);
    const viaJs = await computeRedundancy(pilot.dataset.query, ctx, { config: { meaning } });
    if (n === 0) expect(viaJs.clustersFound).toBeGreaterThan(0);
    expect(await computeRedundancy(pilot.dataset.query, ctx, { config: { meaning }, engineAbove: 0 })).toEqual(viaJs);
  });
});
