import type { Identity } from '../../model/types.js';
import { isJsonObject, objectField, readJsonArray, stringField } from '../shared/json-stream.js';
import type { InputFile, SourceContext } from '../types.js';

/** What the messages need to know about one Slack user. */
export interface SlackUser {
  name: string | null;
  isBot: boolean;
}

/** Slackbot's fixed id: it has no `is_bot` flag in every export, yet is never a person. */
export const SLACKBOT_ID = 'USLACKBOT';

/**
 * Reads `users.json` (or Enterprise Grid's `org_users.json`) into identities `slack:<id>`. The name
 * is the full name (`real_name`, then `profile.real_name`), falling back to the display name and
 * the handle so that nobody shows as a bare id when Slack knows better. E-mail comes from
 * `profile.email`, which only some export types carry.
 */
export async function readUsers(
  file: InputFile,
  ctx: SourceContext,
): Promise<{ users: Map<string, SlackUser>; identities: Identity[] }> {
  const users = new Map<string, SlackUser>();
  const identities: Identity[] = [];
  ctx.fileRead(file.displayPath);
  const result = await readJsonArray(await file.open());
  if ('failure' in result) {
    ctx.problem({
      file: file.displayPath,
      line: result.failure.line,
      reason: 'malformed',
      detail: `${file.name} ${result.failure.detail}; people are identified by their Slack id only`,
    });
    return { users, identities };
  }
  for (const { value, line } of result.items) {
    const id = isJsonObject(value) ? stringField(value, 'id') : null;
    if (!isJsonObject(value) || id === null) {
      ctx.problem({
        file: file.displayPath,
        line,
        reason: 'missingField',
        detail: 'a user without an "id" is ignored',
      });
      continue;
    }
    const profile = objectField(value, 'profile') ?? {};
    const name =
      stringField(value, 'real_name') ??
      stringField(profile, 'real_name') ??
      stringField(profile, 'display_name') ??
      stringField(value, 'name');
    const handle = stringField(value, 'name');
    const listedAsBot = ctx.options.botAccounts.some(
      (account) => account === id.toLowerCase() || account === handle?.toLowerCase(),
    );
    const isBot = value.is_bot === true || id === SLACKBOT_ID || listedAsBot;
    users.set(id, { name, isBot });
    identities.push({
      id: `slack:${id}`,
      source: 'slack',
      name,
      email: stringField(profile, 'email'),
      department: null,
      isBot,
    });
  }
  return { users, identities };
}
