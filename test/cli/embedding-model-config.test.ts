import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { hasStackTrace } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { exportDir, HEADER } from '../e2e/tiny-yammer.js';

afterAll(removeTempDirs);

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'embedding');

// The four posts of test/metrics/redundancy/embedding-redundancy.test.ts, in four Yammer groups:
// with the test model T1 and T2 have an embedding cosine of 0.978, T3 and T4 0.817.
const MESSAGES = [
  HEADER,
  '1,,1,21,Sales,11,user,Ana Ruiz,ana@example.com,Nightly builds failed on the mac runner with a liblzma compile error,,2026-03-02 09:00:00 UTC',
  '2,,2,22,Engineering,12,user,Ben Ode,ben@example.com,Xcode compile error in liblzma again and the mac runner build failed,,2026-03-20 09:00:00 UTC',
  '3,,3,23,Support,13,user,Cy Lee,cy@example.com,"Friday kitchen cleanup, then we translate the onboarding wiki pages",,2026-03-05 09:00:00 UTC',
  '4,,4,24,HR,14,user,Dee Park,dee@example.com,Friday kitchen cleanup after the mac runner build failed again,,2026-03-25 09:00:00 UTC',
].join('\r\n');

/** A run folder: the export, the model files under models/, and a config naming them relative to itself. */
function runFolder(embeddingModel: Record<string, unknown>): string {
  const dir = exportDir(MESSAGES);
  mkdirSync(path.join(dir, 'config', 'models'), { recursive: true });
  for (const name of ['tokens-model.onnx', 'tokenizer.json'])
    copyFileSync(path.join(FIXTURES, name), path.join(dir, 'config', 'models', name));
  writeFileSync(path.join(dir, 'config', 'models', 'broken.onnx'), 'not a model');
  writeFileSync(
    path.join(dir, 'config', 'pilot-report.config.json'),
    // minSharedWords 50: the rare-term rule out of reach, so only the model's matches remain.
    JSON.stringify({ redundancy: { minSharedWords: 50, embeddingModel } }),
  );
  return dir;
}

describe('redundancy.embeddingModel in the config (in process)', () => {
  let stderr: string[];
  beforeEach(() => {
    stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const analyze = (dir: string) =>
    main([
      'analyze',
      path.join(dir, 'export'),
      '--config',
      path.join(dir, 'config', 'pilot-report.config.json'),
      '--out',
      path.join(dir, 'out'),
    ]);

  it('matches by the model, and metrics.json and the PDF say which method was used', async () => {
    const dir = runFolder({ model: 'models/tokens-model.onnx', tokenizer: 'models/tokenizer.json', threshold: 0.9 });
    expect(await analyze(dir), stderr.join('')).toBe(0);
    const metrics = JSON.parse(readFileSync(path.join(dir, 'out', 'metrics.json'), 'utf8'));
    expect(metrics.redundancy).toMatchObject({ matcher: 'rare-terms+embedding:tokens-model.onnx', clustersFound: 1 });
    expect(metrics.redundancy.clusters[0].items.map((i: { id: string }) => i.id).sort()).toEqual([
      'yammer:1',
      'yammer:2',
    ]);
    expect(metrics.redundancy.method).toContain('sentence-embedding model tokens-model.onnx, run on this computer');
    const pdf = (await readPdf(readFileSync(path.join(dir, 'out', 'report.pdf')))).pages.join(' ');
    // pdfkit may break a line after a hyphen: the extracted text then has "sentence- embedding".
    expect(pdf).toMatch(/cosine of their sentence embeddings is at least 0\.90/);
    expect(pdf).toMatch(/sentence-\s?embedding model tokens-\s?model\.onnx, run on this computer/);
    // A whole analyze with a PDF, in process: 20 s at a load of 25 on 2 cores.
  }, 120_000);

  it.each([
    [
      { model: 'models/missing.onnx', tokenizer: 'models/tokenizer.json' },
      /^error: .*config\/models\/missing\.onnx: the embedding model file does not exist/,
    ],
    [
      { model: 'models/tokens-model.onnx', tokenizer: 'models/none.json' },
      /^error: .*config\/models\/none\.json: the embedding tokenizer file does not exist/,
    ],
    [
      { model: 'models/broken.onnx', tokenizer: 'models/tokenizer.json' },
      /^error: .*config\/models\/broken\.onnx: the embedding model cannot be used: not a model the ONNX runtime can load/,
    ],
    [
      { model: 'models/tokens-model.onnx', tokenizer: 'models/broken.onnx' },
      /^error: .*config\/models\/broken\.onnx: the embedding tokenizer cannot be used: the vocabulary has no \[CLS\] token/,
    ],
  ])(
    'a model or tokenizer file that is missing or unusable is a config error naming it (exit 2)',
    async (embeddingModel, message) => {
      const dir = runFolder(embeddingModel);
      expect(await analyze(dir)).toBe(2);
      const text = stderr.join('');
      expect(text).toMatch(message);
      expect(text).toContain('hint: redundancy.embeddingModel needs an ONNX sentence-embedding model');
      expect(hasStackTrace(text)).toBe(false);
    },
  );
});
