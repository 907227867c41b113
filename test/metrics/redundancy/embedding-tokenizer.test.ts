import { describe, expect, it } from 'vitest';
import { parseTokenizer, TokenizerFileError } from '../../../src/metrics/redundancy/embedding-tokenizer.js';

/** A vocab.txt: the id of a token is its line number (from 0). */
const VOCAB_TXT = [
  '[PAD]', // 0
  '[UNK]', // 1
  '[CLS]', // 2
  '[SEP]', // 3
  'un', // 4
  '##aff', // 5
  '##able', // 6
  'hello', // 7
  'world', // 8
  ',', // 9
  '!', // 10
  'cafe', // 11
  '中', // 12
  '文', // 13
  'runn', // 14
  '##ing', // 15
  '$', // 16
].join('\n');

function tokenizerJson(vocab: Record<string, number>, normalizer: Record<string, unknown> = {}): string {
  return JSON.stringify({
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
      ...normalizer,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  });
}

describe('WordPiece tokenizer (BERT basic tokenization, ids worked out by hand)', () => {
  const tokenizer = parseTokenizer(VOCAB_TXT);

  it('splits a word into its longest pieces, later ones with ##', () => {
    // BERT's own example: "unaffable" -> un ##aff ##able.
    expect(tokenizer.encode('unaffable', 256)).toEqual([2, 4, 5, 6, 3]);
    expect(tokenizer.encode('running', 256)).toEqual([2, 14, 15, 3]);
  });

  it('lower-cases, strips accents and splits punctuation (ASCII symbols included)', () => {
    expect(tokenizer.encode('Hello, WORLD!', 256)).toEqual([2, 7, 9, 8, 10, 3]);
    expect(tokenizer.encode('Café $hello', 256)).toEqual([2, 11, 16, 7, 3]);
  });

  it('makes each CJK ideograph a word of its own', () => {
    expect(tokenizer.words('中文abc')).toEqual(['中', '文', 'abc']);
    expect(tokenizer.encode('中文abc', 256)).toEqual([2, 12, 13, 1, 3]);
  });

  it('makes a whole word [UNK] when any part of it is not in the vocabulary', () => {
    expect(tokenizer.encode('runningx zzz', 256)).toEqual([2, 1, 1, 3]);
    expect(tokenizer.encode('x'.repeat(101), 256)).toEqual([2, 1, 3]);
  });

  it('drops control characters and treats tabs and newlines as spaces', () => {
    expect(tokenizer.encode('hel\u0000lo\tworld\nhe\u200bllo', 256)).toEqual([2, 7, 8, 7, 3]);
  });

  it('cuts the pieces so [CLS] + pieces + [SEP] fit maxTokens', () => {
    expect(tokenizer.encode('hello world hello', 4)).toEqual([2, 7, 8, 3]);
    expect(tokenizer.encode('unaffable world', 4)).toEqual([2, 4, 5, 3]);
    expect(tokenizer.encode('hello', 2)).toEqual([2, 3]);
  });

  it("follows tokenizer.json's normalizer: a cased model keeps case and accents", () => {
    const cased = parseTokenizer(
      tokenizerJson({ '[UNK]': 0, '[CLS]': 1, '[SEP]': 2, Hello: 3, hello: 4, é: 5, e: 6 }, { lowercase: false }),
    );
    expect(cased.encode('Hello hello é', 256)).toEqual([1, 3, 4, 5, 2]);
    const uncased = parseTokenizer(
      tokenizerJson({ '[UNK]': 0, '[CLS]': 1, '[SEP]': 2, Hello: 3, hello: 4, é: 5, e: 6 }),
    );
    expect(uncased.encode('Hello hello é', 256)).toEqual([1, 4, 4, 6, 2]);
  });

  it("gives the ids of Hugging Face's published bert-base-uncased example", () => {
    // tokenizers README: "Hello, y'all! How are you 😁 ?" ->
    // [101, 7592, 1010, 1061, 1005, 2035, 999, 2129, 2024, 2017, 100, 1029, 102]; the vocabulary
    // here holds those entries of bert-base-uncased's vocab.txt with their real ids.
    const bert = parseTokenizer(
      tokenizerJson({
        '[PAD]': 0,
        '[UNK]': 100,
        '[CLS]': 101,
        '[SEP]': 102,
        '!': 999,
        "'": 1005,
        ',': 1010,
        '?': 1029,
        you: 2017,
        are: 2024,
        all: 2035,
        how: 2129,
        y: 1061,
        hello: 7592,
      }),
    );
    expect(bert.encode("Hello, y'all! How are you 😁 ?", 512)).toEqual([
      101, 7592, 1010, 1061, 1005, 2035, 999, 2129, 2024, 2017, 100, 1029, 102,
    ]);
  });

  it('refuses a tokenizer it cannot follow, saying why', () => {
    const fails = (text: string) => {
      try {
        parseTokenizer(text);
      } catch (error) {
        expect(error).toBeInstanceOf(TokenizerFileError);
        return error instanceof Error ? error.message : '';
      }
      return 'no error';
    };
    expect(fails(JSON.stringify({ model: { type: 'BPE', vocab: { a: 0 } } }))).toMatch(
      /its model is BPE; only WordPiece \(BERT\) tokenizers are supported/,
    );
    expect(fails('{"model": ')).toMatch(/^not valid JSON/);
    expect(fails('[UNK]\n[SEP]\nhello')).toBe('the vocabulary has no [CLS] token');
    expect(fails('\n\n')).toBe('the vocabulary is empty');
  });
});
