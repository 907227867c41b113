import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../../config/defaults.js';
import { InputError, UsageError } from '../../errors.js';
import { renderMarkdownSummary } from '../../report/markdown/summary.js';
import { serializeMetrics } from '../../report/json/write.js';
import { writeReport } from '../../report/pdf/index.js';
import type { Logger } from '../output.js';
import { analyzeInputs, type AnalysisResult } from '../analysis.js';
import { configAndInputs } from '../config-and-inputs.js';
import { flagsToConfig, type AnalyzeFlags } from '../flags.js';
import { stopwatch } from '../timing.js';

export type { AnalyzeFlags } from '../flags.js';

/**
 * `pilot-report analyze`: load config, read every input into the dataset, compute metrics.json,
 * write it with the PDF (and the Markdown summary when asked), and decide the exit code:
 * 0 ok, 1 when an error-level target failed (the outputs are still written).
 */
export async function runAnalyze(inputs: readonly string[], flags: AnalyzeFlags, log: Logger): Promise<number> {
  const { config, inputs: chosenInputs } = await configAndInputs('analyze', inputs, { configPath: flags.config, flags: flagsToConfig(flags) }, log);
  const result = await analyzeInputs(chosenInputs, config, log);
  // The appendix prints the inputs actually read, also when they came from the command line.
  await writeOutputs(result, { ...config, inputs: [...chosenInputs] }, log);
  const failed = result.document.targets.filter((t) => !t.passed);
  failed.forEach((t) => (t.level === 'error' ? log.error(`target failed: ${t.message}`) : log.warn(`target not met: ${t.message}`)));
  return failed.some((t) => t.level === 'error') ? 1 : 0;
}

async function writeOutputs(result: AnalysisResult, config: ResolvedConfig, log: Logger): Promise<void> {
  try {
    await writeAll(result, config, log);
  } catch (error) {
    // A folder that is a file, a read-only place, a full disk: the user can fix these (exit 2).
    const code = (error as { code?: unknown }).code;
    const file = (error as { path?: unknown }).path;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new UsageError(`cannot write the outputs${typeof file === 'string' ? ` at ${file}` : ''} (${code})\n  hint: check --out, --json, --pdf and --markdown: each must be a writable place, and --out a folder`, { cause: error });
    }
    throw error;
  }
}

async function writeAll(result: AnalysisResult, config: ResolvedConfig, log: Logger): Promise<void> {
  const { document } = result;
  const json = serializeMetrics(document);
  const jsonTarget = config.json ?? path.join(config.out, 'metrics.json');
  const pdfTarget = config.pdf ?? path.join(config.out, 'report.pdf');
  if (jsonTarget === '-') process.stdout.write(json);
  else await writeCreatingFolder(jsonTarget, json);
  await mkdir(path.dirname(path.resolve(pdfTarget)), { recursive: true });
  await stopwatch(log).phase('write the PDF', () => writeReport(document, pdfTarget, {
    title: config.report.title,
    generatedAt: new Date(document.generatedAt),
    template: config.template,
    organization: config.report.organization,
    logo: config.report.logo,
    ask: config.report.ask,
    deltas: result.deltas ?? undefined,
    targets: document.targets,
    config: printableConfig(config),
    anonymized: config.anonymize,
  }));
  const markdown = renderMarkdownSummary(document, document.targets, result.deltas, { title: config.report.title });
  if (config.markdown) await writeCreatingFolder(config.markdown, markdown);
  const stepSummary = process.env['GITHUB_STEP_SUMMARY'];
  if (stepSummary) await appendFile(stepSummary, `${markdown}\n`);
  const read = document.sources.reduce((n, s) => n + s.records.read, 0);
  const used = document.sources.reduce((n, s) => n + s.records.used, 0);
  log.info(`read ${read} records from ${document.sources.length} source(s), used ${used}`);
  log.info(`wrote ${jsonTarget === '-' ? 'metrics.json to stdout' : jsonTarget} and ${pdfTarget}`);
}

/** The configuration as the appendix prints it: never the anonymization secret. */
function printableConfig(config: ResolvedConfig): Record<string, unknown> {
  const { anonymizeSalt: _secret, ...printable } = config;
  return { ...printable };
}

async function writeCreatingFolder(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, text);
}

/** `--dataset FILE` starts from an empty file: an older dataset there is replaced, not appended to. */
export async function clearDatasetFile(file: string): Promise<void> {
  if (!file.endsWith('.duckdb') && !file.endsWith('.db')) {
    throw new InputError(file, null, 'the dataset file must end in .duckdb or .db (it is replaced on every run)');
  }
  await rm(file, { force: true });
  await rm(`${file}.wal`, { force: true });
}
