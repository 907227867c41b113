import { mulberry32 } from '../prng.js';
import type { TermCorpus } from './term-corpus.js';

/**
 * Latent semantic analysis over the pilot's own texts: a truncated SVD of the TF-IDF
 * document-term matrix X, by the randomized range finder of Halko, Martinsson and Tropp (2011)
 * with a seeded generator, so the same export always gives the same space. Two posts that say the
 * same thing in other words ("ARM macs" / "Apple silicon") meet in it when those words keep the
 * same company elsewhere in the pilot. No model is read: the space is learned from the export.
 *
 * Written here rather than taken from a library: the matrix is sparse and can be large, and the
 * dense SVDs on npm (ml-matrix) would need X as a dense array.
 */
export interface LsaOptions {
  /** Dimensions kept (k). */
  dims: number;
  /** Extra random directions for the range finder (p); the SVD is of rank k + p, then cut to k. */
  oversample: number;
  /** Power iterations (q): sharpen the spectrum, which decays slowly for text. */
  powerIterations: number;
  /** Texts the space is learned from at most (evenly spaced): bounds time and memory on a large pilot. */
  maxDocs: number;
  /** Seed of the random directions. */
  seed: number;
}

export const DEFAULT_LSA_OPTIONS: LsaOptions = {
  dims: 64,
  oversample: 10,
  powerIterations: 2,
  maxDocs: 20_000,
  seed: 20,
};

/** The learned space: each term's coordinates (V_k), for terms held by two texts or more. */
export interface LsaSpace {
  dims: number;
  /** Term id -> row of `termVectors`, or -1 (a term in one text only says nothing of company; one no sampled text holds has a zero vector). */
  rowOf: Int32Array;
  /** Row-major, `dims` numbers per kept term. */
  termVectors: Float64Array;
}

/** Standard normal numbers (Box–Muller) from `random`. */
function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * The LSA space of `corpus` with `weights` (L2-normalized TF-IDF per position, see
 * `tfIdfWeights`), or null when there are too few texts or terms to learn `dims` dimensions.
 */
export function lsaSpace(
  corpus: TermCorpus,
  weights: Float64Array,
  options: LsaOptions = DEFAULT_LSA_OPTIONS,
): LsaSpace | null {
  const docs = sampleOf(corpus, options.maxDocs);
  // Rows only for the terms (in 2 texts or more) that the sampled texts hold, in term id order:
  // every other term's row of Y, of Q and of V would be all zeros, which change no sum below
  // (adding ±0 leaves a sum as it is), so leaving them out gives the same numbers, bit for bit,
  // for far less work on a large pilot (orthonormalizing costs rows × l²). A text's terms
  // without a row add nothing to its vector, as their zero rows did. The sizes (dims, l) are
  // still those of every term in 2 texts or more, of the whole set when the corpus is partial
  // (engine-items.ts).
  const sampled = new Uint8Array(corpus.terms.length);
  for (const k of docs)
    for (let p = corpus.offsets[k] ?? 0; p < (corpus.offsets[k + 1] ?? 0); p += 1) sampled[corpus.termIds[p] ?? 0] = 1;
  const rowOf = new Int32Array(corpus.terms.length).fill(-1);
  let n = 0;
  let heldTwice = 0;
  for (let t = 0; t < rowOf.length; t += 1) {
    if ((corpus.df[t] ?? 0) < 2) continue;
    heldTwice += 1;
    if (sampled[t] === 1) rowOf[t] = n++;
  }
  const held = corpus.whole?.heldTwice ?? heldTwice;
  const dims = dimsOf(options.dims, docs.length, held);
  if (dims < 2) return null;
  const l = Math.min(dims + options.oversample, docs.length, held);
  const x = { corpus, weights, docs, rowOf };
  const normal = gaussian(mulberry32(options.seed));
  // Y = Xᵀ Ω (n × l): a random sample of the row space of X.
  const omega = new Float64Array(docs.length * l);
  for (let k = 0; k < omega.length; k += 1) omega[k] = normal();
  let y = timesTransposed(x, omega, n, l);
  orthonormalize(y, n, l);
  for (let q = 0; q < options.powerIterations; q += 1) {
    y = timesTransposed(x, times(x, y, l), n, l);
    orthonormalize(y, n, l);
  }
  // B = X Q (m × l); the eigenvectors W of Bᵀ B give V = Q W, ordered by singular value.
  const b = times(x, y, l);
  const gram = new Float64Array(l * l);
  for (let r = 0; r < docs.length; r += 1) {
    for (let i = 0; i < l; i += 1) {
      const bi = b[r * l + i] ?? 0;
      if (bi === 0) continue;
      for (let j = i; j < l; j += 1) gram[i * l + j] = (gram[i * l + j] ?? 0) + bi * (b[r * l + j] ?? 0);
    }
  }
  for (let i = 0; i < l; i += 1) for (let j = 0; j < i; j += 1) gram[i * l + j] = gram[j * l + i] ?? 0;
  const { values, vectors } = symmetricEigen(gram, l);
  const order = Array.from({ length: l }, (_, i) => i)
    .sort((a, c) => (values[c] ?? 0) - (values[a] ?? 0) || a - c)
    .slice(0, dims);
  const termVectors = new Float64Array(n * dims);
  for (let row = 0; row < n; row += 1) {
    for (let d = 0; d < dims; d += 1) {
      const col = order[d] ?? 0;
      let sum = 0;
      for (let i = 0; i < l; i += 1) sum += (y[row * l + i] ?? 0) * (vectors[i * l + col] ?? 0);
      termVectors[row * dims + d] = sum;
    }
  }
  return { dims, rowOf, termVectors };
}

