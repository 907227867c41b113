import { InputError } from '../../errors.js';
import type { PeopleEntry, PersonRole } from '../../model/types.js';
import { kindOfAliasPrefix, SOURCE_KINDS, SOURCES } from '../registry.js';
import { openCsv } from '../shared/csv-records.js';
import { parseInstant } from '../shared/timestamps.js';
import type { InputFile, Problem } from '../types.js';

const ROLES: readonly PersonRole[] = ['moderator', 'sponsor', 'staff', 'bot'];

/**
 * Reads a people file (`--people people.csv`): columns `email`, `name`, `department`, `role`
 * (moderator | sponsor | staff | bot), `aliases` (`;`-separated identity ids such as
 * `slack:U123;mediawiki:JDoe;teams:<id>;yammer:<id>`) and optionally `since` (ISO date, for
 * moderators). Aliases are normalized to the ids adapters emit: Slack ids upper-cased, Teams
 * (Entra) GUIDs lower-cased, MediaWiki user names with spaces and an upper-case first letter.
 * A bad value is a problem and becomes null (the row is kept); a row that names nobody is
 * dropped with a problem. A file with neither an `email` nor an `aliases` column is unusable.
 */
export async function readPeopleFile(file: InputFile): Promise<{ entries: PeopleEntry[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const report = (problem: Problem) => problems.push(problem);
  const table = await openCsv(file, report);
  if (!table.has('email') && !table.has('aliases')) {
    throw new InputError(file.displayPath, table.headerLine, 'a people file needs an "email" or an "aliases" column', {
      hint: `columns: email, name, department, role, aliases, since; this file has: ${table.columns.join(', ') || '(nothing)'}`,
    });
  }
  const entries: PeopleEntry[] = [];
  const emailLines = new Map<string, number>();
  const aliasOwners = new Map<string, { line: number; email: string | null }>();
  for await (const item of table.rows()) {
    if (item.type === 'malformed') continue; // already reported by openCsv
    const at = (detail: string) => report({ file: file.displayPath, line: item.line, reason: 'people', detail });
    const entry = peopleEntry(item.fields, at);
    if (entry.email === null && entry.aliases.length === 0) {
      at('the row has no e-mail and no alias, so it matches no one; it is left out');
      continue;
    }
    if (entry.email !== null) {
      const first = emailLines.get(entry.email);
      if (first !== undefined)
        at(`${entry.email} is also on line ${first}; the first row's name, department and role are used`);
      else emailLines.set(entry.email, item.line);
    }
    claimAliases(aliasOwners, entry, item.line, file.displayPath);
    entries.push(entry);
  }
  return { entries, problems };
}

/**
 * An alias names one person. Two rows of different people (or without an e-mail to say they are
 * the same) claiming it would silently merge two people into one, so the file is refused with
 * both lines. Rows repeating the same e-mail are one person and may repeat its aliases.
 */
function claimAliases(
  owners: Map<string, { line: number; email: string | null }>,
  entry: PeopleEntry,
  line: number,
  file: string,
): void {
  for (const alias of entry.aliases) {
    const first = owners.get(alias);
    if (first === undefined) owners.set(alias, { line, email: entry.email });
    else if (first.email === null || first.email !== entry.email) {
      throw new InputError(
        file,
        line,
        `alias "${alias}" is also claimed on line ${first.line}; one alias cannot belong to two rows`,
        {
          hint: `keep it on the row of the person it belongs to (line ${first.line} or line ${line}), or give both rows the same e-mail if they are one person`,
        },
      );
    }
  }
}

/** One row to an entry; `problem` receives what could not be used. */
function peopleEntry(fields: Record<string, string>, problem: (detail: string) => void): PeopleEntry {
  const get = (name: string) => (fields[name] ?? '').trim();
  let email: string | null = get('email').toLowerCase() || null;
  if (email !== null && !/^[^@\s]+@[^@\s]+$/.test(email)) {
    problem(`"${get('email')}" is not an e-mail address; the row is matched by its aliases only`);
    email = null;
  }
  return {
    email,
    name: get('name') || null,
    department: get('department') || null,
    role: role(get('role'), problem),
    aliases: aliases(get('aliases'), problem),
    since: since(get('since'), problem),
  };
}

function role(raw: string, problem: (detail: string) => void): PersonRole | null {
  if (raw === '') return null;
  const found = ROLES.find((r) => r === raw.toLowerCase());
  if (found === undefined) problem(`role "${raw}" is not one of ${ROLES.join(', ')}; no role is given`);
  return found ?? null;
}

function since(raw: string, problem: (detail: string) => void): string | null {
  if (raw === '') return null;
  const at = parseInstant(raw);
  if (at === null) {
    problem(`since "${raw}" is not an ISO date (YYYY-MM-DD); it is ignored`);
    return null;
  }
  return new Date(at).toISOString().slice(0, 10);
}

function aliases(raw: string, problem: (detail: string) => void): string[] {
  const out: string[] = [];
  for (const written of raw
    .split(';')
    .map((a) => a.trim())
    .filter((a) => a !== '')) {
    const alias = normalizeAlias(written);
    if (typeof alias === 'string') {
      if (!out.includes(alias)) out.push(alias);
    } else problem(`alias "${written}" ${alias.error}; it is ignored`);
  }
  return out;
}

/** `Slack: u123` -> `slack:U123`; `wiki:j_doe` -> `mediawiki:J doe`. */
export function normalizeAlias(written: string): string | { error: string } {
  const colon = written.indexOf(':');
  if (colon <= 0) return { error: `has no source prefix (write e.g. slack:${written})` };
  // Written forms vary (`Slack:`, `wiki:`, `engage:`); the ids the adapters emit do not.
  const kind = kindOfAliasPrefix(written.slice(0, colon));
  const id = written.slice(colon + 1).trim();
  if (kind === null) return { error: `starts with an unknown source (use ${SOURCE_KINDS.join(':, ')}:)` };
  if (id === '') return { error: 'has no id after the prefix' };
  return `${kind}:${SOURCES[kind].accounts.normalizeId(id)}`;
}
