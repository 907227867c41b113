import type { AccountTraitsByKind } from '../../model/account-traits.js';
import type { Query } from '../../model/query.js';
import { botCandidates, type BotCandidate } from './bot-candidates.js';
import { personIdentities, suggestIdentities, type IdentitySuggestion } from './identity-suggestions.js';

/** A person who was active, as `init` offers them for a choice (moderators). */
export interface ActivePerson {
  /** What the config's `moderators` takes: the e-mail, else the person id. */
  key: string;
  name: string | null;
  role: string | null;
  contributions: number;
}

/**
 * What a finalized dataset says about how ready the report is: what `init` proposes and what
 * `validate`'s readiness section and `analyze`'s warnings point out.
 */
export interface SetupFacts {
  /** Persons (not bots) with at least one activity, most contributions first. */
  active: ActivePerson[];
  /** Active persons whose department is known. */
  withDepartment: number;
  /** Persons whose role is `moderator` (people file). */
  moderatorsByRole: string[];
  /** Spaces marked private in the exports (counted; their text never shown). */
  privateSpaces: number;
  bots: BotCandidate[];
  suggestions: IdentitySuggestion[];
  /** First and last activity (ISO), null without any. */
  firstAt: string | null;
  lastAt: string | null;
}

/** Reads the setup facts of a finalized dataset. */
export async function setupFacts(query: Query, traits: AccountTraitsByKind): Promise<SetupFacts> {
  const active = await query.all<{
    person_id: string;
    name: string | null;
    email: string | null;
    role: string | null;
    department: string | null;
    contributions: number;
  }>(`
    SELECT p.person_id, p.name, p.email, p.role, p.department, count(*) FILTER (WHERE a.is_contribution)::INTEGER AS contributions
    FROM activities a JOIN persons p USING (person_id)
    GROUP BY ALL
    ORDER BY contributions DESC, p.person_id`);
  const roles = await query.all<{ person_id: string; email: string | null }>(
    `SELECT person_id, email FROM persons WHERE role = 'moderator' AND NOT is_bot ORDER BY person_id`,
  );
  const spaces = await query.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM spaces WHERE is_private`);
  const range = await query.all<{ first_ms: number | null; last_ms: number | null }>(`
    SELECT (epoch(min(occurred_at)) * 1000)::DOUBLE AS first_ms, (epoch(max(occurred_at)) * 1000)::DOUBLE AS last_ms FROM activities`);
  return {
    active: active.map((r) => ({
      key: r.email ?? r.person_id,
      name: r.name,
      role: r.role,
      contributions: r.contributions,
    })),
    withDepartment: active.filter((r) => r.department !== null).length,
    moderatorsByRole: roles.map((r) => r.email ?? r.person_id),
    privateSpaces: spaces[0]?.n ?? 0,
    bots: await botCandidates(query, traits),
    suggestions: suggestIdentities(await personIdentities(query), traits),
    firstAt: isoOf(range[0]?.first_ms ?? null),
    lastAt: isoOf(range[0]?.last_ms ?? null),
  };
}

const isoOf = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
