/**
 * The small JSON files of a Slack export: users, conversations and the integration log.
 */
import { join } from 'node:path';
import type { Person, SpaceSpec } from './model.js';
import { writeSmallFile } from './output.js';
import type { Rng } from './prng.js';
import type { SlackWorld } from './world.js';

/** The workspace id every object carries. */
export const TEAM_ID = 'T0AURORA01';

const TZ: Record<string, [string, string, number]> = {
  Berlin: ['Europe/Berlin', 'Central European Summer Time', 7200],
  Lyon: ['Europe/Paris', 'Central European Summer Time', 7200],
  Kyiv: ['Europe/Kyiv', 'Eastern European Summer Time', 10800],
  Madrid: ['Europe/Madrid', 'Central European Summer Time', 7200],
  Stockholm: ['Europe/Stockholm', 'Central European Summer Time', 7200],
  Remote: ['Europe/London', 'British Summer Time', 3600],
};

function pretty(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}

function userObject(p: Person, rng: Rng): object {
  const [tz, label, offset] = TZ[p.location] ?? ['UTC', 'Coordinated Universal Time', 0];
  const [first = '', ...rest] = p.name.split(' ');
  const profile: Record<string, unknown> = {
    title: p.jobTitle,
    phone: '',
    skype: '',
    real_name: p.name,
    real_name_normalized: p.name.normalize('NFD').replace(/\p{M}/gu, ''),
    display_name: first,
    display_name_normalized: first,
    fields: null,
    status_text: '',
    status_emoji: '',
    avatar_hash: `g${rng.hex(11)}`,
  };
  if (p.slackEmail) profile.email = p.email;
  Object.assign(profile, {
    first_name: first,
    last_name: rest.join(' '),
    image_72: `https://secure.gravatar.com/avatar/${rng.hex(32)}.jpg?s=72`,
    team: TEAM_ID,
  });
  return {
    id: p.slackId,
    team_id: TEAM_ID,
    name: p.email.split('@')[0],
    deleted: false,
    color: rng.hex(6),
    real_name: p.name,
    tz,
    tz_label: label,
    tz_offset: offset,
    profile,
    is_admin: p.role === 'moderator',
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: false,
    is_app_user: false,
    updated: 1_772_323_200,
  };
}

function botObject(world: SlackWorld): object {
  return {
    id: world.bot.userId,
    team_id: TEAM_ID,
    name: world.bot.name,
    deleted: false,
    color: '4bbe2e',
    real_name: 'Aurora Digest',
    tz: 'America/Los_Angeles',
    tz_label: 'Pacific Daylight Time',
    tz_offset: -25200,
    profile: {
      title: '',
      phone: '',
      skype: '',
      real_name: 'Aurora Digest',
      real_name_normalized: 'Aurora Digest',
      display_name: '',
      display_name_normalized: '',
      fields: null,
      bot_id: world.bot.botId,
      always_active: true,
      first_name: 'Aurora',
      last_name: 'Digest',
      team: TEAM_ID,
    },
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: true,
    is_app_user: false,
    updated: 1_772_323_200,
  };
}

function conversation(s: SpaceSpec): object {
  const created = Math.floor(s.createdAt / 1000);
  const creator = s.createdBy.slackId ?? '';
  return {
    id: s.id,
    name: s.name,
    created,
    creator,
    is_archived: false,
    is_general: s.name === 'general',
    members: s.members.map((m) => m.slackId ?? ''),
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: s.description, creator, last_set: created },
    ...(s.kind === 'private' ? { is_private: true } : {}),
  };
}

/** Writes users.json, channels.json, groups.json, dms.json, mpims.json and integration_logs.json. */
export async function writeSlackMetadata(dir: string, world: SlackWorld, rng: Rng): Promise<void> {
  await writeSmallFile(
    join(dir, 'users.json'),
    pretty([...world.people.map((p) => userObject(p, rng)), botObject(world)]),
  );
  await writeSmallFile(
    join(dir, 'channels.json'),
    pretty(world.spaces.filter((s) => s.kind === 'channel').map(conversation)),
  );
  await writeSmallFile(
    join(dir, 'groups.json'),
    pretty(world.spaces.filter((s) => s.kind === 'private').map(conversation)),
  );
  const dms = world.spaces
    .filter((s) => s.kind === 'dm')
    .map((s) => ({
      id: s.id,
      created: Math.floor(s.createdAt / 1000),
      members: s.members.map((m) => m.slackId ?? ''),
    }));
  await writeSmallFile(join(dir, 'dms.json'), pretty(dms));
  await writeSmallFile(join(dir, 'mpims.json'), pretty([]));
  const first = world.spaces[0];
  const log = [
    {
      user_id: first?.createdBy.slackId ?? '',
      user_name: first?.createdBy.email.split('@')[0] ?? '',
      bot_id: world.bot.botId,
      date: String(Math.floor((first?.createdAt ?? 0) / 1000)),
      change_type: 'added',
      scope: 'incoming-webhook',
      channel: 'general',
      service_type: 'Incoming WebHooks',
    },
  ];
  await writeSmallFile(join(dir, 'integration_logs.json'), pretty(log));
}
