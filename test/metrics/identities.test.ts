import { describe, expect, it } from 'vitest';
import { computeIdentities } from '../../src/metrics/identities.js';
import { newAccount } from '../../src/model/accounting.js';
import { act, inlineDataset } from '../helpers/dataset.js';

describe('computeIdentities', () => {
  it('counts identities, persons, bots, unmatched identities and alias merges per source', async () => {
    // Yammer: Ana (e-mail), Ben (e-mail), a bot. Slack: Ana by e-mail, Cy without e-mail.
    // Wiki: AnaR (aliased to Ana), Dee (nothing). Persons: Ana, Ben, Cy, Dee = 4; Ana spans 3 sources.
    const { dataset } = await inlineDataset({
      identities: [
        { id: 'yammer:1', source: 'yammer', name: 'Ana', email: 'ana@x.org', department: null, isBot: false },
        { id: 'yammer:2', source: 'yammer', name: 'Ben', email: 'ben@x.org', department: null, isBot: false },
        { id: 'yammer:9', source: 'yammer', name: 'Bot', email: null, department: null, isBot: true },
        { id: 'slack:U1', source: 'slack', name: 'Ana', email: 'ANA@x.org', department: null, isBot: false },
        { id: 'slack:U2', source: 'slack', name: 'Cy', email: null, department: null, isBot: false },
        { id: 'mediawiki:AnaR', source: 'mediawiki', name: 'AnaR', email: null, department: null, isBot: false },
        { id: 'mediawiki:Dee', source: 'mediawiki', name: 'Dee', email: null, department: null, isBot: false },
      ],
      people: [
        { email: 'ana@x.org', name: null, department: null, role: null, aliases: ['mediawiki:AnaR'], since: null },
      ],
      activities: [act({ id: 'yammer:100', at: '2026-01-01T00:00:00Z', identityId: 'yammer:1' })],
    });
    const accounts = [
      newAccount(0, 'yammer', 'y.zip'),
      newAccount(1, 'slack', 's.zip'),
      newAccount(2, 'mediawiki', 'w.xml'),
    ];
    expect(await computeIdentities(dataset.query, accounts)).toEqual({
      sources: [
        { source: 'yammer', path: 'y.zip', identitiesSeen: 3, persons: 2, botsExcluded: 1, unmatched: 0 },
        { source: 'slack', path: 's.zip', identitiesSeen: 2, persons: 2, botsExcluded: 0, unmatched: 1 },
        { source: 'mediawiki', path: 'w.xml', identitiesSeen: 2, persons: 2, botsExcluded: 0, unmatched: 1 },
      ],
      persons: 4,
      mergedAcrossSources: 1,
      aliasMerges: 1,
      // Not anonymized: all four persons are named.
      namedPersons: 4,
    });
    await dataset.close();
  });
});