/** Dimensions of a space learned from `docs` texts over `held` terms (of two texts or more): under 2, none. */
function dimsOf(wanted: number, docs: number, held: number): number {
  return Math.min(wanted, Math.floor(docs / 4), Math.floor(held / 4));
}

/**
 * Whether {@link lsaSpace} of `corpus` gives a space (is not null), known without fitting it: a
 * pilot may never ask for a text's meaning, and then need not pay for the fit.
 */
export function hasLsaSpace(corpus: TermCorpus, options: LsaOptions = DEFAULT_LSA_OPTIONS): boolean {
  let held = corpus.whole?.heldTwice;
  if (held === undefined) {
    held = 0;
    for (const df of corpus.df) if (df >= 2) held += 1;
  }
  const docs = Math.min(corpus.whole?.size ?? corpus.size, options.maxDocs);
  return dimsOf(options.dims, docs, held) >= 2;
}

/**
 * Text k in the space (X_k V_k: its TF-IDF weights folded in), L2-normalized, or all zeros when
 * none of its terms is in the space.
 */
export function lsaVector(space: LsaSpace, corpus: TermCorpus, weights: Float64Array, k: number): Float64Array {
  const out = new Float64Array(space.dims);
  for (let p = corpus.offsets[k] ?? 0; p < (corpus.offsets[k + 1] ?? 0); p += 1) {
    const row = space.rowOf[corpus.termIds[p] ?? 0] ?? -1;
    if (row < 0) continue;
    const w = weights[p] ?? 0;
    for (let d = 0; d < space.dims; d += 1) out[d] = (out[d] ?? 0) + w * (space.termVectors[row * space.dims + d] ?? 0);
  }
  let norm = 0;
  for (let d = 0; d < space.dims; d += 1) norm += (out[d] ?? 0) ** 2;
  if (norm > 0) for (let d = 0; d < space.dims; d += 1) out[d] = (out[d] ?? 0) / Math.sqrt(norm);
  return out;
}

/** Cosine of two normalized vectors, clamped to [0, 1] (opposite meaning is no meaning shared). */
export function lsaCosine(a: Float64Array, b: Float64Array): number {
  let dot = 0;
  for (let d = 0; d < a.length; d += 1) dot += (a[d] ?? 0) * (b[d] ?? 0);
  return Math.max(0, Math.min(1, dot));
}

/** The sparse matrix X: rows are the sampled texts, columns the kept terms. */
interface SparseRows {
  corpus: TermCorpus;
  weights: Float64Array;
  docs: Int32Array;
  rowOf: Int32Array;
}

/** `count` text indexes spread evenly over `size` (all when size <= count). */
export function sampledDocs(size: number, count: number): Int32Array {
  if (size <= count) return Int32Array.from({ length: size }, (_, k) => k);
  return Int32Array.from({ length: count }, (_, k) => Math.floor((k * size) / count));
}

