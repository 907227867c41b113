/**
 * The `PILOT_REPORT_*` environment layer: `PILOT_REPORT_TIME_ZONE` sets `timeZone`, a double
 * underscore nests (`PILOT_REPORT_IDEAS__STALL_DAYS` sets `ideas.stallDays`). Values are JSON when
 * they parse as JSON, else strings; a string key keeps the raw text even when it would parse (so
 * `PILOT_REPORT_REPORT__TITLE=2026` is the title "2026", not a number).
 */
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { schemaAt, type KeyPath } from './issues.js';

/** Prefix of every config variable. */
export const ENV_PREFIX = 'PILOT_REPORT_';

/** The environment layer: a raw (unvalidated) config object and the variable behind each path. */
export interface EnvLayer {
  values: Record<string, unknown>;
  /** Dotted key path -> variable name, e.g. `ideas.stallDays` -> `PILOT_REPORT_IDEAS__STALL_DAYS`. */
  variables: Map<string, string>;
}

/** `IDEAS__STALL_DAYS` -> `['ideas', 'stallDays']`. */
export function keyPathOfVariable(name: string): string[] {
  return name
    .slice(ENV_PREFIX.length)
    .split('__')
    .map((segment) => segment.toLowerCase().replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()));
}

/** `['ideas', 'stallDays']` -> `PILOT_REPORT_IDEAS__STALL_DAYS`. */
export function variableOfKeyPath(path: KeyPath): string {
  const segments = path.map((segment) =>
    String(segment)
      .replace(/([A-Z])/g, '_$1')
      .toUpperCase(),
  );
  return `${ENV_PREFIX}${segments.join('__')}`;
}

function parseValue(raw: string, path: KeyPath): unknown {
  if (schemaAt(path) instanceof z.ZodString) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown, name: string): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key] ?? {};
    if (!isPlainObject(next)) {
      throw new ConfigError(
        `${name}: cannot set a key inside "${key}", which another PILOT_REPORT_ variable sets to a value`,
      );
    }
    node[key] = next;
    node = next;
  }
  const last = path[path.length - 1] ?? '';
  const existing = node[last];
  // `PILOT_REPORT_IDEAS='{...}'` and `PILOT_REPORT_IDEAS__STALL_DAYS=45` combine: the nested one wins.
  node[last] = isPlainObject(existing) && isPlainObject(value) ? { ...value, ...existing } : value;
}

/**
 * Reads the config variables out of an environment. Variables are applied in name order so that a
 * nested one (`..._IDEAS__STALL_DAYS`) lands inside its parent (`..._IDEAS`). Unknown names are left
 * in the object and reported by the schema, with a "did you mean" naming the right variable.
 */
export function readEnvLayer(env: Readonly<Record<string, string | undefined>>): EnvLayer {
  const values: Record<string, unknown> = {};
  const variables = new Map<string, string>();
  const names = Object.keys(env)
    .filter((name) => name.startsWith(ENV_PREFIX))
    .sort();
  for (const name of names) {
    const raw = env[name];
    if (raw === undefined) continue;
    const path = keyPathOfVariable(name);
    if (path.some((segment) => segment === '')) {
      throw new ConfigError(
        `${name}: not a config variable\n  hint: PILOT_REPORT_ variables mirror config keys, e.g. PILOT_REPORT_TIME_ZONE or PILOT_REPORT_IDEAS__STALL_DAYS`,
      );
    }
    setAt(values, path, parseValue(raw, path), name);
    variables.set(path.join('.'), name);
  }
  return { values, variables };
}
