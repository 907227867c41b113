import type { SourceAccount } from '../model/accounting.js';
import type { Query } from '../model/query.js';

/**
 * Identity reconciliation (the `identities` section of metrics.json): how the raw identities seen
 * in each source became persons (spec §1: key order lower-cased e-mail, else `source:userId`;
 * config aliases may merge keys; bots are not persons). The appendix prints it so a skeptical
 * reader can see how many people the figures are about and how sure the merge is.
 */

/** One input's identities. */
export interface SourceIdentities {
  /** Source kind (`yammer`, `slack`, `teams`, `mediawiki`, `csv`). */
  source: string;
  /** The input path, as in `sources[].path`. */
  path: string;
  /** Distinct raw identities (user ids, accounts) seen in the input, bots included. */
  identitiesSeen: number;
  /** Persons those identities (bots excluded) resolved to. */
  persons: number;
  /** Identities excluded as bots, integrations or system senders. */
  botsExcluded: number;
  /** Identities with no e-mail: kept as `source:userId` persons, so they cannot merge with another source. */
  unmatched: number;
}

/** The `identities` section of metrics.json. */
export interface IdentityReconciliation {
  /** One entry per input, in input order. */
  sources: SourceIdentities[];
  /** Distinct persons over all sources after merging. */
  persons: number;
  /** Persons seen in two or more sources (merged by e-mail or alias). */
  mergedAcrossSources: number;
  /** Merges made by the config's alias list. */
  aliasMerges: number;
  /**
   * Persons whose real name may appear in the outputs: every person when the report is not
   * anonymized; under `--anonymize`, the persons who opted in through `--recognize`.
   */
  namedPersons: number;
}

/**
 * Identity reconciliation (issue: "so readers can trust the counts"), per source kind over all
 * identities the inputs declared or used. An identity is `unmatched` when nothing merged it: its
 * person is keyed by the identity id itself (no e-mail, no alias). An alias merge is an identity
 * whose person is neither its own e-mail nor its own id: only a people-file alias put it there.
 */
export async function computeIdentities(
  query: Query,
  accounts: readonly SourceAccount[],
): Promise<IdentityReconciliation> {
  const perSource = await query.all<{
    source: string;
    seen: number;
    persons: number;
    bots: number;
    unmatched: number;
    alias_merges: number;
  }>(`
    SELECT source,
           count(*)::INTEGER AS seen,
           count(DISTINCT person_id) FILTER (WHERE NOT is_bot)::INTEGER AS persons,
           count(*) FILTER (WHERE is_bot)::INTEGER AS bots,
           count(*) FILTER (WHERE NOT is_bot AND person_id = identity_id)::INTEGER AS unmatched,
           count(*) FILTER (WHERE NOT is_bot AND person_id <> identity_id AND person_id <> coalesce(lower(email), ''))::INTEGER AS alias_merges
    FROM identities GROUP BY source ORDER BY source`);
  const [totals] = await query.all<{ persons: number; merged: number }>(`
    WITH per_person AS (
      SELECT person_id, count(DISTINCT source) AS sources FROM identities WHERE NOT is_bot GROUP BY person_id)
    SELECT count(*)::INTEGER AS persons, count(*) FILTER (WHERE sources >= 2)::INTEGER AS merged FROM per_person`);
  const kindsInOrder = [...new Set(accounts.map((a) => a.kind))];
  const sources: SourceIdentities[] = kindsInOrder.flatMap((kind) => {
    const row = perSource.find((r) => r.source === kind);
    if (!row) return [];
    const path = accounts
      .filter((a) => a.kind === kind)
      .map((a) => a.path)
      .join(', ');
    return [
      {
        source: kind,
        path,
        identitiesSeen: row.seen,
        persons: row.persons,
        botsExcluded: row.bots,
        unmatched: row.unmatched,
      },
    ];
  });
  return {
    sources,
    persons: totals?.persons ?? 0,
    mergedAcrossSources: totals?.merged ?? 0,
    aliasMerges: perSource.reduce((n, r) => n + r.alias_merges, 0),
    // Everyone is named until `--anonymize` says otherwise (cli/privacy-steps.ts `anonymized`).
    namedPersons: totals?.persons ?? 0,
  };
}
