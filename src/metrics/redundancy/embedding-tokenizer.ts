/**
 * BERT's WordPiece tokenizer, as sentence-embedding models such as all-MiniLM-L6-v2 ship it
 * (`tokenizer.json` with a WordPiece model, or a bare `vocab.txt`): the model only means something
 * when fed the exact ids it was trained on, so this follows BERT's BasicTokenizer and WordPiece
 * step by step (Devlin et al.'s `tokenization.py`, Hugging Face's `BertNormalizer`).
 */

/** What a WordPiece tokenizer needs. */
export interface WordPieceSettings {
  vocab: ReadonlyMap<string, number>;
  /** Lower-case the text (an uncased model). */
  lowercase: boolean;
  /** Strip accents (NFD, combining marks dropped); BERT ties it to `lowercase` unless told. */
  stripAccents: boolean;
  /** Put spaces around CJK ideographs, so each is a word of its own. */
  splitCjk: boolean;
  unkToken: string;
  /** Continuation prefix of a word's later pieces. */
  prefix: string;
  /** Longer words are one unknown token. */
  maxCharsPerWord: number;
}

/** The ids of one text: [CLS] pieces [SEP], at most `maxTokens` long. */
export interface TokenIds {
  ids: number[];
}

/** A tokenizer file that cannot be used (the caller names the file). */
export class TokenizerFileError extends Error {}

export class WordPieceTokenizer {
  private readonly cls: number;
  private readonly sep: number;
  private readonly unk: number;
  /** The id padding takes in a batch (the attention mask hides it). */
  readonly padId: number;

  constructor(private readonly settings: WordPieceSettings) {
    const id = (token: string): number => {
      const found = settings.vocab.get(token);
      if (found === undefined) throw new TokenizerFileError(`the vocabulary has no ${token} token`);
      return found;
    };
    this.cls = id('[CLS]');
    this.sep = id('[SEP]');
    this.unk = id(settings.unkToken);
    this.padId = settings.vocab.get('[PAD]') ?? 0;
  }

  /** The words BERT's basic tokenizer makes of `text` (normalized, split on space and punctuation). */
  words(text: string): string[] {
    const { lowercase, stripAccents, splitCjk } = this.settings;
    let clean = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp === 0 || cp === 0xfffd || isControl(ch)) continue;
      if (isWhitespace(ch)) clean += ' ';
      else if (splitCjk && isCjk(cp)) clean += ` ${ch} `;
      else clean += ch;
    }
    const words: string[] = [];
    for (const raw of clean.split(' ')) {
      if (raw === '') continue;
      let word = lowercase ? raw.toLowerCase() : raw;
      if (stripAccents) word = word.normalize('NFD').replace(/\p{Mn}/gu, '');
      let current = '';
      for (const ch of word) {
        if (isPunctuation(ch)) {
          if (current !== '') words.push(current);
          words.push(ch);
          current = '';
        } else current += ch;
      }
      if (current !== '') words.push(current);
    }
    return words;
  }

  /** One word's pieces, longest match first; the whole word is unknown when a part is not in the vocabulary. */
  pieces(word: string): number[] {
    const chars = [...word];
    if (chars.length > this.settings.maxCharsPerWord) return [this.unk];
    const ids: number[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let found: number | undefined;
      while (start < end) {
        const piece = (start > 0 ? this.settings.prefix : '') + chars.slice(start, end).join('');
        found = this.settings.vocab.get(piece);
        if (found !== undefined) break;
        end -= 1;
      }
      if (found === undefined) return [this.unk];
      ids.push(found);
      start = end;
    }
    return ids;
  }

  /** [CLS] + the text's pieces + [SEP], the pieces cut so the whole is at most `maxTokens` (at least 2). */
  encode(text: string, maxTokens: number): number[] {
    const room = Math.max(0, maxTokens - 2);
    const ids: number[] = [this.cls];
    for (const word of this.words(text)) {
      for (const id of this.pieces(word)) {
        if (ids.length > room) break;
        ids.push(id);
      }
      if (ids.length > room) break;
    }
    ids.push(this.sep);
    return ids;
  }
}