/**
 * The texts the space is learned from, as indexes of `corpus`: evenly spaced over the whole set
 * when the corpus is partial (which then holds each of them; engine-items.ts loads them).
 */
function sampleOf(corpus: TermCorpus, count: number): Int32Array {
  const whole = corpus.whole;
  if (!whole) return sampledDocs(corpus.size, count);
  const at = new Map<number, number>();
  whole.index.forEach((g, k) => at.set(g, k));
  return sampledDocs(whole.size, count).map((g) => {
    const k = at.get(g);
    if (k === undefined) throw new Error(`LSA sample text ${g} is not in the partial corpus`);
    return k;
  });
}

/** X · M, with M n × l row-major; returns m × l. */
function times(x: SparseRows, m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.docs.length * l);
  x.docs.forEach((k, r) => {
    for (let p = x.corpus.offsets[k] ?? 0; p < (x.corpus.offsets[k + 1] ?? 0); p += 1) {
      const row = x.rowOf[x.corpus.termIds[p] ?? 0] ?? -1;
      if (row < 0) continue;
      const w = x.weights[p] ?? 0;
      for (let i = 0; i < l; i += 1) out[r * l + i] = (out[r * l + i] ?? 0) + w * (m[row * l + i] ?? 0);
    }
  });
  return out;
}

/** Xᵀ · M, with M m × l row-major; returns n × l. */
function timesTransposed(x: SparseRows, m: Float64Array, n: number, l: number): Float64Array {
  const out = new Float64Array(n * l);
  x.docs.forEach((k, r) => {
    for (let p = x.corpus.offsets[k] ?? 0; p < (x.corpus.offsets[k + 1] ?? 0); p += 1) {
      const row = x.rowOf[x.corpus.termIds[p] ?? 0] ?? -1;
      if (row < 0) continue;
      const w = x.weights[p] ?? 0;
      for (let i = 0; i < l; i += 1) out[row * l + i] = (out[row * l + i] ?? 0) + w * (m[r * l + i] ?? 0);
    }
  });
  return out;
}

/** Orthonormalizes the l columns of the n × l row-major `a` in place (modified Gram–Schmidt, twice for stability). */
function orthonormalize(a: Float64Array, n: number, l: number): void {
  for (let pass = 0; pass < 2; pass += 1) {
    for (let j = 0; j < l; j += 1) {
      for (let i = 0; i < j; i += 1) {
        let dot = 0;
        for (let r = 0; r < n; r += 1) dot += (a[r * l + i] ?? 0) * (a[r * l + j] ?? 0);
        for (let r = 0; r < n; r += 1) a[r * l + j] = (a[r * l + j] ?? 0) - dot * (a[r * l + i] ?? 0);
      }
      let norm = 0;
      for (let r = 0; r < n; r += 1) norm += (a[r * l + j] ?? 0) ** 2;
      // A column with nothing left is a direction X does not have: zero, it drops out of the SVD.
      const scale = norm > 1e-20 ? 1 / Math.sqrt(norm) : 0;
      for (let r = 0; r < n; r += 1) a[r * l + j] = (a[r * l + j] ?? 0) * scale;
    }
  }
}

/** Eigenvalues and eigenvectors (columns, row-major l × l) of a symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i += 1) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 100; sweep += 1) {
    let off = 0;
    for (let i = 0; i < l; i += 1) for (let j = i + 1; j < l; j += 1) off += (a[i * l + j] ?? 0) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < l; p += 1) {
      for (let q = p + 1; q < l; q += 1) {
        const apq = a[p * l + q] ?? 0;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[q * l + q] ?? 0) - (a[p * l + p] ?? 0)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k += 1) {
          const akp = a[k * l + p] ?? 0;
          const akq = a[k * l + q] ?? 0;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k += 1) {
          const apk = a[p * l + k] ?? 0;
          const aqk = a[q * l + k] ?? 0;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k += 1) {
          const vkp = v[k * l + p] ?? 0;
          const vkq = v[k * l + q] ?? 0;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: l }, (_, i) => a[i * l + i] ?? 0), vectors: v };
}
