/**
 * The spaces of each tool (Yammer groups and private conversations, Slack channels and DMs) for a
 * given roster. The sample pilot and the benchmark exports share these, so the shapes match.
 */
import { DEPARTMENTS, type Department, type Person, type SpaceSpec } from './model.js';
import type { Rng } from './prng.js';

/** A Yammer topic (hashtag) listed in Topics.csv. */
export interface TopicSpec {
  id: string;
  name: string;
  createdBy: Person;
  createdAt: number;
}

/** Everything a Yammer export needs besides its threads. */
export interface YammerWorld {
  people: readonly Person[];
  /** Groups (public and private) and private conversations (`kind: 'dm'`). */
  spaces: readonly SpaceSpec[];
  topics: readonly TopicSpec[];
}

/** Everything a Slack export needs besides its threads. */
export interface SlackWorld {
  people: readonly Person[];
  /** Public channels, private channels (`kind: 'private'`) and DMs. */
  spaces: readonly SpaceSpec[];
  /** The integration's bot user (users.json) that posts `bot_message`s. */
  bot: { userId: string; botId: string; name: string };
}

const SLUG: Record<Department, string> = {
  Sales: 'sales',
  Engineering: 'engineering',
  Operations: 'ops-help',
  Finance: 'finance',
  HR: 'people-team',
  'Customer Success': 'customer-success',
};

function moderatorsFirst(people: readonly Person[], count: number): Person[] {
  const mods = people.filter((p) => p.role === 'moderator');
  return [...mods, ...people.filter((p) => p.role !== 'moderator')].slice(0, count);
}

function space(partial: Omit<SpaceSpec, 'description'> & { description?: string }): SpaceSpec {
  return { description: '', ...partial };
}

/** Yammer groups: All Company, one per department, one private group; three private conversations. */
export function yammerWorld(rng: Rng, people: readonly Person[], start: number): YammerWorld {
  const onYammer = people.filter((p) => p.yammerId !== null);
  const owner = onYammer[0];
  if (owner === undefined) throw new Error('generator bug: nobody on Yammer');
  let nextGroup = 21_870_000 + rng.int(0, 9_999);
  const groupId = (): string => String((nextGroup += rng.int(101, 997)));
  const at = start - 20 * 86_400_000;
  const spaces: SpaceSpec[] = [
    space({
      source: 'yammer',
      id: groupId(),
      name: 'All Company',
      kind: 'group',
      department: null,
      members: [],
      createdAt: at,
      createdBy: owner,
      description: 'Everyone at the company',
    }),
  ];
  for (const department of DEPARTMENTS) {
    const lead = onYammer.find((p) => p.department === department) ?? owner;
    spaces.push(
      space({
        source: 'yammer',
        id: groupId(),
        name: department,
        kind: 'group',
        department,
        members: [],
        createdAt: at,
        createdBy: lead,
        description: `${department} questions and news`,
      }),
    );
  }
  const champions = moderatorsFirst(onYammer, 8);
  spaces.push(
    space({
      source: 'yammer',
      id: groupId(),
      name: 'Aurora Champions',
      kind: 'private',
      department: null,
      members: champions,
      createdAt: at,
      createdBy: owner,
      description: 'Pilot champions only',
    }),
  );
  for (let i = 0; i < 3; i += 1) {
    const pair = rng.sample(onYammer, 2);
    const first = pair[0];
    if (pair.length === 2 && first !== undefined) {
      spaces.push(
        space({
          source: 'yammer',
          id: String(3_100_000_000 + i * 7_331 + rng.int(0, 999)),
          name: 'private conversation',
          kind: 'dm',
          department: null,
          members: pair,
          createdAt: start,
          createdBy: first,
        }),
      );
    }
  }
  let nextTopic = 4_120_000 + rng.int(0, 999);
  const topics: TopicSpec[] = ['idea', 'onboarding', 'tips', 'weekly'].map((name) => ({
    id: String((nextTopic += rng.int(11, 97))),
    name,
    createdBy: owner,
    createdAt: at,
  }));
  return { people: onYammer, spaces, topics };
}

function channelId(prefix: 'C' | 'G' | 'D', rng: Rng): string {
  return `${prefix}0${rng.hex(8).toUpperCase()}`;
}

/** Slack channels: #general, #random, one per department, one private channel and one DM. */
export function slackWorld(rng: Rng, people: readonly Person[], start: number): SlackWorld {
  const onSlack = people.filter((p) => p.slackId !== null);
  const owner = onSlack[0];
  if (owner === undefined) throw new Error('generator bug: nobody on Slack');
  const at = start - 10 * 86_400_000;
  const spaces: SpaceSpec[] = [
    space({
      source: 'slack',
      id: channelId('C', rng),
      name: 'general',
      kind: 'channel',
      department: null,
      members: onSlack,
      createdAt: at,
      createdBy: owner,
      description: 'Company-wide announcements',
    }),
    space({
      source: 'slack',
      id: channelId('C', rng),
      name: 'random',
      kind: 'channel',
      department: null,
      members: onSlack,
      createdAt: at,
      createdBy: owner,
      description: 'Anything goes',
    }),
  ];
  for (const department of DEPARTMENTS) {
    const members = onSlack.filter((p) => p.department === department);
    if (members.length === 0) continue;
    const creator = members[0] ?? owner;
    spaces.push(
      space({
        source: 'slack',
        id: channelId('C', rng),
        name: SLUG[department],
        kind: 'channel',
        department,
        members,
        createdAt: at,
        createdBy: creator,
        description: `${department} team channel`,
      }),
    );
  }
  const leads = moderatorsFirst(onSlack, 6);
  spaces.push(
    space({
      source: 'slack',
      id: channelId('G', rng),
      name: 'aurora-leads',
      kind: 'private',
      department: null,
      members: leads,
      createdAt: at,
      createdBy: leads[0] ?? owner,
      description: 'Pilot leads (private)',
    }),
  );
  const dm = rng.sample(onSlack, 2);
  const dmOwner = dm[0];
  if (dm.length === 2 && dmOwner !== undefined) {
    spaces.push(
      space({
        source: 'slack',
        id: channelId('D', rng),
        name: 'dm',
        kind: 'dm',
        department: null,
        members: dm,
        createdAt: start,
        createdBy: dmOwner,
      }),
    );
  }
  return { people: onSlack, spaces, bot: { userId: 'U0AURBOT01', botId: 'B0AURBOT01', name: 'aurora-digest' } };
}
