import type { ResolvedConfig } from '../config/defaults.js';
import { computeBusinessCase } from '../metrics/business-case.js';
import type { Ideas } from '../metrics/ideas/index.js';
import { computeModeration } from '../metrics/moderation.js';
import { withInteractions } from '../metrics/network/edges.js';
import { computeNetwork, DEFAULT_NETWORK_CONFIG, type NetworkConfig } from '../metrics/network/index.js';
import { computeRecognition } from '../metrics/recognition/index.js';
import { DEFAULT_RECOGNITION_CONFIG, type RecognitionConfig } from '../metrics/recognition/score.js';
import { computeRedundancy } from '../metrics/redundancy/index.js';
import { localDateOf, monthKey, periodCalendar } from '../metrics/period.js';
import type { MetricContext, Period } from '../metrics/types.js';
import type { PeopleEntry } from '../model/types.js';
import type { Query } from '../model/query.js';
import type { MetricsDocument } from '../report/json/document.js';
import { anonymizeDocument, pseudonymizer, type PersonRef } from '../report/anonymize.js';
import { SILENT_STOPWATCH, type Stopwatch } from './timing.js';

/** The sections after engagement and conversations (spec §5–§6), each from its own module. */
export async function laterSections(query: Query, ctx: MetricContext, ideas: Ideas, people: readonly PeopleEntry[], config: ResolvedConfig, watch: Stopwatch = SILENT_STOPWATCH) {
  const moderatorSince = new Map(
    people.flatMap((p) => (p.role === 'moderator' && p.since && p.email ? [[p.email.toLowerCase(), p.since] as const] : [])),
  );
  const ideaCounts = new Map<string, { raised: number; actioned: number }>();
  for (const item of ideas.items) {
    const counts = ideaCounts.get(item.author) ?? { raised: 0, actioned: 0 };
    counts.raised += 1;
    if (item.stage === 'actioned') counts.actioned += 1;
    ideaCounts.set(item.author, counts);
  }
  const moderation = await watch.phase('metrics: moderation', () => computeModeration(query, ctx, { moderatorSince }));
  // Recognition and the network read the same interactions: built once for both.
  const { recognition, network } = await withInteractions(query, ctx.period.since, ctx.period.until, async () => ({
    recognition: await watch.phase('metrics: recognition', () => computeRecognition(query, ctx, { ideas: ideaCounts, config: recognitionConfig(config) })),
    network: await watch.phase('metrics: network', () => computeNetwork(query, ctx, { config: networkConfig(config) })),
  }));
  return {
    ideas: { ...ideas },
    moderation: { ...moderation },
    recognition: { ...recognition },
    network: { ...network },
    redundancy: { ...(await watch.phase('metrics: duplicate efforts', () => computeRedundancy(query, ctx, { config: definedOnly(config.redundancy ?? {}) }))) },
  };
}

/** Written knobs over the metric's defaults; nested weights merge key by key. */
export function recognitionConfig(config: ResolvedConfig): RecognitionConfig {
  const written = config.recognition ?? {};
  const { scoreWeights, ...rest } = written;
  return {
    ...DEFAULT_RECOGNITION_CONFIG,
    ...definedOnly(rest),
    scoreWeights: { ...DEFAULT_RECOGNITION_CONFIG.scoreWeights, ...definedOnly(scoreWeights ?? {}) },
  };
}

export function networkConfig(config: ResolvedConfig): NetworkConfig {
  const { edgeWeights, ...rest } = config.network ?? {};
  return { ...DEFAULT_NETWORK_CONFIG, ...definedOnly(rest), edgeWeights: { ...DEFAULT_NETWORK_CONFIG.edgeWeights, ...definedOnly(edgeWeights ?? {}) } };
}

/** Drops keys whose value is undefined, so they do not hide a default when spread. */
function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** Average month length in milliseconds (365.25 / 12 days), for periods that are not whole months. */
const MONTH_MS = (365.25 / 12) * 24 * 3600 * 1000;

/**
 * Months in the period: each calendar month counts as the share of its days inside the period, so
 * March to October is 8 months, not 8.05 average months; the cost recurs per calendar month.
 */
