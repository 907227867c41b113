/**
 * Writes the tiny sentence-embedding models the embedding tests run (test/fixtures/embedding/):
 * no real model can be downloaded where the tests run, and a hand-built one has vectors a test
 * can work out by hand. Every token's vector is one axis: e0 for build-failure words, e1 for
 * translation words, e2 for everything else ([UNK], [CLS], [SEP], "##s"); [PAD] is (9, 9, 9), so
 * pooling that forgot the attention mask would show.
 *
 *   node --import tsx scripts/generate-embedding-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FLOAT, INT64, onnxModel } from '../test/helpers/onnx-graph.js';

const OUT = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'embedding');

const E0 = [1, 0, 0];
const E1 = [0, 1, 0];
const E2 = [0, 0, 1];
const VOCAB: [string, number[]][] = [
  ['[PAD]', [9, 9, 9]],
  ['[UNK]', E2],
  ['[CLS]', E2],
  ['[SEP]', E2],
  ['build', E0],
  ['##s', E2],
  ['failed', E0],
  ['compile', E0],
  ['error', E0],
  ['mac', E0],
  ['runner', E0],
  ['liblzma', E0],
  ['xcode', E0],
  ['translate', E1],
  ['translation', E1],
  ['german', E1],
  ['wiki', E1],
  ['onboarding', E1],
  ['pages', E1],
  ['docs', E1],
  ['friday', E2],
  ['kitchen', E2],
];
const table = VOCAB.flatMap(([, v]) => v);
const ids = { name: 'input_ids', type: INT64, shape: ['batch', 'sequence'] };

// A BERT-like signature: three inputs, token vectors out (token type 0 adds nothing; 1 would add (1, 1, 1)).
const tokens = onnxModel({
  opset: 13,
  nodes: [
    { op: 'Gather', inputs: ['table', 'input_ids'], outputs: ['words'] },
    { op: 'Gather', inputs: ['types', 'token_type_ids'], outputs: ['typed'] },
    { op: 'Add', inputs: ['words', 'typed'], outputs: ['last_hidden_state'] },
  ],
  initializers: [
    { name: 'table', type: FLOAT, dims: [VOCAB.length, 3], values: table },
    { name: 'types', type: FLOAT, dims: [2, 3], values: [0, 0, 0, 1, 1, 1] },
  ],
  inputs: [
    ids,
    { name: 'attention_mask', type: INT64, shape: ['batch', 'sequence'] },
    { name: 'token_type_ids', type: INT64, shape: ['batch', 'sequence'] },
  ],
  outputs: [{ name: 'last_hidden_state', type: FLOAT, shape: ['batch', 'sequence', 3] }],
});

// Only input_ids in, a pooled (unnormalized) mean out, as `sentence_embedding`.
const pooled = onnxModel({
  opset: 13,
  nodes: [
    { op: 'Gather', inputs: ['table', 'input_ids'], outputs: ['words'] },
    {
      op: 'ReduceMean',
      inputs: ['words'],
      outputs: ['sentence_embedding'],
      attributes: [
        { name: 'axes', ints: [1] },
        { name: 'keepdims', int: 0 },
      ],
    },
  ],
  initializers: [{ name: 'table', type: FLOAT, dims: [VOCAB.length, 3], values: table }],
  inputs: [ids],
  outputs: [{ name: 'sentence_embedding', type: FLOAT, shape: ['batch', 3] }],
});

const tokenizer = {
  version: '1.0',
  truncation: null,
  padding: null,
  normalizer: {
    type: 'BertNormalizer',
    clean_text: true,
    handle_chinese_chars: true,
    strip_accents: null,
    lowercase: true,
  },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  model: {
    type: 'WordPiece',
    unk_token: '[UNK]',
    continuing_subword_prefix: '##',
    max_input_chars_per_word: 100,
    vocab: Object.fromEntries(VOCAB.map(([token], id) => [token, id])),
  },
};

writeFileSync(path.join(OUT, 'tokens-model.onnx'), tokens);
writeFileSync(path.join(OUT, 'pooled-model.onnx'), pooled);
writeFileSync(path.join(OUT, 'tokenizer.json'), `${JSON.stringify(tokenizer, null, 2)}\n`);
writeFileSync(path.join(OUT, 'vocab.txt'), `${VOCAB.map(([token]) => token).join('\n')}\n`);
