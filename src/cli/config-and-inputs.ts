import type { ResolvedConfig } from '../config/defaults.js';
import { loadConfig } from '../config/load.js';
import { ConfigError, UsageError } from '../errors.js';
import { targetPathProblem } from '../report/json/target-paths.js';
import { SOURCE_KINDS } from '../sources/registry.js';

/** What both `analyze` and `validate` start from: the resolved config and the inputs to read. */
export interface ConfigAndInputs {
  config: ResolvedConfig;
  inputs: string[];
}

/**
 * Loads the configuration (file, environment, flags), reports where it came from and its
 * warnings, and picks the inputs: those on the command line, else the config's `inputs`.
 * @throws ConfigError when a target's path does not lead to a number in metrics.json.
 * @throws UsageError when neither names an input.
 */
export async function configAndInputs(
  command: 'analyze' | 'validate',
  inputs: readonly string[],
  options: { configPath: string | undefined; flags: Readonly<Record<string, unknown>> },
  log: { verbose(message: string): void; warn(message: string): void },
): Promise<ConfigAndInputs> {
  const { config, file, warnings } = await loadConfig({
    cwd: process.cwd(),
    env: process.env,
    configPath: options.configPath,
    flags: options.flags,
    sourceKinds: SOURCE_KINDS,
  });
  if (file) log.verbose(`config: ${file}`);
  warnings.forEach((w) => log.warn(w));
  const badTargets = config.targets.flatMap((t) => targetPathProblem(t.metric) ?? []);
  if (badTargets.length > 0) {
    throw new ConfigError(
      `${badTargets.map((p) => `config: targets: ${p}`).join('\n')}\n  hint: a target names a number in metrics.json, e.g. conversations.answeredRate or engagement.monthly.-1.activePeople (docs/metrics.md)`,
    );
  }
  const chosen = inputs.length > 0 ? [...inputs] : config.inputs;
  if (chosen.length === 0) {
    throw new UsageError(
      `${command} needs at least one input (an export file, folder or .zip)\n  hint: pilot-report ${command} yammer-export.zip, or list "inputs" in pilot-report.config.json`,
    );
  }
  return { config, inputs: chosen };
}
