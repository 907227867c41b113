/**
 * The side files of a Yammer network export, read before Messages.csv: Users.csv (identities,
 * names for mentions), Groups.csv (space names and privacy) and Topics.csv (tag names). Their rows
 * are not activity records: a bad row is a problem, never a skipped record.
 */
import type { Identity } from '../../model/types.js';
import { openCsv } from '../shared/csv-records.js';
import type { InputFile, InputTree, SourceContext } from '../types.js';
import { cell, flag, optional } from './fields.js';
import type { YammerGroup } from './map.js';

/** What the side files tell about one network. */
export interface YammerLookups {
  /** User id -> display name, from Users.csv and, as messages are read, from `sender_name`. */
  userNames: Map<string, string>;
  /** Ids of users with an identity already emitted. */
  knownUsers: Set<string>;
  groups: Map<string, YammerGroup>;
  topics: Map<string, string>;
}

/**
 * What a `[[group:ID]]` reference shows: the group's name, or for a private group only that it is
 * one (its name is private text, which a public message must not carry); null for an unknown id.
 * The SQL loader (engine-read.ts) writes the same rule in its CASE, with PRIVATE_GROUP_MENTION.
 */
export const PRIVATE_GROUP_MENTION = 'a private group';
export function groupMentionName(groups: ReadonlyMap<string, YammerGroup>, id: string): string | null {
  const group = groups.get(id);
  return group === undefined ? null : group.isPrivate ? PRIVATE_GROUP_MENTION : group.name;
}

export function emptyLookups(): YammerLookups {
  return { userNames: new Map(), knownUsers: new Set(), groups: new Map(), topics: new Map() };
}

/** A side file of the network rooted at `root`, when present. */
export function sideFile(input: InputTree, root: string, name: string): InputFile | undefined {
  return input.find(`${root}${name}`);
}

/**
 * Reads Users.csv and yields one identity per user. A `soft_delete` user (pending, suspended or
 * deleted) is still a person: their past messages count.
 */
export async function* readUsers(
  file: InputFile,
  lookups: YammerLookups,
  ctx: SourceContext,
): AsyncGenerator<Identity> {
  ctx.fileRead(file.displayPath);
  const table = await openCsv(file, (p) => ctx.problem(p));
  for await (const item of table.rows()) {
    if (item.type === 'malformed') continue; // reported by the CSV reader; not an activity record
    const id = cell(item.fields, 'id');
    if (id === '') {
      ctx.problem({
        file: file.displayPath,
        line: item.line,
        reason: 'missingField',
        detail: 'user row without an id; left out',
      });
      continue;
    }
    const name = optional(item.fields, 'name') ?? optional(item.fields, 'full_name');
    if (name) lookups.userNames.set(id, name);
    lookups.knownUsers.add(id);
    const email = optional(item.fields, 'email');
    yield {
      id: `yammer:${id}`,
      source: 'yammer',
      name,
      email,
      department: optional(item.fields, 'department'),
      isBot: false,
    };
  }
}

/** Reads Groups.csv into the lookups (`private` true makes the group's space private). */
export async function readGroups(file: InputFile, lookups: YammerLookups, ctx: SourceContext): Promise<void> {
  ctx.fileRead(file.displayPath);
  const table = await openCsv(file, (p) => ctx.problem(p));
  for await (const item of table.rows()) {
    if (item.type === 'malformed') continue;
    const id = cell(item.fields, 'id');
    if (id === '') continue;
    lookups.groups.set(id, {
      name: cell(item.fields, 'name') || `Group ${id}`,
      isPrivate: flag(item.fields, 'private'),
    });
  }
}

/** Reads Topics.csv into the lookups (topic id -> name, for `[[tag:ID]]`). */
export async function readTopics(file: InputFile, lookups: YammerLookups, ctx: SourceContext): Promise<void> {
  ctx.fileRead(file.displayPath);
  const table = await openCsv(file, (p) => ctx.problem(p));
  for await (const item of table.rows()) {
    if (item.type === 'malformed') continue;
    const id = cell(item.fields, 'id');
    const name = cell(item.fields, 'name');
    if (id !== '' && name !== '') lookups.topics.set(id, name);
  }
}
