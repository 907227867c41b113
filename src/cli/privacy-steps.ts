import type { Query } from '../model/query.js';
import type { MetricsDocument } from '../report/json/document.js';
import { anonymizeDocument, pseudonymizer, type PersonRef } from '../report/anonymize.js';

/**
 * `--anonymize`: every person in the document becomes a stable pseudonym, except those who opted in
 * through `--recognize`. Persons are described with all their identity ids and names so that a wiki
 * user name or a Slack handle is replaced as well as the display name.
 */
export async function anonymized(
  document: MetricsDocument,
  query: Query,
  recognized: ReadonlySet<string>,
  salt: string | undefined,
): Promise<{ document: MetricsDocument; unmatched: string[] }> {
  const rows = await query.all<{
    person_id: string;
    name: string | null;
    email: string | null;
    aliases: readonly string[];
    names: readonly string[] | null;
  }>(`
    SELECT p.person_id, p.name, p.email,
           list(i.identity_id ORDER BY i.identity_id) AS aliases,
           list(DISTINCT i.name ORDER BY i.name) FILTER (WHERE i.name IS NOT NULL) AS names
    FROM persons p JOIN identities i USING (person_id)
    GROUP BY p.person_id, p.name, p.email ORDER BY p.person_id`);
  const persons: PersonRef[] = rows.map((r) => ({
    id: r.person_id,
    name: r.name,
    email: r.email,
    aliases: r.aliases,
    names: (r.names ?? []).filter((n) => n !== r.name),
  }));
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
  const spaces = await query.all<{ space_id: string; name: string }>(
    'SELECT space_id, name FROM spaces WHERE is_private ORDER BY space_id',
  );
  const idOf = new Map(spaces.map((s) => [s.name, s.space_id.slice(s.space_id.indexOf(':') + 1)]));
  if (idOf.size === 0) return [...inputs];
  return inputs.map((input) => ({
    ...input,
    path: input.path
      .split('/')
      .map((segment) => idOf.get(segment) ?? segment)
      .join('/'),
  }));
}
