import { PRIVATE_SPACE_LABEL } from '../../metrics/public-text.js';
import { appendFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../../config/defaults.js';
import { InputError, UsageError } from '../../errors.js';
import { renderCommunityPost } from '../../report/community-post/index.js';
import { renderMarkdownSummary, type SummaryOutput } from '../../report/markdown/summary.js';
import { serializeMetrics } from '../../report/json/write.js';
import type { RenderOptions } from '../../report/pdf/render-report.js';
import type { ReportRenderer } from '../../report/pdf/report-renderer.js';
import type { ReportTemplate } from '../../report/pdf/template.js';
import type { Logger } from '../output.js';
import { analyzeInputs, type AnalysisResult } from '../analysis.js';
import { configAndInputs } from '../config-and-inputs.js';
import { spillsToFile } from '../dataset-placement.js';
import { optimizeAsV8Does } from '../v8-tiering.js';
import { flagsToConfig, type AnalyzeFlags } from '../flags.js';
import { stopwatch } from '../timing.js';
import { lockOutputFolders, type OutputLock } from '../outputs/lock.js';
import { checkOutputPrerequisites } from '../outputs/prerequisites.js';
import {
  discardStaged,
  publishOutputs,
  temporaryBeside,
  type OutputFile,
  type StagedFile,
} from '../outputs/publish.js';
import { isDatasetFolder, parquetFiles } from '../outputs/dataset-target.js';
import { KEPT_TABLES, type Dataset, type KeptTable } from '../../model/dataset.js';
import { outputTargets, refuseCollisions, writtenFiles, type OutputTargets } from '../outputs/targets.js';

export type { AnalyzeFlags } from '../flags.js';

/**
 * `pilot-report analyze`: load config, check the outputs can be written (no collision, the
 * template and logo usable, the output folders free), read every input into the dataset, compute
 * metrics.json, render every output in memory and publish them together; then decide the exit
 * code: 0 ok, 1 when an error-level target failed (the outputs are still written). `rendererFor`
 * gives what draws the PDF of a run on small inputs or large ones (cli/pdf-thread.ts), asked as soon
 * as the inputs are known, so a thread of its own can load and warm up while this one reads.
 */
export async function runAnalyze(
  inputs: readonly string[],
  flags: AnalyzeFlags,
  log: Logger,
  rendererFor: (small: boolean) => ReportRenderer,
): Promise<number> {
  const { config, inputs: chosenInputs } = await configAndInputs(
    'analyze',
    inputs,
    { configPath: flags.config, flags: flagsToConfig(flags) },
    log,
  );
  // Small: the inputs analyzed in memory (dataset-placement.ts), a run of seconds. Decided once,
  // here: the inputs are walked for their size once.
  const spill = await spillsToFile(chosenInputs);
  if (spill) optimizeAsV8Does();
  const renderer = rendererFor(!spill);
  try {
    return await analyzeWith(renderer, chosenInputs, spill, config, flags, log);
  } finally {
    renderer.close();
  }
}

async function analyzeWith(
  renderer: ReportRenderer,
  chosenInputs: readonly string[],
  spill: boolean,
  config: ResolvedConfig,
  flags: AnalyzeFlags,
  log: Logger,
): Promise<number> {
  const targets = outputTargets(config);
  await refuseCollisions(targets, chosenInputs, config, flags.config);
  const template = await checkOutputPrerequisites(config);
  const lock = await outputLock(targets);
  let published = false;
  try {
    // The appendix prints the inputs actually read, also when they came from the command line.
    const printed: ResolvedConfig = { ...config, inputs: [...chosenInputs] };
    const pdf = pdfOfResult(renderer, template, printed);
    // The PDF thread gets the document before the dataset closes: it draws while this thread
    // closes the dataset and writes metrics.json and the summary.
    const result = await analyzeInputs(chosenInputs, config, log, pdf.start, spill);
    const drawing = { template, pdf: () => pdf.of(result), here: renderer.drawsHere };
    await writeOutputs(result, printed, targets, drawing, log);
    published = true;
    const failed = result.document.targets.filter((t) => !t.passed);
    failed.forEach((t) =>
      t.level === 'error' ? log.error(`target failed: ${t.message}`) : log.warn(`target not met: ${t.message}`),
    );
    return failed.some((t) => t.level === 'error') ? 1 : 0;
  } finally {
    if (!published) await discardStaged(stagedDataset(targets));
    await lock.release({ removeMadeFolders: !published });
  }
}

/** Locks the folders of the written outputs (and of --dataset), making them, as exit 2 when that fails. */
async function outputLock(targets: OutputTargets): Promise<OutputLock> {
  try {
    return await lockOutputFolders(writtenFiles(targets).map(({ file }) => path.dirname(path.resolve(file))));
  } catch (error) {
    throw asWriteError(error) ?? error;
  }
}

/** The report's template and the PDF, drawn or being drawn. */
interface PdfDrawing {
  template: ReportTemplate;
  /** The PDF: drawn now (in this thread) or what is left of a drawing in another. */
  pdf: () => Promise<Buffer>;
  /** Whether it is drawn in this thread (the timing line says so). */
  here: boolean;
}

/** The one PDF of a run: started as soon as the analysis has its result (`start`), awaited by `of`. */
interface PdfOfResult {
  start(result: AnalysisResult): void;
  of(result: AnalysisResult): Promise<Buffer>;
}

function pdfOfResult(renderer: ReportRenderer, template: ReportTemplate, config: ResolvedConfig): PdfOfResult {
  let drawing: Promise<Buffer> | null = null;
  const start = (result: AnalysisResult): Promise<Buffer> => {
    drawing ??= renderer.render(result.document, renderOptions(result, config, template));
    // Awaited by `of`; a run that fails before that must not end on an unhandled rejection.
    drawing.catch(() => undefined);
    return drawing;
  };
  return {
    // Drawn in this thread, the PDF waits for `of` (its own timing line), after the dataset is closed.
    start: (result) => void (renderer.drawsHere ? undefined : start(result)),
    of: start,
  };
}

/** How the PDF (and the deck) are drawn: from the same options, so they print the same figures. */
function renderOptions(result: AnalysisResult, config: ResolvedConfig, template: ReportTemplate): RenderOptions {
  const { document } = result;
  return {
    title: config.report.title,
    generatedAt: new Date(document.generatedAt),
    template,
    organization: config.report.organization,
    logo: config.report.logo,
    ask: config.report.ask,
    deltas: result.deltas ?? undefined,
    targets: document.targets,
    config: printableConfig(config, result.privateSpaces),
    anonymized: config.anonymize,
  };
}

async function writeOutputs(
  result: AnalysisResult,
  config: ResolvedConfig,
  targets: OutputTargets,
  drawing: PdfDrawing,
  log: Logger,
): Promise<void> {
  try {
    await writeAll(result, config, targets, drawing, log);
  } catch (error) {
    throw asWriteError(error) ?? error;
  }
}

/** A folder that is a file, a read-only place, a full disk: the user can fix these (exit 2). Null for other errors. */
function asWriteError(error: unknown): UsageError | null {
  const code = (error as { code?: unknown }).code;
  const file = (error as { path?: unknown }).path;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return null;
  return new UsageError(
    `cannot write the outputs${typeof file === 'string' ? ` at ${file}` : ''} (${code})\n  hint: check --out, --json, --pdf, --markdown, --pptx and --community-post: each must be a writable place, and --out a folder`,
    { cause: error },
  );
}

async function writeAll(
  result: AnalysisResult,
  config: ResolvedConfig,
  targets: OutputTargets,
  drawn: PdfDrawing,
  log: Logger,
): Promise<void> {
  const { document } = result;
  // Everything is rendered before any file is touched: a failure here leaves the previous outputs.
  const json = serializeMetrics(document);
  const outputs = outputList(targets);
  const markdown = renderMarkdownSummary(document, document.targets, result.deltas, {
    title: config.report.title,
    outputs,
  });
  // In a thread of its own, the drawing started before the dataset closed (runAnalyze): this is what is left of it.
  const pdf = await stopwatch(log).phase(
    drawn.here ? 'render the PDF (in this thread)' : 'render the PDF (the rest, waited for)',
    drawn.pdf,
  );
  const files: OutputFile[] = [{ target: targets.pdf, content: pdf }];
  if (targets.json !== '-') files.unshift({ target: targets.json, content: json });
  if (targets.markdown !== null) files.push({ target: targets.markdown, content: markdown });
  if (targets.pptx !== null) {
    // Loaded only for --pptx: pptxgenjs and jszip cost every other run part of its start-up.
    const { renderDeck } = await import('../../report/pptx/index.js');
    const options = renderOptions(result, config, drawn.template);
    const deck = await stopwatch(log).phase('render the slide deck', () => renderDeck(document, options));
    files.push({ target: targets.pptx, content: deck });
  }
  if (targets.communityPost !== null) {
    const post = renderCommunityPost(document, {
      community: config.report.organization ?? drawn.template.theme.organization ?? 'pilot',
      text: drawn.template.text.communityPost,
      anonymized: config.anonymize,
      minGroupSize: config.minGroupSize,
    });
    files.push({ target: targets.communityPost, content: post });
  }
  await publishOutputs(files, targets.json === '-' ? json : null, stagedDataset(targets));
  const stepSummary = process.env['GITHUB_STEP_SUMMARY'];
  if (stepSummary) await appendFile(stepSummary, `${markdown}\n`);
  const read = document.sources.reduce((n, s) => n + s.records.read, 0);
  const used = document.sources.reduce((n, s) => n + s.records.used, 0);
  log.info(`read ${read} records from ${document.sources.length} source(s), used ${used}`);
  log.info(
    `wrote ${outputs.map((o) => (targets.json === '-' && o.label === 'metrics.json' ? 'metrics.json to stdout' : o.path)).join(', ')}`,
  );
}

/** Every file the run writes besides the summary, for the summary's list and the log. */
function outputList(targets: OutputTargets): SummaryOutput[] {
  const outputs: SummaryOutput[] = [
    { label: 'metrics.json', path: targets.json === '-' ? 'stdout' : targets.json },
    { label: 'PDF report', path: targets.pdf },
  ];
  if (targets.pptx !== null) outputs.push({ label: 'Slide deck', path: targets.pptx });
  if (targets.communityPost !== null) outputs.push({ label: 'Community post', path: targets.communityPost });
  return outputs;
}

/**
 * The configuration as the appendix prints it: never the anonymization secret, and a private
 * space named in a space list (`ideas.spaces`, `comparison.pilotSpaces`) as "(private space)".
 */
export function printableConfig(config: ResolvedConfig, privateSpaces: ReadonlySet<string>): Record<string, unknown> {
  const { anonymizeSalt: _secret, ...printable } = config;
  const mask = (spaces: readonly string[]): string[] =>
    spaces.map((s) => (privateSpaces.has(s.toLowerCase()) ? PRIVATE_SPACE_LABEL : s));
  return {
    ...printable,
    ideas: { ...config.ideas, spaces: mask(config.ideas.spaces) },
    ...(config.comparison?.pilotSpaces
      ? { comparison: { ...config.comparison, pilotSpaces: mask(config.comparison.pilotSpaces) } }
      : {}),
  };
}

/** `--dataset FILE` starts from an empty file: an older dataset there is replaced, not appended to. */
export async function clearDatasetFile(file: string): Promise<void> {
  // A Parquet folder's files are replaced when the outputs are published (keepDataset).
  if (isDatasetFolder(file)) return;
  if (!file.endsWith('.duckdb') && !file.endsWith('.db')) {
    throw new InputError(file, null, 'the dataset file must end in .duckdb or .db (it is replaced on every run)');
  }
  await rm(file, { force: true });
  await rm(`${file}.wal`, { force: true });
}

/**
 * Writes the kept dataset: a DuckDB file as it is written, or (`--dataset out/`) one Parquet file
 * per table beside its target, published with the other outputs (`stagedDataset`).
 */
export async function keepDataset(dataset: Dataset, target: string): Promise<void> {
  if (!isDatasetFolder(target)) return dataset.keepAs(target);
  const files = parquetFiles(target);
  const staged = {} as Record<KeptTable, string>;
  for (const table of KEPT_TABLES) staged[table] = temporaryBeside(files[table]);
  await dataset.keepAsParquet(staged);
}

/** The Parquet files of `--dataset out/`, written by `keepDataset` and not yet published. */
function stagedDataset(targets: OutputTargets): StagedFile[] {
  if (targets.dataset === null || !isDatasetFolder(targets.dataset)) return [];
  return Object.values(parquetFiles(targets.dataset)).map((target) => ({ target }));
}
