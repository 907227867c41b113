/**
 * mulberry32: a tiny seeded 32-bit generator, the same on every platform, so that a metric that
 * samples (betweenness from a sample of sources) gives the same result on every run. The fixture
 * generators (scripts/generate/prng.ts) and the tests' random graphs use it too.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
