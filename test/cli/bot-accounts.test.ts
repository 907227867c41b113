import { describe, expect, it } from 'vitest';
import { adapterBotAccounts, botPeopleEntries } from '../../src/cli/bot-accounts.js';
import type { PeopleEntry } from '../../src/model/types.js';

const row = (role: PeopleEntry['role'], aliases: string[]): PeopleEntry => ({
  email: null,
  name: null,
  department: null,
  role,
  aliases,
  since: null,
});

describe('bot accounts from config and people file', () => {
  it('gives adapters the config entries lower-cased and "!name" for wiki aliases of people who are not bots', () => {
    const people = [
      row(null, ['mediawiki:Talbot', 'slack:U1']),
      row('bot', ['mediawiki:AuroraBot']),
      row('staff', ['mediawiki:Ops Bot']),
    ];
    expect(adapterBotAccounts(['AuroraBot', 'U0BOT'], people)).toEqual(['aurorabot', 'u0bot', '!talbot', '!ops bot']);
  });

  it('turns e-mails and prefixed ids into people-file rows with the role bot; wiki names and bare Slack ids stay with the adapters', () => {
    expect(
      botPeopleEntries([
        'Digest@Aurora.example',
        'yammer:1488',
        'Teams:ABCDEF01-0000-0000-0000-000000000001',
        'AuroraBot',
        'U0BOT',
        '!Talbot',
      ]),
    ).toEqual([
      { email: 'digest@aurora.example', name: null, department: null, role: 'bot', aliases: [], since: null },
      { email: null, name: null, department: null, role: 'bot', aliases: ['yammer:1488'], since: null },
      {
        email: null,
        name: null,
        department: null,
        role: 'bot',
        aliases: ['teams:abcdef01-0000-0000-0000-000000000001'],
        since: null,
      },
    ]);
  });
});
