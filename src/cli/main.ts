import { Command, CommanderError, Option } from 'commander';
import { InternalError, PilotError, UsageError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import type { AnalyzeFlags } from './commands/analyze.js';
import { registerInit } from './commands/init-command.js';
import { registerValidate } from './commands/validate-command.js';
import { pdfRendererFor } from './pdf-thread.js';
import { createLogger, keepRunningWhenLogReaderLeaves } from './output.js';
import { withProgress } from './progress.js';

const EXAMPLES = `
Examples:
  pilot-report analyze yammer-export.zip
  pilot-report analyze yammer-export.zip slack-export.zip wiki-history.xml --people people.csv
  pilot-report analyze exports/ --period 2026-10 --tz Europe/Berlin --out reports/2026-10
  pilot-report analyze yammer:network-export/ --json - > metrics.json

Exit codes: 0 ok; 1 report written but an error-level target failed; 2 something you can fix
(usage, config, unusable input, or any row problem under --strict); 3 internal bug.`;

/**
 * The CLI entry: parses arguments, runs a command, and turns every outcome into an exit code.
 * The only place that decides the exit code; stack traces reach the user only with --debug.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  keepRunningWhenLogReaderLeaves();
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCodeOf(program);
  } catch (error) {
    return reportFailure(error, debug);
  }
}

function buildProgram(): Command {
  const program = new Command('pilot-report')
    .description(
      'Evidence for an internal social media pilot: metrics.json and a PDF sponsorship report from Yammer, Slack, Teams, MediaWiki and CSV exports.',
    )
    .version(TOOL_VERSION, '--version')
    .showHelpAfterError('(run pilot-report --help for usage)')
    .addHelpText('after', EXAMPLES)
    .exitOverride();
  const analyze = program
    .command('analyze')
    .description('analyze exports, write metrics.json and report.pdf')
    .argument('[inputs...]', 'export files, folders or .zip archives (kind:path forces a kind)');
  addAnalyzeOptions(analyze)
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      // The progress member (TTY only) reaches loadInputs through analyzeInputs' LoadLog.
      const log = withProgress(createLogger({ quiet: flags.quiet === true, verbose: flags.verbose === true }), {
        quiet: flags.quiet === true,
      });
      // Loaded when the command runs (DuckDB, the metrics): `--version` and `--help` need none of it.
      const { runAnalyze } = await import('./commands/analyze.js');
      program.setOptionValue('exitCode', await runAnalyze(inputs, flags, log, pdfRendererFor));
    });
  registerValidate(program);
  registerInit(program);
  return program;
}

function addAnalyzeOptions(command: Command): Command {
  return command
    .option('-o, --out <dir>', 'output folder (default ./pilot-report-out/)')
    .option('--json <file|->', 'write metrics.json here; - writes it to stdout and nothing else goes there')
    .option('--pdf <file>', 'write the PDF here')
    .option(
      '--markdown <file>',
      'write a KPI summary in Markdown here (also appended to $GITHUB_STEP_SUMMARY when set)',
    )
    .option('--pptx <file>', 'write an editable slide deck (PowerPoint, native charts) here')
    .option('--community-post <file>', 'write a thank-you post for the community (Markdown) here')
    .option('-c, --config <file>', 'config file (default ./pilot-report.config.json when present)')
    .option('--period <p>', 'report period: 2026-10, 2026-07..2026-09, 2026-Q3, last-month, last-quarter')
    .option('--since <date>', 'period start (inclusive), YYYY-MM-DD or ISO instant')
    .option('--until <date>', 'period end (exclusive), YYYY-MM-DD or ISO instant')
    .option('--as-of <date>', 'the "now" for relative periods and stalled ideas (default: now)')
    .option('--tz <iana>', 'time zone for months, weeks and days (default UTC)')
    .option('--people <csv>', 'people file: email, name, department, role, aliases')
    .option('--ideas <csv>', 'idea ledger: outcomes that happened outside the tools')
    .option('--baseline <metrics.json>', 'previous run to compare with')
    .option('--template <name|dir>', 'report theme and text templates')
    .option(
      '--dataset <file|folder/>',
      'keep the normalized dataset: a DuckDB file, or a folder (ending in /) of Parquet files',
    )
    .option(
      '--memory-limit <size>',
      'memory the analytics engine may hold before it spills to a temporary file (default 768MB)',
    )
    .option('--include-private', 'include direct and private conversations (excluded by default)')
    .option('--anonymize', 'stable pseudonyms for every person in every output')
    .option('--recognize <csv>', 'people who opted in to be named when the rest are anonymized')
    .option('--strict', 'any row-level problem is an error (exit 2)')
    .addOption(new Option('--quiet', 'only errors on stderr').conflicts('verbose'))
    .option('--verbose', 'more detail on stderr')
    .option('--debug', 'stack traces for internal errors');
}

function exitCodeOf(program: Command): number {
  const code = program.getOptionValue('exitCode');
  return typeof code === 'number' ? code : 0;
}

function reportFailure(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    return error.exitCode === 0 ? 0 : new UsageError(error.message).exitCode;
  }
  const log = createLogger({ quiet: false, verbose: false });
  if (error instanceof PilotError && !(error instanceof InternalError)) {
    log.error(error.message);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  log.error(
    `internal error: ${message}\nThis is a bug in pilot-report; please report it with the command you ran (add --debug for details).`,
  );
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 3;
}
