import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { renderReport } from '../../src/report/pdf/render-report.js';
import type { ReportRenderer } from '../../src/report/pdf/report-renderer.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { richDocument, richRenderOptions } from '../report/pdf/rich-document.js';

afterAll(removeTempDirs);

/**
 * The PDF drawn in its own thread (src/cli/pdf-thread.ts), as the built CLI draws it: started from
 * dist/, the thread runs dist/pdf-thread.bundle.cjs. What it sends back must be what renderReport
 * draws in the calling thread, byte for byte, and its errors must keep their class (exit codes).
 */
const BUILT = pathToFileURL(path.join(REPO_ROOT, 'dist', 'cli', 'pdf-thread.js')).href;

async function startBuilt(): Promise<ReportRenderer> {
  const { startPdfThread } = (await import(BUILT)) as { startPdfThread: () => ReportRenderer };
  return startPdfThread();
}

async function builtRendererFor(small: boolean): Promise<ReportRenderer> {
  const { pdfRendererFor } = (await import(BUILT)) as { pdfRendererFor: (small: boolean) => ReportRenderer };
  return pdfRendererFor(small);
}

describe('the PDF thread', () => {
  it('draws the same bytes as renderReport in this thread, after warming its fonts', async () => {
    const renderer = await startBuilt();
    const inThread = await renderer.render(richDocument(), richRenderOptions());
    const here = await renderReport(richDocument(), richRenderOptions());
    expect(inThread.length).toBeGreaterThan(10_000);
    expect(inThread.equals(here)).toBe(true);
  });

  it('passes a ConfigError back as a ConfigError with the same message (an unusable logo is exit 2)', async () => {
    const logo = path.join(makeTempDir('pdf-thread-'), 'logo.png');
    writeFileSync(logo, 'not an image');
    const options = { ...richRenderOptions(), logo };
    const here = await renderReport(richDocument(), options).then(
      () => null,
      (error: unknown) => error,
    );
    expect(here).toBeInstanceOf(ConfigError);
    const renderer = await startBuilt();
    const thrown = await renderer.render(richDocument(), options).then(
      () => null,
      (error: unknown) => error,
    );
    // dist/'s ConfigError (the thread's revival runs from dist/), so by name and exit code.
    expect(thrown).toMatchObject({ name: 'ConfigError', exitCode: 2, message: (here as Error).message });
  });

  it('does not keep the process alive when the run ends before asking for the PDF', () => {
    // A run that fails early (bad config, unusable input) never sends a document nor closes the renderer.
    const script = `import(${JSON.stringify(BUILT)}).then((m) => { m.startPdfThread(); process.stdout.write('started'); });`;
    const started = Date.now();
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('started');
    // Well before the thread could have loaded pdfkit and warmed the fonts under any load.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe('where the built CLI draws the PDF', () => {
  it("draws a small pilot's PDF in the calling thread, the same bytes as the PDF thread's", async () => {
    const renderer = await builtRendererFor(true);
    expect(renderer.drawsHere).toBe(true);
    const drawn = await renderer.render(richDocument(), richRenderOptions());
    const inThread = await (await startBuilt()).render(richDocument(), richRenderOptions());
    expect(drawn.length).toBeGreaterThan(10_000);
    expect(drawn.equals(inThread)).toBe(true);
  });

  it("starts the PDF thread for a large pilot's", async () => {
    const renderer = await builtRendererFor(false);
    expect(renderer.drawsHere).toBe(false);
    renderer.close();
  });
});
