import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/defaults.js';
import { ConfigError } from '../errors.js';
import { EmbeddingFileError, loadSentenceEncoder } from '../metrics/redundancy/embedding-model.js';
import type { EmbeddingSetting } from '../metrics/redundancy/embedding-scorer.js';

/** Defaults of `redundancy.embeddingModel` (docs/metrics.md §10). */
export const EMBEDDING_DEFAULTS = { maxTokens: 256, threshold: 0.7, batchSize: 16 } as const;

const HINT =
  '  hint: redundancy.embeddingModel needs an ONNX sentence-embedding model and its tokenizer.json or vocab.txt (docs/metrics.md §10); remove the key to match by LSA';

/**
 * The sentence-embedding model the config names (`redundancy.embeddingModel`), read from disk and
 * loaded, or undefined when none is named. Loaded before the inputs are read, so a wrong path
 * costs nothing.
 * @throws ConfigError naming the file that is missing, unreadable or not usable.
 */
export async function loadEmbeddingModel(config: ResolvedConfig): Promise<EmbeddingSetting | undefined> {
  const written = config.redundancy?.embeddingModel;
  if (!written) return undefined;
  const modelBytes = await readOrFail(written.model, 'model', (file) => readFile(file));
  const tokenizerText = await readOrFail(written.tokenizer, 'tokenizer', (file) => readFile(file, 'utf8'));
  try {
    const encoder = await loadSentenceEncoder(new Uint8Array(modelBytes), tokenizerText, {
      name: path.basename(written.model),
      maxTokens: written.maxTokens ?? EMBEDDING_DEFAULTS.maxTokens,
      batchSize: EMBEDDING_DEFAULTS.batchSize,
    });
    return { encoder, threshold: written.threshold ?? EMBEDDING_DEFAULTS.threshold };
  } catch (error) {
    if (!(error instanceof EmbeddingFileError)) throw error;
    const file = error.file === 'model' ? written.model : written.tokenizer;
    throw new ConfigError(`${file}: the embedding ${error.file} cannot be used: ${error.message}\n${HINT}`, {
      cause: error,
    });
  }
}

async function readOrFail<T>(file: string, what: string, read: (file: string) => Promise<T>): Promise<T> {
  try {
    return await read(file);
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    const reason = missing ? 'does not exist' : 'cannot be read';
    throw new ConfigError(
      `${file}: the embedding ${what} file ${reason} (redundancy.embeddingModel.${what})\n${HINT}`,
      {
        cause: error,
      },
    );
  }
}
