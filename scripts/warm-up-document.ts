/**
 * Regenerates data/warm-up-metrics.json, the document the PDF thread draws and throws away before
 * the run's own report arrives (src/report/pdf/warm-up.ts says why). It is the metrics.json of a
 * small generated pilot (bench/generate.ts: Yammer, Slack and MediaWiki, their own seed), with
 * names pseudonymized, so it shares no text with the bundled sample pilot or with any real export.
 * Deterministic: the same build gives the same file. Run it again when the metrics.json schema
 * changes (test/report/pdf/warm-up-document.test.ts fails until then).
 *
 *   npm run build && npx tsx scripts/warm-up-document.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureExport } from '../bench/generate.js';
import { WARM_UP_DOCUMENT } from '../src/report/pdf/warm-up.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Records per export and the seed: small (the file is read at every run), every section drawn. */
const SIZE = 200;
const SEED = 16;

// A fixed folder, outputs named relative to it: the output paths are part of provenance.configHash.
const work = join(tmpdir(), 'pilot-report-warm-up-document');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
try {
  const inputs = [];
  for (const kind of ['yammer', 'slack', 'mediawiki'] as const)
    inputs.push((await ensureExport(work, kind, SIZE, SEED)).input);
  execFileSync(
    process.execPath,
    [
      join(root, 'bin', 'pilot-report.js'),
      'analyze',
      '--quiet',
      '--anonymize',
      '--json',
      'metrics.json',
      '--pdf',
      'report.pdf',
      ...inputs.map((i) => i.slice(work.length + 1)),
    ],
    { cwd: work, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', TZ: 'UTC' }, stdio: 'inherit' },
  );
  copyFileSync(join(work, 'metrics.json'), WARM_UP_DOCUMENT);
  process.stderr.write(`wrote ${WARM_UP_DOCUMENT}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