// Tab, newline and carriage return are whitespace to BERT, not control characters.
function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || /\p{Zs}/u.test(ch);
}

function isControl(ch: string): boolean {
  if (ch === '\t' || ch === '\n' || ch === '\r') return false;
  return /[\p{Cc}\p{Cf}]/u.test(ch);
}

// BERT counts every non-alphanumeric ASCII character as punctuation ($, ^, `), not only Unicode's P classes.
function isPunctuation(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126))
    return true;
  return /\p{P}/u.test(ch);
}

/** The CJK Unified Ideographs blocks BERT splits (not Hangul, Hiragana or Katakana, which are spaced words). */
function isCjk(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

/**
 * The tokenizer a file describes: a Hugging Face `tokenizer.json` (WordPiece model, BERT
 * normalizer) when the text is a JSON object, else a `vocab.txt` (one token a line, id = line
 * number, uncased as the common English models are).
 * @throws TokenizerFileError saying what is wrong with the file.
 */
export function parseTokenizer(text: string): WordPieceTokenizer {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) {
    const vocab = new Map<string, number>();
    text.split(/\r?\n/).forEach((line, id) => {
      if (line !== '' && !vocab.has(line)) vocab.set(line, id);
    });
    if (vocab.size === 0) throw new TokenizerFileError('the vocabulary is empty');
    return new WordPieceTokenizer({ ...BERT_DEFAULTS, vocab });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TokenizerFileError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return fromTokenizerJson(json);
}

const BERT_DEFAULTS = {
  lowercase: true,
  stripAccents: true,
  splitCjk: true,
  unkToken: '[UNK]',
  prefix: '##',
  maxCharsPerWord: 100,
} as const;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : undefined;
}

function fromTokenizerJson(json: unknown): WordPieceTokenizer {
  const model = record(record(json)?.model);
  if (model?.type !== 'WordPiece')
    throw new TokenizerFileError(
      `its model is ${String(model?.type ?? 'missing')}; only WordPiece (BERT) tokenizers are supported`,
    );
  const vocab = new Map<string, number>();
  for (const [token, id] of Object.entries(record(model.vocab) ?? {}))
    if (typeof id === 'number' && Number.isInteger(id)) vocab.set(token, id);
  if (vocab.size === 0) throw new TokenizerFileError('its WordPiece vocabulary is empty');
  const normalizer = bertNormalizer(record(json)?.normalizer);
  const lowercase = typeof normalizer?.lowercase === 'boolean' ? normalizer.lowercase : BERT_DEFAULTS.lowercase;
  return new WordPieceTokenizer({
    vocab,
    lowercase,
    // `strip_accents: null` means "as lowercase" (Hugging Face's BertNormalizer).
    stripAccents: typeof normalizer?.strip_accents === 'boolean' ? normalizer.strip_accents : lowercase,
    splitCjk:
      typeof normalizer?.handle_chinese_chars === 'boolean' ? normalizer.handle_chinese_chars : BERT_DEFAULTS.splitCjk,
    unkToken: typeof model.unk_token === 'string' ? model.unk_token : BERT_DEFAULTS.unkToken,
    prefix:
      typeof model.continuing_subword_prefix === 'string' ? model.continuing_subword_prefix : BERT_DEFAULTS.prefix,
    maxCharsPerWord:
      typeof model.max_input_chars_per_word === 'number'
        ? model.max_input_chars_per_word
        : BERT_DEFAULTS.maxCharsPerWord,
  });
}

/** The BertNormalizer settings, alone or inside a Sequence; undefined when there is none. */
function bertNormalizer(value: unknown): Record<string, unknown> | undefined {
  const normalizer = record(value);
  if (normalizer?.type === 'BertNormalizer') return normalizer;
  if (normalizer?.type === 'Sequence' && Array.isArray(normalizer.normalizers))
    for (const inner of normalizer.normalizers) {
      const found = bertNormalizer(inner);
      if (found) return found;
    }
  return undefined;
}
