import { describe, expect, it } from 'vitest';
import { memoryFile } from '../../helpers/memory-file.js';
import { InputError } from '../../../src/errors.js';
import { normalizeAlias, readPeopleFile } from '../../../src/sources/people/read-people.js';

const peopleFile = (text: string) => memoryFile('people.csv', text, 'cfg');

describe('readPeopleFile', () => {
  it('reads roles, departments, since and normalized aliases', async () => {
    const csv = [
      'Email,Name,Department,Role,Aliases,Since',
      'Ana.Ruiz@Example.com,Ana Ruiz,Sales,Moderator,Slack:u123; mediawiki:ana_ruiz ;teams:9F2C3E1A-0B4D-4E5F-8A6B-7C8D9E0F1A2B;yammer:1488,2026-01-15',
      ',Wiki Bot,,bot,wiki:maintenance bot,',
      'bo@example.com,Bo,IT,,,',
    ].join('\n');
    const { entries, problems } = await readPeopleFile(peopleFile(csv));
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        email: 'ana.ruiz@example.com',
        name: 'Ana Ruiz',
        department: 'Sales',
        role: 'moderator',
        aliases: ['slack:U123', 'mediawiki:Ana ruiz', 'teams:9f2c3e1a-0b4d-4e5f-8a6b-7c8d9e0f1a2b', 'yammer:1488'],
        since: '2026-01-15',
      },
      {
        email: null,
        name: 'Wiki Bot',
        department: null,
        role: 'bot',
        aliases: ['mediawiki:Maintenance bot'],
        since: null,
      },
      { email: 'bo@example.com', name: 'Bo', department: 'IT', role: null, aliases: [], since: null },
    ]);
  });

  it('reports bad values at their line and keeps the rest of the row', async () => {
    const csv = [
      'email,name,role,aliases,since',
      'a@example.com,A,champion,slack:U1;U2;jira:7;teams:,next week', // line 2
      'not-an-email,B,staff,,', // line 3: no usable e-mail and no alias: left out
      'A@example.com,A again,,,', // line 4: same e-mail as line 2
    ].join('\n');
    const { entries, problems } = await readPeopleFile(peopleFile(csv));
    expect(problems.map((p) => `${p.file}:${p.line} ${p.detail}`)).toEqual([
      'cfg/people.csv:2 role "champion" is not one of moderator, sponsor, staff, bot; no role is given',
      'cfg/people.csv:2 alias "U2" has no source prefix (write e.g. slack:U2); it is ignored',
      'cfg/people.csv:2 alias "jira:7" starts with an unknown source (use yammer:, slack:, mediawiki:, teams:, csv:); it is ignored',
      'cfg/people.csv:2 alias "teams:" has no id after the prefix; it is ignored',
      'cfg/people.csv:2 since "next week" is not an ISO date (YYYY-MM-DD); it is ignored',
      'cfg/people.csv:3 "not-an-email" is not an e-mail address; the row is matched by its aliases only',
      'cfg/people.csv:3 the row has no e-mail and no alias, so it matches no one; it is left out',
      "cfg/people.csv:4 a@example.com is also on line 2; the first row's name, department and role are used",
    ]);
    expect(entries.map((e) => [e.email, e.role, e.aliases, e.since])).toEqual([
      ['a@example.com', null, ['slack:U1'], null],
      ['a@example.com', null, [], null],
    ]);
  });

  it('accepts a file with aliases only, and refuses one with neither email nor aliases', async () => {
    const aliasesOnly = await readPeopleFile(peopleFile('aliases,department\nslack:U9,Ops\n'));
    expect(aliasesOnly.entries.map((e) => [e.aliases, e.department])).toEqual([[['slack:U9'], 'Ops']]);
    const neither = readPeopleFile(peopleFile('name,department\nAna,Sales\n'));
    await expect(neither).rejects.toBeInstanceOf(InputError);
    await expect(neither).rejects.toThrow(
      'cfg/people.csv:1: a people file needs an "email" or an "aliases" column\n  hint: columns: email, name, department, role, aliases, since; this file has: name, department',
    );
  });
});

describe('normalizeAlias', () => {
  it('matches the ids the adapters emit', () => {
    expect(normalizeAlias('MediaWiki:jDoe')).toBe('mediawiki:JDoe');
    expect(normalizeAlias('engage:1488')).toBe('yammer:1488');
    expect(normalizeAlias('teams:29:1abc')).toBe('teams:29:1abc');
    expect(normalizeAlias('csv:ana')).toBe('csv:ana');
  });
});
