import { describe, expect, it } from 'vitest';
import { outOfMemory } from '../../src/cli/analysis.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { InternalError, UsageError } from '../../src/errors.js';

describe('an out-of-memory error of the analytics engine', () => {
  it('becomes a usage error (exit 2) that names the limit, also when it came from a reading thread', () => {
    const config = { ...DEFAULT_CONFIG, memoryLimit: '64MB' };
    // The text DuckDB gives (measured: --memory-limit 64MB on 1M Yammer messages).
    const duckdb = new Error('Out of Memory Error: failed to pin block of size 256.0 KiB (63.9 MiB/64.0 MiB used)');
    const fromThread = new InternalError(`reading in a worker thread failed: ${duckdb.message}`);
    for (const error of [duckdb, fromThread]) {
      const mapped = outOfMemory(error, config);
      expect(mapped).toBeInstanceOf(UsageError);
      expect(mapped?.exitCode).toBe(2);
      expect(mapped?.message).toBe(
        'the analytics engine ran out of memory within --memory-limit 64MB\n  hint: raise --memory-limit (config memoryLimit, PILOT_REPORT_MEMORY_LIMIT), or free memory for the run',
      );
    }
    const full = outOfMemory(
      new Error('IO Error: Could not write file "/tmp/x.duckdb": No space left on device'),
      config,
    );
    expect(full?.exitCode).toBe(2);
    expect(full?.message).toContain('the temporary folder is full');
    expect(outOfMemory(new Error('Binder Error: column x not found'), config)).toBeNull();
    expect(outOfMemory('Out of Memory Error', config)).toBeNull();
  });
});
