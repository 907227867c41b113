import type { AccountTraitsByKind } from '../../model/account-traits.js';
import type { Query } from '../../model/query.js';

/** One identity of a resolved person, as identity suggestions look at it. */
export interface IdentityRow {
  identityId: string;
  source: string;
  personId: string;
  name: string | null;
  email: string | null;
}

/**
 * Persons that look like one person: never merged on a guess, listed for the champion to confirm
 * in a people file (`init` writes them as `people.suggested.csv`).
 */
export interface IdentitySuggestion {
  /** The person whose e-mail the people-file row carries (the first with one), else the first. */
  anchor: { personId: string; name: string | null; email: string | null };
  /** Identity ids of the other persons, to write as the row's `aliases`. */
  aliases: string[];
  /** Why, one phrase per link (`same name "José Núñez" in yammer and slack`). */
  evidence: string[];
}

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const FOLDED: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};

/** Letters only, lower-cased, accents removed: `José Núñez` -> `jose nunez`, `Zoë Łukasz` -> `zoe lukasz`. */
export function plainName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđßæœıþð]/gu, (letter) => FOLDED[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Forms a wiki user name or handle takes for a full name: `anaruiz`, `aruiz`, `anar`. */
function handleForms(fullName: string): string[] {
  const words = plainName(fullName)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length < 2) return [];
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  return [words.join(''), `${first[0] ?? ''}${last}`, `${first}${last[0] ?? ''}`];
}

const compact = (text: string): string => plainName(text).replace(/ /g, '');

/**
 * Links between persons: the same plain display name (at least two words: one-word handles are
 * too common to mean one person); an e-mail local part that is a Slack or Teams account's name
 * (`ana.ruiz@…` and `ana.ruiz`); a wiki user name that is a full name written as a handle
 * (`AnaRuiz`, `ARuiz`, `AnaR`) of exactly one person. Persons are joined through their links, so
 * one row can carry a Slack and a wiki alias together.
 */
export function suggestIdentities(rows: readonly IdentityRow[], traits: AccountTraitsByKind): IdentitySuggestion[] {
  const userNames = (row: IdentityRow): boolean => traits[row.source]?.userNames ?? false;
  const persons = new Map<string, IdentityRow[]>();
  for (const row of rows) persons.set(row.personId, [...(persons.get(row.personId) ?? []), row]);
  const links: { a: string; b: string; why: string }[] = [];
  const byName = new Map<string, IdentityRow[]>();
  for (const row of rows) {
    // A written full name (`Ana Ruiz`), not a handle that only reads as one (`ana.ruiz`).
    if (!row.name?.trim().includes(' ')) continue;
    const plain = plainName(row.name);
    byName.set(plain, [...(byName.get(plain) ?? []), row]);
  }
  for (const same of byName.values()) {
    const first = same[0];
    for (const other of same.slice(1)) {
      if (first && other.personId !== first.personId)
        links.push({
          a: first.personId,
          b: other.personId,
          why: `same name "${other.name ?? ''}" in ${first.source} and ${other.source}`,
        });
    }
  }
  const localParts = new Map<string, IdentityRow>();
  for (const row of rows) if (row.email) localParts.set(row.email.toLowerCase().split('@')[0] ?? '', row);
  // Handle forms -> the full names they may stand for; a form that fits two names is no evidence.
  const handleNames = new Map<string, Set<string>>();
  const byPlainName = new Map<string, IdentityRow[]>();
  for (const row of rows) {
    if (userNames(row) || !row.name) continue;
    const plain = plainName(row.name);
    byPlainName.set(plain, [...(byPlainName.get(plain) ?? []), row]);
    for (const form of handleForms(row.name)) handleNames.set(form, (handleNames.get(form) ?? new Set()).add(plain));
  }
  for (const row of rows) {
    if (row.email || !row.name) continue;
    const owner = localParts.get(row.name.toLowerCase());
    if (traits[row.source]?.handleIsEmailLocalPart && owner && owner.personId !== row.personId) {
      links.push({
        a: owner.personId,
        b: row.personId,
        why: `e-mail ${owner.email ?? ''} starts with the ${row.source} name "${row.name}"`,
      });
    }
    const names = userNames(row) ? handleNames.get(compact(row.name)) : undefined;
    if (names?.size !== 1) continue;
    const [fullName] = names;
    // Prefer the account with an e-mail: the row of people.suggested.csv is keyed by it.
    const owners = [...(byPlainName.get(fullName ?? '') ?? [])].sort(
      (a, b) => Number(b.email !== null) - Number(a.email !== null),
    );
    const ownerRow = owners[0];
    if (ownerRow && ownerRow.personId !== row.personId)
      links.push({
        a: ownerRow.personId,
        b: row.personId,
        why: `${traits[row.source]?.adjective ?? row.source} user name "${row.name}" reads as "${ownerRow.name ?? ''}"`,
      });
  }
  return groupLinks(links, persons, userNames);
}

function groupLinks(
  links: readonly { a: string; b: string; why: string }[],
  persons: ReadonlyMap<string, readonly IdentityRow[]>,
  userNames: (row: IdentityRow) => boolean,
): IdentitySuggestion[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x);
    if (p === undefined || p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const { a, b } of links) {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
  }
  const groups = new Map<string, { members: Set<string>; evidence: string[] }>();
  for (const link of links) {
    const root = find(link.a);
    const group = groups.get(root) ?? { members: new Set<string>(), evidence: [] };
    group.members.add(link.a).add(link.b);
    if (!group.evidence.includes(link.why)) group.evidence.push(link.why);
    groups.set(root, group);
  }
  const out: IdentitySuggestion[] = [];
  for (const group of groups.values()) {
    const members = [...group.members].sort();
    const rowsOf = (id: string) => persons.get(id) ?? [];
    // The row is keyed by an e-mail when one exists; else by an account of a chat source, whose
    // name is more likely a full name than a wiki handle's.
    const anchorId =
      members.find((id) => rowsOf(id).some((r) => r.email)) ??
      members.find((id) => rowsOf(id).some((r) => !userNames(r))) ??
      members[0] ??
      '';
    const anchorRows = rowsOf(anchorId);
    const allRows = [...anchorRows, ...members.flatMap(rowsOf)];
    const fullName =
      allRows.map((r) => r.name).find((n) => n?.trim().includes(' ')) ?? anchorRows.find((r) => r.name)?.name ?? null;
    out.push({
      anchor: {
        personId: anchorId,
        name: fullName,
        email: anchorRows.find((r) => r.email)?.email?.toLowerCase() ?? null,
      },
      aliases: members
        .filter((id) => id !== anchorId)
        .flatMap((id) => rowsOf(id).map((r) => r.identityId))
        .sort(),
      evidence: group.evidence,
    });
  }
  return out.sort((x, y) => (x.anchor.personId < y.anchor.personId ? -1 : 1));
}

/** The identities of persons (bots left out) of a finalized dataset. */
export async function personIdentities(query: Query): Promise<IdentityRow[]> {
  const rows = await query.all<{
    identity_id: string;
    source: string;
    person_id: string;
    name: string | null;
    email: string | null;
  }>(`
    SELECT i.identity_id, i.source, i.person_id, i.name, i.email
    FROM identities i JOIN persons p USING (person_id)
    WHERE NOT p.is_bot AND NOT i.is_bot
    ORDER BY i.identity_id`);
  return rows.map((r) => ({
    identityId: r.identity_id,
    source: r.source,
    personId: r.person_id,
    name: r.name,
    email: r.email,
  }));
}
