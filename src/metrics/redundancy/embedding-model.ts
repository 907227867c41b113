import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { parseTokenizer, type WordPieceTokenizer } from './embedding-tokenizer.js';

/**
 * A local sentence-embedding model (ONNX, such as all-MiniLM-L6-v2's export) run on the CPU with
 * onnxruntime-web's WebAssembly build: it ships inside the npm package, so nothing is downloaded,
 * at install or at run time. The caller reads the files; this module never touches the disk.
 */
export interface SentenceEncoder {
  /** The model file's name, as the report names the method. */
  name: string;
  /** Unit-length embeddings of `texts`, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** How the model is fed. */
export interface EncoderOptions {
  /** The model file's name (shown in the report). */
  name: string;
  /** Tokens per text, [CLS] and [SEP] included; longer texts are cut. */
  maxTokens: number;
  /** Texts run together (padded to the longest of them). */
  batchSize: number;
}

/** Which file of the pair is unusable, and why (the caller turns it into a config error). */
export class EmbeddingFileError extends Error {
  constructor(
    readonly file: 'model' | 'tokenizer',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Outputs read, in order of preference: a pooled sentence vector, else token vectors to average. */
const POOLED = 'sentence_embedding';
const TOKEN_OUTPUTS = ['last_hidden_state', 'token_embeddings'] as const;

/**
 * The encoder of an ONNX model (its bytes) and its WordPiece tokenizer (the text of
 * `tokenizer.json` or `vocab.txt`).
 * @throws EmbeddingFileError when either cannot be used.
 */
export async function loadSentenceEncoder(
  modelBytes: Uint8Array,
  tokenizerText: string,
  options: EncoderOptions,
): Promise<SentenceEncoder> {
  let tokenizer: WordPieceTokenizer;
  try {
    tokenizer = parseTokenizer(tokenizerText);
  } catch (error) {
    throw new EmbeddingFileError('tokenizer', error instanceof Error ? error.message : String(error), { cause: error });
  }
  // Loaded only when a model is configured: the runtime is large, and most runs never need it.
  const ort = await import('onnxruntime-web');
  // One thread: the run's other work is single-threaded too, and sums keep one order (same vectors every run).
  ort.env.wasm.numThreads = 1;
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(modelBytes);
  } catch (error) {
    throw new EmbeddingFileError('model', `not a model the ONNX runtime can load (${firstLine(error)})`, {
      cause: error,
    });
  }
  if (!session.inputNames.includes('input_ids'))
    throw new EmbeddingFileError('model', `it has no input_ids input (inputs: ${session.inputNames.join(', ')})`);
  const output = session.outputNames.includes(POOLED)
    ? POOLED
    : TOKEN_OUTPUTS.find((name) => session.outputNames.includes(name));
  if (output === undefined)
    throw new EmbeddingFileError(
      'model',
      `it has neither a ${POOLED} nor a ${TOKEN_OUTPUTS.join(' / ')} output (outputs: ${session.outputNames.join(', ')})`,
    );
  const feeds = {
    mask: session.inputNames.includes('attention_mask'),
    types: session.inputNames.includes('token_type_ids'),
  };
  // Without an attention mask padding would count as text, so each text runs alone.
  const batchSize = feeds.mask ? Math.max(1, options.batchSize) : 1;
  const run = async (ids: readonly number[][]): Promise<Float32Array[]> => {
    const width = Math.max(...ids.map((row) => row.length));
    const shape = [ids.length, width];
    const flat = new BigInt64Array(ids.length * width).fill(BigInt(tokenizer.padId));
    const mask = new BigInt64Array(ids.length * width);
    ids.forEach((row, b) =>
      row.forEach((id, s) => {
        flat[b * width + s] = BigInt(id);
        mask[b * width + s] = 1n;
      }),
    );
    const inputs: Record<string, Tensor> = { input_ids: new ort.Tensor('int64', flat, shape) };
    if (feeds.mask) inputs.attention_mask = new ort.Tensor('int64', mask, shape);
    if (feeds.types) inputs.token_type_ids = new ort.Tensor('int64', new BigInt64Array(flat.length), shape);
    const result = (await session.run(inputs))[output];
    if (!result) throw new Error(`the model returned no ${output}`);
    return pooled(result, mask, ids.length, width).map(normalized);
  };
  return {
    name: options.name,
    async embed(texts) {
      const encoded = texts.map((t) => tokenizer.encode(t, options.maxTokens));
      // Batches of texts of about one length: padding is computed like text, then thrown away.
      const byLength = encoded.map((_, k) => k).sort((a, b) => (encoded[a]?.length ?? 0) - (encoded[b]?.length ?? 0));
      const vectors: Float32Array[] = new Array(texts.length);
      for (let start = 0; start < byLength.length; start += batchSize) {
        const batch = byLength.slice(start, start + batchSize);
        const results = await run(batch.map((k) => encoded[k] ?? []));
        batch.forEach((k, n) => {
          const vector = results[n];
          if (vector) vectors[k] = vector;
        });
      }
      return vectors;
    },
  };
}

/**
 * One vector per text: the pooled output as it is ([batch, dim]), or the mean of the token
 * vectors ([batch, tokens, dim]) over the attention mask, as sentence-transformers pools them.
 */
export function pooled(output: Tensor, mask: BigInt64Array, batch: number, width: number): Float32Array[] {
  const data = output.data;
  if (!(data instanceof Float32Array)) throw new Error(`the model's output is ${output.type}, not float32`);
  const dims = output.dims;
  if (dims.length === 2 && dims[0] === batch) {
    const dim = dims[1] ?? 0;
    return Array.from({ length: batch }, (_, b) => data.slice(b * dim, (b + 1) * dim));
  }
  if (dims.length !== 3 || dims[0] !== batch || dims[1] !== width)
    throw new Error(`the model's output has shape [${dims.join(', ')}], not [${batch}, ${width}, dim]`);
  const dim = dims[2] ?? 0;
  return Array.from({ length: batch }, (_, b) => {
    const sum = new Float32Array(dim);
    let count = 0;
    for (let s = 0; s < width; s += 1) {
      if (mask[b * width + s] !== 1n) continue;
      count += 1;
      const at = (b * width + s) * dim;
      for (let d = 0; d < dim; d += 1) sum[d] = (sum[d] ?? 0) + (data[at + d] ?? 0);
    }
    for (let d = 0; d < dim; d += 1) sum[d] = (sum[d] ?? 0) / Math.max(1, count);
    return sum;
  });
}

/** `v` scaled to length 1 (a zero vector stays zero): the dot product of two is then their cosine. */
export function normalized(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  return norm === 0 ? v : v.map((x) => x / norm);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
