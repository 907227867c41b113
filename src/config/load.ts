/**
 * Loads the configuration: defaults < file < `PILOT_REPORT_*` environment < flags. The layers are
 * merged as raw JSON, then validated once (so a partial override of a nested object is fine), then
 * normalized (defaults) and cross-checked (rules). Every message names the layer a bad value came
 * from: the file, the variable or the option.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { normalizeConfig, type ResolvedConfig } from './defaults.js';
import { readEnvLayer, variableOfKeyPath } from './env.js';
import { dotted, formatIssues, valueAt, type KeyPath, type LayerNaming } from './issues.js';
import { checkConfig } from './rules.js';
import { configSchema } from './schema.js';
import { splitInputArg } from '../model/input-arg.js';

/** The file looked for in the working folder when `--config` is not given. */
export const DEFAULT_CONFIG_FILE = 'pilot-report.config.json';

/** Command-line spelling of the config keys that have a flag, for messages about flag values. */
export const FLAG_NAMES: Readonly<Record<string, string>> = {
  inputs: 'inputs',
  out: '--out',
  json: '--json',
  pdf: '--pdf',
  markdown: '--markdown',
  period: '--period',
  pptx: '--pptx',
  communityPost: '--community-post',
  since: '--since',
  until: '--until',
  asOf: '--as-of',
  timeZone: '--tz',
  people: '--people',
  ideasLedger: '--ideas',
  baseline: '--baseline',
  template: '--template',
  dataset: '--dataset',
  includePrivate: '--include-private',
  anonymize: '--anonymize',
  recognize: '--recognize',
  strict: '--strict',
};

/** What `loadConfig` needs; nothing is read from `process` so that tests pass their own. */
export interface LoadConfigOptions {
  /** Folder relative paths on the command line and the default config file are taken from. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** `--config`; when absent, `./pilot-report.config.json` is used if it exists. */
  configPath?: string;
  /** Flag values under their config key names (`timeZone`, not `tz`); undefined means "not given". */
  flags?: Readonly<Record<string, unknown>>;
  /**
   * The source kinds an input may be prefixed with (`slack:exports/x.zip`), from the source
   * registry: an input written in the file is made relative to the working folder after its prefix.
   */
  sourceKinds: readonly string[];
}

/** A loaded configuration and what the rules had to say short of an error. */
export interface LoadedConfig {
  config: ResolvedConfig;
  /** The config file used, as given or found (`null` when there is none). */
  file: string | null;
  warnings: string[];
}

interface Layer {
  values: Record<string, unknown>;
  naming: LayerNaming;
}

/**
 * Loads, merges, validates and checks the configuration.
 * @throws ConfigError naming the file/variable/option and key path of every problem.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const file = await findConfigFile(options);
  const layers: Layer[] = [];
  if (file) layers.push(await fileLayer(file, options.cwd, options.sourceKinds));
  layers.push(envLayer(options.env));
  layers.push(flagLayer(options.flags ?? {}));

  const merged = layers.reduce<Record<string, unknown>>((acc, layer) => mergeLayer(acc, layer.values), {});
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const origin = (keyPath: KeyPath): LayerNaming => originOf(layers, keyPath);
    throw new ConfigError(
      `${formatIssues(parsed.error.issues, merged, origin).join('\n')}\n  hint: the keys are described in schema/config.schema.json`,
    );
  }
  const config = normalizeConfig(parsed.data);
  const { errors, warnings } = checkConfig(config);
  if (errors.length > 0) throw new ConfigError(errors.join('\n'));
  return { config, file: file?.label ?? null, warnings };
}

interface ConfigFile {
  /** Absolute path. */
  absolute: string;
  /** As the user sees it in messages. */
  label: string;
}

async function findConfigFile(options: LoadConfigOptions): Promise<ConfigFile | null> {
  const given = options.configPath;
  const label = given ?? DEFAULT_CONFIG_FILE;
  const absolute = path.resolve(options.cwd, label);
  const found = await stat(absolute).then(
    (s) => s.isFile(),
    () => false,
  );
  if (found) return { absolute, label };
  if (given !== undefined) throw new ConfigError(`${given}: config file not found (--config)`);
  return null;
}

