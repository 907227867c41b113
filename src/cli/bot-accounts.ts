import type { PeopleEntry } from '../model/types.js';
import { normalizeAlias } from '../sources/people/read-people.js';
import { ACCOUNT_TRAITS, kindOfAliasPrefix } from '../sources/registry.js';

/**
 * What the adapters get as `botAccounts`: the config's entries lower-cased, plus `!<wiki name>`
 * for every wiki alias of a people-file row whose role is not `bot`: the people file says that
 * account is a person even when its name reads as a bot's (`Talbot`).
 */
export function adapterBotAccounts(botAccounts: readonly string[], people: readonly PeopleEntry[]): string[] {
  const persons = people
    .filter((entry) => entry.role !== 'bot')
    .flatMap((entry) => entry.aliases.filter((alias) => ACCOUNT_TRAITS[kindOf(alias)]?.userNames))
    .map((alias) => `!${alias.slice(alias.indexOf(':') + 1).toLowerCase()}`);
  return [...botAccounts.map((b) => b.toLowerCase()), ...persons];
}

/**
 * `botAccounts` entries that adapters cannot match while reading (an e-mail, or an identity id of
 * a source whose adapter does not look at `botAccounts`, such as `yammer:1488`), as people-file
 * rows with the role `bot`, so that identity resolution makes those accounts bots in every source.
 * They go before the people file's rows: naming an account in `botAccounts` is the later, more
 * specific decision.
 */
export function botPeopleEntries(botAccounts: readonly string[]): PeopleEntry[] {
  const entries: PeopleEntry[] = [];
  for (const written of botAccounts.map((b) => b.trim())) {
    if (written.startsWith('!')) continue;
    if (/^[^@\s:]+@[^@\s]+$/.test(written)) entries.push(botEntry(written.toLowerCase(), []));
    else if (isIdentityIdOfIdKind(written)) {
      const alias = normalizeAlias(written);
      if (typeof alias === 'string') entries.push(botEntry(null, [alias]));
    }
  }
  return entries;
}

/** The kind part of an identity id (`mediawiki:JDoe` -> `mediawiki`). */
function kindOf(alias: string): string {
  return alias.slice(0, Math.max(0, alias.indexOf(':')));
}

/**
 * `slack:U1`, `Engage:123`: an account of a source whose accounts are ids rather than user names
 * (a wiki user name is matched by the adapter itself).
 */
function isIdentityIdOfIdKind(written: string): boolean {
  const colon = written.indexOf(':');
  const kind = colon > 0 ? kindOfAliasPrefix(written.slice(0, colon)) : null;
  return kind !== null && !ACCOUNT_TRAITS[kind]?.userNames;
}

function botEntry(email: string | null, aliases: string[]): PeopleEntry {
  return { email, name: null, department: null, role: 'bot', aliases, since: null };
}
