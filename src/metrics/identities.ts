import type { z } from 'zod';
import type { SourceAccount } from '../model/accounting.js';
import type { Query } from '../model/query.js';
import type { identitiesSchema } from './identities-schema.js';

/**
 * Identity reconciliation (the `identities` section of metrics.json): how the raw identities seen
 * in each source became persons (spec §1: key order lower-cased e-mail, else `source:userId`;
 * config aliases may merge keys; bots are not persons). The appendix prints it so a skeptical
 * reader can see how many people the figures are about and how sure the merge is.
 */

/** The `identities` section of metrics.json: the type is its zod schema's, so the two cannot differ. */
export type IdentityReconciliation = z.infer<typeof identitiesSchema>;

/** One input's identities, in input order. */
export type SourceIdentities = IdentityReconciliation['sources'][number];

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