async function fileLayer(file: ConfigFile, cwd: string, kinds: readonly string[]): Promise<Layer> {
  let text: string;
  try {
    text = await readFile(file.absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file.label}: cannot read the config file`, { cause: error });
  }
  const raw = parseJson(text.replace(/^\uFEFF/, ''), file.label);
  if (!isPlainObject(raw)) throw new ConfigError(`${file.label}: the config must be a JSON object ({ ... })`);
  return {
    values: resolveFilePaths(raw, path.dirname(file.absolute), cwd, kinds),
    naming: {
      where: (keyPath) => (keyPath.length === 0 ? file.label : `${file.label}: ${dotted(keyPath)}`),
      spell: (keyPath) => String(keyPath[keyPath.length - 1]),
    },
  };
}

/** Parses JSON; on failure the message carries `file:line:column` of the position V8 reports. */
export function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const match = /at position (\d+)/.exec(reason);
    const position = match ? Number(match[1]) : text.length;
    const before = text.slice(0, position).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    const problem = reason.replace(/\s*(in JSON )?at position \d+.*$/, '').replace(/ in JSON$/, '');
    throw new ConfigError(`${label}:${line}:${column}: invalid JSON: ${problem}`, { cause: error });
  }
}

function envLayer(env: Readonly<Record<string, string | undefined>>): Layer {
  const { values, variables } = readEnvLayer(env);
  const variableFor = (keyPath: KeyPath): string => {
    // The variable that set this path or the closest enclosing one (`PILOT_REPORT_TARGETS` for `targets.0.op`).
    for (let n = keyPath.length; n > 0; n--) {
      const name = variables.get(dotted(keyPath.slice(0, n)));
      if (name) return name;
    }
    return variableOfKeyPath(keyPath);
  };
  return {
    values,
    naming: {
      where: (keyPath) => {
        const name = variableFor(keyPath);
        return name === variableOfKeyPath(keyPath) ? `environment ${name}` : `environment ${name} (${dotted(keyPath)})`;
      },
      spell: variableOfKeyPath,
    },
  };
}

function flagLayer(flags: Readonly<Record<string, unknown>>): Layer {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flags)) if (value !== undefined) values[key] = value;
  const flagOf = (keyPath: KeyPath): string => FLAG_NAMES[String(keyPath[0])] ?? `option ${dotted(keyPath)}`;
  return {
    values,
    naming: {
      where: (keyPath) => (keyPath.length <= 1 ? flagOf(keyPath) : `${flagOf(keyPath)} (${dotted(keyPath)})`),
      spell: (keyPath) => FLAG_NAMES[String(keyPath[0])] ?? dotted(keyPath),
    },
  };
}

/** The layer a value at `keyPath` came from: the highest that sets it, else the one that sets most of its parents. */
function originOf(layers: readonly Layer[], keyPath: KeyPath): LayerNaming {
  for (let n = keyPath.length; n >= 0; n--) {
    const prefix = keyPath.slice(0, n);
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i];
      if (layer && valueAt(layer.values, prefix) !== undefined && (n > 0 || i === 0)) return layer.naming;
    }
  }
  const last = layers[layers.length - 1];
  if (!last) throw new ConfigError('no config layer');
  return last.naming;
}

const PERIOD_KEYS = ['period', 'since', 'until'] as const;

/**
 * Merges a higher layer into a lower one: objects key by key, arrays and scalars replaced. `period`,
 * `since` and `until` go together: a layer that sets any of them replaces all three, so that
 * `--since` overrides a `period` from the file instead of clashing with it.
 */
function mergeLayer(lower: Record<string, unknown>, higher: Record<string, unknown>): Record<string, unknown> {
  const base = { ...lower };
  if (PERIOD_KEYS.some((key) => higher[key] !== undefined)) for (const key of PERIOD_KEYS) delete base[key];
  return deepMerge(base, higher);
}

function deepMerge(lower: Record<string, unknown>, higher: Record<string, unknown>): Record<string, unknown> {
  const result = { ...lower };
  for (const [key, value] of Object.entries(higher)) {
    if (value === undefined) continue;
    const existing = Object.hasOwn(result, key) ? result[key] : undefined;
    // defineProperty, not `result[key] =`: a `"__proto__"` key from JSON would set the prototype
    // and vanish, escaping the unknown-key check that every other key goes through.
    Object.defineProperty(result, key, {
      value: isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

/** `redundancy.embeddingModel`'s two files, relative to the config file like the top-level paths. */
function withModelPaths(redundancy: unknown, fix: (value: string) => string): unknown {
  if (!isPlainObject(redundancy) || !isPlainObject(redundancy.embeddingModel)) return redundancy;
  const model = { ...redundancy.embeddingModel };
  for (const key of ['model', 'tokenizer'])
    if (typeof model[key] === 'string' && model[key] !== '') model[key] = fix(model[key]);
  return { ...redundancy, embeddingModel: model };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FILE_PATH_KEYS = [
  'out',
  'json',
  'pdf',
  'markdown',
  'pptx',
  'communityPost',
  'people',
  'ideasLedger',
  'recognize',
  'baseline',
  'dataset',
] as const;

/**
 * Paths written in the file are relative to the file's folder; they are rewritten relative to the
 * working folder (where flags and variables are relative to), so every layer means the same thing.
 */
function resolveFilePaths(
  raw: Record<string, unknown>,
  dir: string,
  cwd: string,
  kinds: readonly string[],
): Record<string, unknown> {
  const fix = (value: string): string => {
    const relative = path.relative(cwd, path.resolve(dir, value));
    return relative === '' ? '.' : relative;
  };
  const values = { ...raw };
  for (const key of FILE_PATH_KEYS) {
    const value = values[key];
    if (typeof value === 'string' && !(key === 'json' && value === '-')) values[key] = fix(value);
    // A trailing slash makes `"dataset": "kept/"` a Parquet folder (docs/dataset.md): it is kept.
    if (key === 'dataset' && typeof value === 'string' && /[\\/]$/.test(value)) values[key] = `${String(values[key])}/`;
  }
  if (values.redundancy !== undefined) values.redundancy = withModelPaths(values.redundancy, fix);
  const template = values.template;
  // A template is a built-in name unless it looks like a path.
  if (typeof template === 'string' && /[\\/]|^\./.test(template)) values.template = fix(template);
  if (Array.isArray(values.inputs)) {
    values.inputs = values.inputs.map((input: unknown) => {
      if (typeof input !== 'string') return input;
      const { kind, path: inputPath } = splitInputArg(input, kinds);
      return kind ? `${kind}:${fix(inputPath)}` : fix(input);
    });
  }
  const report = values.report;
  if (isPlainObject(report) && typeof report.logo === 'string') values.report = { ...report, logo: fix(report.logo) };
  return values;
}
