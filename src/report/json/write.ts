import { comparisonsSchema, movementSchema } from '../../metrics/evidence/index.js';
import { survivalSchema } from '../../metrics/uncertainty/survival.js';
import { zodKeyOrder } from './zod-key-order.js';
import { writeFile } from 'node:fs/promises';
import { InternalError } from '../../errors.js';
import type { MetricsDocument } from './document.js';
import { IDEA_STAGES } from '../../metrics/ideas/result.js';

/**
 * Stable metrics.json: 2-space indent, a trailing newline, and keys in a fixed order whatever
 * order the objects were built in, so identical inputs give byte-identical files (diffable
 * baselines). Known objects follow KEY_ORDER; keys it does not list (maps such as
 * `skippedByReason`, sections of later modules) follow in code-point order.
 */

const WINDOW_KEYS = [
  'activePeople',
  'contributors',
  'posts',
  'replies',
  'reactions',
  'wikiEdits',
  'newContributors',
  'returningContributors',
  'retention',
] as const;

/** Key order per object path; `[]` stands for any array item. */
const KEY_ORDER: Record<string, readonly string[]> = {
  '': [
    'schemaVersion',
    'generatedAt',
    'tool',
    'provenance',
    'period',
    'sources',
    'identities',
    'engagement',
    'conversations',
    'ideas',
    'moderation',
    'recognition',
    'network',
    'redundancy',
    'businessCase',
    'comparisons',
    'movement',
    'baseline',
    'targets',
    'warnings',
  ],
  baseline: ['path', 'period', 'kpis'],
  'baseline.period': ['since', 'until', 'timeZone'],
  'baseline.kpis[]': ['metric', 'value', 'baseline', 'change', 'percentChange'],
  identities: ['sources', 'persons', 'mergedAcrossSources', 'aliasMerges', 'namedPersons'],
  'identities.sources[]': ['source', 'path', 'identitiesSeen', 'persons', 'botsExcluded', 'unmatched'],
  'targets[]': ['metric', 'op', 'expected', 'actual', 'passed', 'level', 'message'],
  tool: ['name', 'version'],
  provenance: ['tool', 'configHash', 'inputs'],
  'provenance.tool': ['name', 'version'],
  'provenance.inputs[]': ['path', 'sha256', 'bytes'],
  period: ['since', 'until', 'timeZone'],
  'sources[]': ['kind', 'path', 'files', 'records', 'firstAt', 'lastAt', 'warnings', 'problemCount', 'notes'],
  'sources[].records': ['read', 'used', 'skipped', 'skippedByReason'],
  engagement: ['totals', 'monthly', 'weekly', 'participation'],
  'engagement.totals': [...WINDOW_KEYS, 'retentionInterval'],
  ...intervalOrder([
    'engagement.totals.retentionInterval',
    'conversations.answeredRateInterval',
    'conversations.medianHoursToFirstResponseInterval',
    'conversations.questions.answeredRateInterval',
    'conversations.questions.medianHoursToFirstResponseInterval',
    'ideas.medianDaysToDecisionInterval',
    'ideas.medianDaysToActionInterval',
    ...IDEA_STAGES.map((s) => `ideas.conversionInterval.${s}`),
    'moderation.moderatorFirstResponseShareInterval',
  ]),
  'engagement.monthly[]': ['month', ...WINDOW_KEYS, 'reactivatedContributors', 'stickiness', 'activeWikiEditors'],
  'engagement.weekly[]': ['week', 'activePeople', 'contributors'],
  'engagement.participation': ['contributors', 'contributions', 'gini', 'top1Share', 'top10Share', 'absenceFactor'],
  conversations: [
    'threads',
    'answered',
    'answeredRate',
    'answeredRateInterval',
    'medianHoursToFirstResponse',
    'medianHoursToFirstResponseInterval',
    'p90HoursToFirstResponse',
    'responseSurvival',
    'repliesPerThread',
    'unanswered',
    'questions',
  ],
  'conversations.unanswered[]': ['id', 'source', 'space', 'startedAt', 'ageDays', 'title'],
  'conversations.questions': [
    'threads',
    'answered',
    'answeredRate',
    'answeredRateInterval',
    'medianHoursToFirstResponse',
    'medianHoursToFirstResponseInterval',
    'p90HoursToFirstResponse',
    'unanswered',
  ],
  'conversations.questions.unanswered[]': ['id', 'source', 'space', 'startedAt', 'ageDays', 'title'],
  // Sections and fields described by zod: the order their schema (and so the JSON Schema) lists.
  ...zodKeyOrder(survivalSchema, 'conversations.responseSurvival'),
  ...zodKeyOrder(survivalSchema, 'ideas.actionSurvival'),
  ...zodKeyOrder(comparisonsSchema, 'comparisons'),
  ...zodKeyOrder(movementSchema, 'movement'),
};

/** `{ value, low, high, n }` in that order at each interval's path (metrics/uncertainty). */
function intervalOrder(paths: readonly string[]): Record<string, readonly string[]> {
  return Object.fromEntries(paths.map((p) => [p, ['value', 'low', 'high', 'n']]));
}

function ordered(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, `${path}[]`));
  // JSON.stringify would turn NaN into null silently, hiding a bug as "cannot be computed".
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new InternalError(`metrics.json ${path || '(root)'}: ${value} is not a finite number`);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const known = KEY_ORDER[path] ?? [];
  const rank = (key: string): number => {
    const i = known.indexOf(key);
    return i === -1 ? known.length : i;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const result: Record<string, unknown> = {};
  for (const [key, v] of entries) result[key] = ordered(v, path === '' ? key : `${path}.${key}`);
  return result;
}

/** The document as stable JSON text (ends with a newline). */
export function serializeMetrics(document: MetricsDocument): string {
  return `${JSON.stringify(ordered(document, ''), null, 2)}\n`;
}

/** Writes metrics.json to `target`, or to stdout when `target` is `-`. */
export async function writeMetrics(document: MetricsDocument, target: string): Promise<void> {
  const text = serializeMetrics(document);
  if (target === '-') {
    await new Promise<void>((resolve, reject) => {
      process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
    });
    return;
  }
  await writeFile(target, text, 'utf8');
}