export function periodMonths(period: Period): number {
  const calendar = periodCalendar(period);
  if (calendar.months.length === 0) return (Date.parse(period.until) - Date.parse(period.since)) / MONTH_MS;
  return calendar.months.reduce((n, m) => n + m.days / daysInMonth(m.month), 0);
}

function daysInMonth(month: string): number {
  const [year, mon] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, mon ?? 1, 0)).getUTCDate();
}

/** The business case from figures already in the document (spec §6); always labelled an estimate. */
export function businessCaseOf(document: MetricsDocument, ideas: Ideas, config: ResolvedConfig): ReturnType<typeof computeBusinessCase> {
  const { timeZone } = document.period;
  const monthOf = (iso: string): string => monthKey(localDateOf(Date.parse(iso), timeZone));
  const valued = new Set(ideas.ledgerValues.map((v) => v.ideaId));
  return computeBusinessCase(
    {
      answeredThreads: document.conversations.questions.answered,
      months: periodMonths(document.period),
      actionedIdeas: ideas.funnel.actioned,
      ledgerValue: ideas.ledgerValue,
      ledgerEntries: ideas.ledgerValues.map((v) => ({ ideaId: v.ideaId, line: v.line, value: v.value, month: monthOf(v.at) })),
      actionedWithoutValue: ideas.items
        .filter((item) => item.actionedAt !== null && !valued.has(item.id))
        .map((item) => ({ ideaId: item.id, month: monthOf(item.actionedAt ?? '') })),
      monthKeys: periodCalendar(document.period).months.map((m) => m.month),
      activePeople: document.engagement.totals.activePeople,
      contributors: document.engagement.totals.contributors,
      persons: document.identities.persons,
    },
    config.businessCase,
  );
}

/**
 * `--anonymize`: every person in the document becomes a stable pseudonym, except those who opted in
 * through `--recognize`. Persons are described with all their identity ids and names so that a wiki
 * user name or a Slack handle is replaced as well as the display name.
 */
export async function anonymized(document: MetricsDocument, query: Query, recognized: ReadonlySet<string>, salt: string | undefined): Promise<{ document: MetricsDocument; unmatched: string[] }> {
  const rows = await query.all<{ person_id: string; name: string | null; email: string | null; aliases: readonly string[]; names: readonly string[] | null }>(`
    SELECT p.person_id, p.name, p.email,
           list(i.identity_id ORDER BY i.identity_id) AS aliases,
           list(DISTINCT i.name ORDER BY i.name) FILTER (WHERE i.name IS NOT NULL) AS names
    FROM persons p JOIN identities i USING (person_id)
    GROUP BY p.person_id, p.name, p.email ORDER BY p.person_id`);
  const persons: PersonRef[] = rows.map((r) => ({ id: r.person_id, name: r.name, email: r.email, aliases: r.aliases, names: (r.names ?? []).filter((n) => n !== r.name) }));
  const p = pseudonymizer(persons, { recognized, ...(salt ? { salt } : {}) });
  const named = { ...document, identities: { ...document.identities, namedPersons: p.recognizedPersons } };
  return { document: anonymizeDocument(named, p), unmatched: [...p.unmatchedRecognized] };
}

/**
 * Private spaces' names never appear in outputs, but a Slack export names each channel's folder
 * after the channel, and provenance lists every file. A path segment equal to a private space's
 * name is replaced by the space's id (what the export's groups.json lists), so the file can still
 * be found and checked against its hash.
 */
export async function maskPrivateFolders<T extends { path: string }>(inputs: readonly T[], query: Query): Promise<T[]> {
  const spaces = await query.all<{ space_id: string; name: string }>('SELECT space_id, name FROM spaces WHERE is_private ORDER BY space_id');
  const idOf = new Map(spaces.map((s) => [s.name, s.space_id.slice(s.space_id.indexOf(':') + 1)]));
  if (idOf.size === 0) return [...inputs];
  return inputs.map((input) => ({ ...input, path: input.path.split('/').map((segment) => idOf.get(segment) ?? segment).join('/') }));
}
