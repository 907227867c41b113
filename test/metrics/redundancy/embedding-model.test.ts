import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddingFileError, loadSentenceEncoder } from '../../../src/metrics/redundancy/embedding-model.js';
import { INT64, onnxModel } from '../../helpers/onnx-graph.js';

// Hand-built by scripts/generate-embedding-fixtures.ts: every token's vector is an axis, e0 for
// build-failure words (build, failed, mac, ...), e1 for translation words, e2 for the rest ([CLS],
// [SEP], [UNK], ##s); [PAD] is (9, 9, 9). So a text's mean-pooled vector is its counts per axis.
const DIR = path.join(import.meta.dirname, '..', '..', 'fixtures', 'embedding');
const file = (name: string) => new Uint8Array(readFileSync(path.join(DIR, name)));
const text = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const options = { name: 'tokens-model.onnx', maxTokens: 256, batchSize: 16 };

const unit = (...v: number[]) => {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
};
const close = (actual: Float32Array | undefined, expected: number[]) => {
  expect(actual).toBeDefined();
  expect([...(actual ?? [])].map((x) => Number(x.toFixed(5)))).toEqual(expected.map((x) => Number(x.toFixed(5))));
};

describe('sentence encoder on a hand-built ONNX model', () => {
  it('mean-pools last_hidden_state over the attention mask and L2-normalizes, padding ignored', async () => {
    const encoder = await loadSentenceEncoder(file('tokens-model.onnx'), text('tokenizer.json'), options);
    // "build failed": [CLS] build failed [SEP] -> e2 + e0 + e0 + e2 = (2, 0, 2).
    // The second text is longer, so the first is padded with [PAD] (9, 9, 9) in the batch.
    // "Nightly builds failed on the mac runner with a liblzma compile error": e0 for build,
    // failed, mac, runner, liblzma, compile, error (7); e2 for [CLS], nightly, ##s, on, the, with,
    // a, [SEP] (8) -> (7, 0, 8).
    const [short, long, german] = await encoder.embed([
      'build failed',
      'Nightly builds failed on the mac runner with a liblzma compile error',
      'Translate the German wiki',
    ]);
    close(short, unit(2, 0, 2));
    close(long, unit(7, 0, 8));
    // [CLS] translate the german wiki [SEP]: e1 x3, e2 x3.
    close(german, unit(0, 3, 3));
  });

  it('gives each text the same vector alone as in a batch', async () => {
    const one = await loadSentenceEncoder(file('tokens-model.onnx'), text('tokenizer.json'), {
      ...options,
      batchSize: 1,
    });
    const [alone] = await one.embed(['build failed']);
    close(alone, unit(2, 0, 2));
  });

  it('cuts a text to maxTokens before the model reads it', async () => {
    const encoder = await loadSentenceEncoder(file('tokens-model.onnx'), text('tokenizer.json'), {
      ...options,
      maxTokens: 3,
    });
    // [CLS] build [SEP] = (1, 0, 2).
    close((await encoder.embed(['build failed']))[0], unit(1, 0, 2));
  });

  it("uses a model's pooled sentence_embedding, feeding only the inputs it declares, with a vocab.txt", async () => {
    // The model takes input_ids alone and averages all of them itself: (2, 0, 2) / 4, normalized here.
    const encoder = await loadSentenceEncoder(file('pooled-model.onnx'), text('vocab.txt'), {
      ...options,
      name: 'pooled-model.onnx',
    });
    const [short, long] = await encoder.embed([
      'build failed',
      'Nightly builds failed on the mac runner with a liblzma compile error',
    ]);
    close(short, unit(2, 0, 2));
    close(long, unit(7, 0, 8));
    expect(encoder.name).toBe('pooled-model.onnx');
  });

  it('says which file is unusable and why', async () => {
    const failure = async (model: Uint8Array, tokenizer: string) => {
      try {
        await loadSentenceEncoder(model, tokenizer, options);
      } catch (error) {
        expect(error).toBeInstanceOf(EmbeddingFileError);
        return error instanceof EmbeddingFileError ? `${error.file}: ${error.message}` : '';
      }
      return 'no error';
    };
    expect(await failure(new TextEncoder().encode('not a model'), text('tokenizer.json'))).toMatch(
      /^model: not a model the ONNX runtime can load \(.+\)$/,
    );
    expect(await failure(file('tokens-model.onnx'), '{"model": {"type": "Unigram"}}')).toBe(
      'tokenizer: its model is Unigram; only WordPiece (BERT) tokenizers are supported',
    );
  });
});

describe('a model whose signature is not a sentence encoder', () => {
  const tokenizer = readFileSync(path.join(DIR, 'tokenizer.json'), 'utf8');
  const identity = (input: string, output: string) =>
    onnxModel({
      opset: 13,
      nodes: [{ op: 'Identity', inputs: [input], outputs: [output] }],
      initializers: [],
      inputs: [{ name: input, type: INT64, shape: ['batch', 'sequence'] }],
      outputs: [{ name: output, type: INT64, shape: ['batch', 'sequence'] }],
    });
  const message = async (model: Uint8Array) =>
    loadSentenceEncoder(model, tokenizer, options).then(
      () => 'no error',
      (error: unknown) => (error instanceof EmbeddingFileError ? `${error.file}: ${error.message}` : String(error)),
    );

  it('is refused, naming the inputs or outputs it has', async () => {
    expect(await message(identity('tokens', 'last_hidden_state'))).toBe(
      'model: it has no input_ids input (inputs: tokens)',
    );
    expect(await message(identity('input_ids', 'logits'))).toBe(
      'model: it has neither a sentence_embedding nor a last_hidden_state / token_embeddings output (outputs: logits)',
    );
  });
});
