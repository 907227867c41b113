/**
 * How eagerly V8 optimizes, by the length of the run. bin/pilot-report.js starts every run with
 * about three times V8's interrupt budget, and `analyze` without TurboFan's inlining (its comments
 * say why: on a small pilot most optimizing compiles never paid back). A run on large inputs goes
 * back to V8's own budget and inlining as soon as its inputs are known, so its long loops are
 * optimized as they always were and its memory stays as measured (the 10M Yammer run's peak,
 * under the 1.5 GB target; bench/README.md).
 */
import v8 from 'node:v8';

/** V8's default `--interrupt-budget` (node --v8-options, Node 20's V8 11.3). */
const V8_INTERRUPT_BUDGET = 67_584;

/**
 * From now on, functions are optimized after as much bytecode has run as V8 decides by default,
 * with callees inlined (bin/pilot-report.js turns inlining off for `analyze` until the inputs are known).
 */
export function optimizeAsV8Does(): void {
  v8.setFlagsFromString(`--interrupt-budget=${V8_INTERRUPT_BUDGET}`);
  v8.setFlagsFromString('--turbo-inlining');
}
