/**
 * Regenerates fixtures/sample-pilot/ (the bundled Aurora sample pilot) and the generated facts
 * block of fixtures/README.md. Deterministic: the same seed gives byte-identical files.
 *
 *   npx tsx scripts/generate-sample-pilot.ts [outDir]
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderFacts, replaceFactsBlock } from './generate/facts-markdown.js';
import { generateSamplePilot } from './generate/sample-pilot.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? join(root, 'fixtures', 'sample-pilot'));
  // Start from an empty folder: a stale day file from an older run would survive otherwise.
  await rm(outDir, { recursive: true, force: true });
  const facts = await generateSamplePilot(outDir);
  if (process.argv[2] === undefined) {
    const readmePath = join(root, 'fixtures', 'README.md');
    const readme = await readFile(readmePath, 'utf8').catch(() => '# fixtures\n');
    await writeFile(readmePath, replaceFactsBlock(readme, renderFacts(facts)), 'utf8');
  }
  process.stderr.write(
    `sample pilot written to ${outDir}: ${facts.yammer.records} Yammer rows, ${facts.slack.records} Slack messages, ${facts.wiki.revisions} wiki revisions\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
