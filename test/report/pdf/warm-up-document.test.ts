import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metricsDocumentSchema } from '../../../src/report/json/document-schema.js';
import { readWarmUpDocument, WARM_UP_DOCUMENT } from '../../../src/report/pdf/warm-up.js';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

/**
 * The PDF thread draws data/warm-up-metrics.json and throws it away before the run's own report
 * (src/report/pdf/render-worker.ts); test/e2e/pdf-thread.test.ts checks that the report drawn after
 * it is byte-identical to one drawn cold. Here: the document is one the current code writes, so
 * every section is drawn from it (a stale one would skip what it lacks and warm less).
 */
describe('the warm-up document', () => {
  it('is a metrics.json of the current schema, with every section of a three-source pilot', () => {
    const document = readWarmUpDocument();
    expect(document).not.toBeNull();
    const parsed = metricsDocumentSchema.safeParse(document);
    // If this fails after a change of metrics.json: npm run build && npx tsx scripts/warm-up-document.ts
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(document?.sources.map((s) => s.kind).sort()).toEqual(['mediawiki', 'slack', 'yammer']);
    expect(document?.sources.reduce((n, s) => n + s.records.read, 0)).toBeGreaterThan(500);
  });

  it('is pseudonymized and holds no text of the bundled sample pilot', () => {
    const text = readFileSync(WARM_UP_DOCUMENT, 'utf8');
    const sample = readFileSync(path.join(__dirname, '../../../fixtures/sample-pilot/people.csv'), 'utf8');
    const emails = [...sample.matchAll(/[\w.+-]+@[\w.-]+/g)].map((m) => m[0]);
    expect(emails.length).toBeGreaterThan(10);
    for (const email of emails) expect(text).not.toContain(email);
    expect(text).not.toContain('Aurora');
  });

  it('is null when missing or not JSON, so a run without it still draws (colder)', () => {
    const dir = makeTempDir('warm-up-');
    expect(readWarmUpDocument(path.join(dir, 'missing.json'))).toBeNull();
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"schemaVersion": ');
    expect(readWarmUpDocument(broken)).toBeNull();
  });
});
