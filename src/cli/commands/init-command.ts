/** `pilot-report init` on the command line; the work is in init.ts, loaded when it runs. */
import type { Command } from 'commander';
import { createLogger } from '../output.js';
import type { InitFlags } from './init.js';

/** Registers `pilot-report init` on the program; the exit code goes where `main` reads it. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a starter pilot-report.config.json for the exports, people file and idea ledger here')
    .option('--dir <folder>', 'folder to look for exports in and write the config to (default: the current folder)')
    .option('-y, --yes', 'take the defaults without asking (also when not on a terminal, as in CI)')
    .option('--force', 'overwrite an existing pilot-report.config.json (and people.suggested.csv)')
    .option('--quiet', 'only errors on stderr')
    .option('--verbose', 'more detail on stderr')
    .option('--debug', 'stack traces for internal errors')
    .addHelpText(
      'after',
      '\nExamples:\n  pilot-report init\n  pilot-report init --yes --dir reports/pilot --force\n\nExit codes: 0 written; 2 the config exists (add --force), --dir is no folder, or the questions were stopped (Ctrl-C).',
    )
    .action(async (flags: InitFlags) => {
      // Loaded when the command runs: `--version`, `--help` and the other commands do not pay for it.
      const { runInit } = await import('./init.js');
      program.setOptionValue(
        'exitCode',
        await runInit(flags, createLogger({ quiet: flags.quiet === true, verbose: flags.verbose === true })),
      );
    });
}
