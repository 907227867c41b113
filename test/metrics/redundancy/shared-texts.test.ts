import { describe, expect, it } from 'vitest';
import { contentOf, contentWithSpaces, isIntroduction } from '../../../src/metrics/redundancy/clean-text.js';
import { comparedItems } from '../../../src/metrics/redundancy/compared-items.js';
import { redundancyTexts } from '../../../src/metrics/redundancy/queries.js';
import { TermCorpusBuilder, termCorpusOf } from '../../../src/metrics/redundancy/term-corpus.js';
import { unicodeWords } from '../../../src/metrics/redundancy/unicode-words.js';
import { inlineDataset } from '../../helpers/dataset.js';
import { sharedTextActivities } from '../../helpers/shared-texts.js';

/**
 * A text several items share (a template, a cross-post, a "+1") is read out of DuckDB, cleaned
 * and split into words once (issue 16 item 3): the items must be what reading every text gives.
 */
describe('TermCorpusBuilder.repeat', () => {
  it('adds a text again as add would, without reading it', () => {
    const texts = ['Apples, apple and bananas', 'cherry pie', 'Apples, apple and bananas', 'banana cherry'];
    const builder = new TermCorpusBuilder();
    const first = builder.add(texts[0] ?? '');
    builder.add(texts[1] ?? '');
    expect(builder.repeat(first)).toBe(2);
    builder.add(texts[3] ?? '');
    const corpus = builder.build();
    // {appl ×2, banana}, {cherry, pie}, {appl ×2, banana} again, {banana, cherry}.
    expect([...corpus.offsets]).toEqual([0, 2, 4, 6, 8]);
    expect([...corpus.termIds]).toEqual([0, 1, 2, 3, 0, 1, 1, 2]);
    expect([...corpus.counts]).toEqual([2, 1, 1, 1, 2, 1, 1, 1]);
    expect([...corpus.df]).toEqual([2, 3, 2, 1]);
    expect(corpus).toEqual(termCorpusOf(texts));
  });
});

describe('contentWithSpaces', () => {
  it('holds the words of contentOf', () => {
    const texts = [
      'Hi all,\n\n  @Ana Lima  see https://x.example/a   and   report-final.pdf\u00a0today. Thanks!\nBob',
      ' \u2003Greetings team: the\u00a0 forklift  sheet\r\n is  late ',
      'café  naïve\u3000façade :wave: done',
    ];
    for (const text of texts) {
      expect(contentWithSpaces(text)).not.toBe(contentOf(text));
      expect(unicodeWords(contentWithSpaces(text))).toEqual(unicodeWords(contentOf(text)));
    }
  });
});

describe('isIntroduction', () => {
  it('finds each form of self-introduction behind its cheap test', () => {
    for (const text of [
      'My name is Rafael',
      'Hello! I am Samyak, data science',
      "I'm Lena. New here",
      'I’m Lena! New here',
      'Hello, John Ross here. I am a data analyst',
      'Let me introduce myself',
      'introducing myself: ops lead',
    ])
      expect(isIntroduction(text)).toBe(true);
    for (const text of ['my Name is', 'I am having issues', 'Where is it? here, Bob', 'Introduce yourself'])
      expect(isIntroduction(text)).toBe(false);
  });
});

describe('comparedItems with texts shared by several items', () => {
  it('gives the corpus and columns of reading every text', async () => {
    // A wiki page with the same text as a thread, created at the same instant as the first one.
    const activities = sharedTextActivities();
    const { dataset } = await inlineDataset({ activities });
    const period = { since: '2026-03-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z', timeZone: 'UTC' };
    const items = await comparedItems(dataset.query, period, 2000, 4);
    // Independently: every text streamed, cleaned and added, as before texts were shared.
    const builder = new TermCorpusBuilder();
    const kept: { id: string; page: boolean; intro: boolean; active: boolean; at: number }[] = [];
    for await (const batch of redundancyTexts(dataset.query, period.since, period.until, 2000))
      for (const row of batch)
        if (builder.add(contentOf(row.body), 4) >= 0)
          kept.push({
            id: row.item_id,
            page: row.is_page,
            intro: isIntroduction(row.body),
            active: row.active,
            at: row.at_ms,
          });
    await dataset.close();
    // The two "Thanks, done" are too short; the other 7 items are kept, the page among them.
    expect(items.ids).toEqual(kept.map((r) => r.id));
    expect(items.ids).toHaveLength(7);
    expect(items.corpus).toEqual(builder.build());
    expect([...items.isPage]).toEqual(kept.map((r) => (r.page ? 1 : 0)));
    expect([...items.introduction]).toEqual(kept.map((r) => (r.intro ? 1 : 0)));
    expect([...items.introduction].filter((x) => x === 1)).toHaveLength(2);
    expect([...items.active]).toEqual(kept.map((r) => (r.active ? 1 : 0)));
    expect([...items.atMs]).toEqual(kept.map((r) => r.at));
    // Three copies of the long text and the page: one term list, df 4 for each of its terms.
    expect(items.corpus.df[items.corpus.termIds[0] ?? 0]).toBe(4);
  });
});
