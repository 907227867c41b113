import type { PeopleEntry, PersonRole } from './types.js';

/** What identity resolution needs to know of one identity. */
export interface IdentityFacts {
  id: string;
  name: string | null;
  email: string | null;
  department: string | null;
  isBot: boolean;
}

/** A resolved person (spec §1). */
export interface ResolvedPerson {
  personId: string;
  name: string | null;
  email: string | null;
  department: string | null;
  role: PersonRole | null;
  isBot: boolean;
  identityIds: string[];
}

/**
 * Resolves identities to persons. Key order (spec §1): lower-cased e-mail, else `source:userId`;
 * a people file's aliases merge keys that share no e-mail. The people file wins for name,
 * department and role; otherwise the first identity that has the field gives it, preferring names
 * with a space (full names over handles such as `ana` or `AnaR`), then identities with an e-mail
 * (full accounts), then by id, so the choice does not depend on input order.
 */
export function resolvePersons(
  identities: readonly IdentityFacts[],
  people: readonly PeopleEntry[],
): {
  persons: ResolvedPerson[];
  personOf: Map<string, string>;
} {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(key, root);
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const keyOfIdentity = (facts: IdentityFacts): string =>
    facts.email ? `email:${facts.email.toLowerCase()}` : `id:${facts.id}`;
  for (const facts of identities) find(keyOfIdentity(facts));
  const byIdentityId = new Map(identities.map((facts) => [facts.id, facts]));
  people.forEach((entry, index) => {
    const entryKey = entry.email ? `email:${entry.email.toLowerCase()}` : `people:${index}`;
    find(entryKey);
    for (const alias of entry.aliases) {
      const facts = byIdentityId.get(alias);
      union(entryKey, facts ? keyOfIdentity(facts) : `id:${alias}`);
    }
  });

  const groups = new Map<string, { identities: IdentityFacts[]; entries: PeopleEntry[] }>();
  const groupOf = (key: string) => {
    const root = find(key);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { identities: [], entries: [] }));
    return group;
  };
  for (const facts of [...identities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    groupOf(keyOfIdentity(facts)).identities.push(facts);
  people.forEach((entry, index) =>
    groupOf(entry.email ? `email:${entry.email.toLowerCase()}` : `people:${index}`).entries.push(entry),
  );

  const persons: ResolvedPerson[] = [];
  const personOf = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.identities.length === 0) continue; // a people-file row nobody used
    const entry = group.entries[0];
    group.identities.sort(
      (a, b) =>
        Number(hasFullName(b)) - Number(hasFullName(a)) ||
        Number(b.email !== null) - Number(a.email !== null) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const email = entry?.email?.toLowerCase() ?? group.identities.find((i) => i.email)?.email?.toLowerCase() ?? null;
    const personId = email ?? [...group.identities].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!.id;
    const role = entry?.role ?? null;
    persons.push({
      personId,
      name: entry?.name ?? group.identities.find((i) => i.name)?.name ?? null,
      email,
      department: entry?.department ?? group.identities.find((i) => i.department)?.department ?? null,
      role,
      isBot: role === 'bot' || group.identities.every((i) => i.isBot),
      identityIds: group.identities.map((i) => i.id),
    });
    for (const facts of group.identities) personOf.set(facts.id, personId);
  }
  persons.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  return { persons, personOf };
}

function hasFullName(facts: IdentityFacts): boolean {
  return facts.name !== null && facts.name.trim().includes(' ');
}
