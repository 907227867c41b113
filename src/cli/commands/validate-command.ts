/** `pilot-report validate` on the command line; the work is in validate.ts, loaded when it runs. */
import type { Command } from 'commander';
import { createLogger } from '../output.js';
import { withProgress } from '../progress.js';
import type { ValidateFlags } from './validate.js';

const VALIDATE_EXAMPLES = `
Examples:
  pilot-report validate yammer-export.zip slack-export.zip
  pilot-report validate                      (the inputs listed in pilot-report.config.json)
  pilot-report validate exports/ --strict --json - > validation.json

Exit codes: 0 usable; 2 an input cannot be used, nothing usable remains, or any problem under --strict.`;

/** Registers `pilot-report validate` on the program; the exit code goes where `main` reads it. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('detect, count and check inputs; no report')
    .argument('[inputs...]', 'export files, folders or .zip archives (kind:path forces a kind)')
    .option('-c, --config <file>', 'config file (default ./pilot-report.config.json when present)')
    .option('--include-private', 'include direct and private conversations (excluded by default)')
    .option('--people <csv>', 'people file: email, name, department, role, aliases')
    .option('--strict', 'any row-level problem makes the inputs unusable (exit 2)')
    .option('--json <file|->', 'write the result as JSON here; - writes it to stdout and the text report to stderr')
    .option('--quiet', 'no report, only errors (the exit code says the rest)')
    .option('--verbose', 'more detail on stderr')
    .option('--debug', 'stack traces for internal errors')
    .addHelpText('after', VALIDATE_EXAMPLES)
    .action(async (inputs: string[], flags: ValidateFlags) => {
      const log = withProgress(createLogger({ quiet: flags.quiet === true, verbose: flags.verbose === true }), {
        quiet: flags.quiet === true,
      });
      // Loaded when the command runs: `--version`, `--help` and the other commands do not pay for it.
      const { runValidate } = await import('./validate.js');
      program.setOptionValue('exitCode', await runValidate(inputs, flags, log));
    });
}
