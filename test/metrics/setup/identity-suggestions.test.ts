import { describe, expect, it } from 'vitest';
import { plainName, suggestIdentities, type IdentityRow } from '../../../src/metrics/setup/identity-suggestions.js';
import { ACCOUNT_TRAITS } from '../../../src/sources/registry.js';

const row = (
  identityId: string,
  name: string | null,
  email: string | null = null,
  personId = email ?? identityId,
): IdentityRow => ({
  identityId,
  source: identityId.split(':')[0] ?? '',
  personId,
  name,
  email,
});

describe('plainName', () => {
  it('drops accents and case, and folds letters Unicode does not decompose', () => {
    expect(plainName('José  Núñez')).toBe('jose nunez');
    expect(plainName('Zoë Łukasz')).toBe('zoe lukasz');
    expect(plainName('Ærin Søderberg')).toBe('aerin soderberg');
  });
});

describe('suggestIdentities', () => {
  it('links the same full name across sources, a wiki handle to the one full name it reads as, and an e-mail local part to a Slack name', () => {
    const rows = [
      row('yammer:1', 'José Núñez', 'jose.nunez@x.example'),
      row('slack:U1', 'Jose Nunez'), // no e-mail: a person of its own until confirmed
      row('mediawiki:JNunez', 'JNunez'), // initial + last name
      row('yammer:2', 'Ana Ruiz', 'ana.ruiz@x.example'),
      row('mediawiki:AnaR', 'AnaR'), // first name + initial
      row('teams:abc', 'ana.ruiz'), // the e-mail's local part
    ];
    expect(suggestIdentities(rows, ACCOUNT_TRAITS)).toEqual([
      {
        anchor: { personId: 'ana.ruiz@x.example', name: 'Ana Ruiz', email: 'ana.ruiz@x.example' },
        aliases: ['mediawiki:AnaR', 'teams:abc'],
        evidence: [
          'wiki user name "AnaR" reads as "Ana Ruiz"',
          'e-mail ana.ruiz@x.example starts with the teams name "ana.ruiz"',
        ],
      },
      {
        anchor: { personId: 'jose.nunez@x.example', name: 'José Núñez', email: 'jose.nunez@x.example' },
        aliases: ['mediawiki:JNunez', 'slack:U1'],
        evidence: ['same name "Jose Nunez" in yammer and slack', 'wiki user name "JNunez" reads as "José Núñez"'],
      },
    ]);
  });

  it('never links one-word names, accounts of one person, or a handle that fits two different names', () => {
    const rows = [
      row('yammer:1', 'ana', 'a1@x.example'),
      row('slack:U1', 'ana'),
      row('yammer:2', 'Tom Becker', 'tom@x.example'),
      row('slack:U2', 'Tom Becker', 'tom@x.example'), // merged already by e-mail
      row('yammer:3', 'Tina Becker', 'tina@x.example'),
      row('mediawiki:TBecker', 'TBecker'), // Tom or Tina: no suggestion
    ];
    expect(suggestIdentities(rows, ACCOUNT_TRAITS)).toEqual([]);
  });

  it('keys a group without any e-mail by its first person', () => {
    const [only] = suggestIdentities([row('slack:U1', 'Wang Wei'), row('teams:t1', 'Wang Wei')], ACCOUNT_TRAITS);
    expect(only).toEqual({
      anchor: { personId: 'slack:U1', name: 'Wang Wei', email: null },
      aliases: ['teams:t1'],
      evidence: ['same name "Wang Wei" in slack and teams'],
    });
  });
});

describe('suggestIdentities without e-mails', () => {
  it('keys the row by the chat account, named by the full name, with the wiki account as an alias', () => {
    const [only] = suggestIdentities(
      [row('mediawiki:JNunez', 'JNunez'), row('slack:U9', 'José Núñez')],
      ACCOUNT_TRAITS,
    );
    expect(only).toEqual({
      anchor: { personId: 'slack:U9', name: 'José Núñez', email: null },
      aliases: ['mediawiki:JNunez'],
      evidence: ['wiki user name "JNunez" reads as "José Núñez"'],
    });
  });
});
