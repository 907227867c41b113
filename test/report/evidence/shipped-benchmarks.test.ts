import { describe, expect, it } from 'vitest';
import { BENCHMARKS_FILE, builtInReferences } from '../../../src/cli/evidence.js';
import { readFileSync } from 'node:fs';

describe('data/benchmarks.json', () => {
  it('parses, and every reference has a checkable source', () => {
    const references = builtInReferences();
    expect(references.length).toBeGreaterThan(0);
    for (const r of references) {
      expect(r.source.url, r.id).toMatch(/^https:\/\//);
      expect(r.source.year, r.id).toBeGreaterThan(1990);
      expect(r.population.length, r.id).toBeGreaterThan(10);
    }
    expect(new Set(references.map((r) => r.id)).size).toBe(references.length);
  });

  it('is shipped in the package', () => {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    const files =
      typeof pkg === 'object' && pkg !== null && 'files' in pkg && Array.isArray(pkg.files) ? pkg.files : [];
    expect(files).toContain('data');
    expect(BENCHMARKS_FILE.endsWith('data/benchmarks.json')).toBe(true);
  });
});
