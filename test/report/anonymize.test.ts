import { describe, expect, it } from 'vitest';
import { anonymizeDocument, pseudonymizer, type PersonRef } from '../../src/report/anonymize.js';

const ana: PersonRef = { id: 'ana.ruiz@example.com', name: 'Ana Ruiz', email: 'ana.ruiz@example.com' };
const bo: PersonRef = {
  id: 'bo@example.com',
  name: 'Bo Lindqvist',
  email: 'bo@example.com',
  aliases: ['slack:U2BO'],
  names: ['bolind'],
};
const chen: PersonRef = { id: 'chen.wei@example.com', name: 'Chen Wei', email: 'chen.wei@example.com' };
const recognized = new Set(['Chen.Wei@Example.com']);

/** A metrics document in miniature, with the three planted persons wherever outputs name people. */
function plantedDocument() {
  return {
    schemaVersion: 1,
    ideas: {
      funnel: { raised: 2, actioned: 1 },
      bySpace: [{ key: 'slack:C1', name: 'Marketing', suppressed: false, raised: 2 }],
      items: [
        {
          id: 'slack:C1:1.0',
          space: 'Marketing',
          title: 'Follow-up to Bo Lindqvist’s idea, ping ana.ruiz@example.com or bolind',
          author: 'ana.ruiz@example.com',
          authorName: 'Ana Ruiz',
          participants: 3,
          evidence: [
            { stage: 'discussed', kind: 'reply', person: 'slack:U2BO' },
            { stage: 'actioned', kind: 'tag', person: 'chen.wei@example.com' },
          ],
        },
      ],
    },
    recognition: {
      helpers: [
        { person: 'bo@example.com', name: 'Bo Lindqvist', email: 'bo@example.com', firstResponses: 4 },
        { person: 'chen.wei@example.com', name: 'Chen Wei', email: 'chen.wei@example.com', firstResponses: 2 },
      ],
      byPerson: { 'ana.ruiz@example.com': { posts: 3 }, 'chen.wei@example.com': { posts: 1 } },
    },
    network: {
      edges: [{ from: 'ana.ruiz@example.com', to: 'bo@example.com', weight: 2 }],
      people: ['Ana Ruiz', 'Chen Wei'],
    },
    warnings: ['zed@example.com wrote 2 rows without a date', 'nothing about people here'],
  };
}

describe('pseudonymizer', () => {
  it('derives the pseudonym from the hash of the person id', () => {
    // sha256("ana.ruiz@example.com") starts 539DBA38…; with the HMAC key "s3cret" it starts 07280D2B….
    expect(pseudonymizer([ana, bo]).key('ana.ruiz@example.com')).toBe('Person 539D');
    expect(pseudonymizer([ana, bo], { salt: 's3cret' }).key('ana.ruiz@example.com')).toBe('Person 0728');
  });

  it('gives the same pseudonym to the id, the e-mail in any case and the aliases', () => {
    const p = pseudonymizer([ana, bo]);
    // sha256("bo@example.com") starts C828D6B9….
    expect(['bo@example.com', 'BO@Example.com', 'slack:U2BO'].map(p.key)).toEqual([
      'Person C828',
      'Person C828',
      'Person C828',
    ]);
    expect(p.name('bolind')).toBe('Person C828');
  });

  it('lengthens only the pseudonyms whose start two persons share, whatever the order', () => {
    // sha256 of user4@… starts 40D71D3F and of user329@… 40D714C2: five shared digits, so six are used.
    const a: PersonRef = { id: 'user4@example.com', name: null, email: null };
    const b: PersonRef = { id: 'user329@example.com', name: null, email: null };
    for (const persons of [
      [a, b, ana],
      [ana, b, a],
    ]) {
      const p = pseudonymizer(persons);
      expect([p.key(a.id), p.key(b.id), p.key(ana.id)]).toEqual(['Person 40D71D', 'Person 40D714', 'Person 539D']);
    }
  });

  it('keeps recognized people, and lists recognize entries that match no one', () => {
    const p = pseudonymizer([ana, chen], {
      recognized: new Set(['chen.wei@example.com', 'nobody@example.com', 'slack:U9']),
    });
    expect(p.key('chen.wei@example.com')).toBe('chen.wei@example.com');
    expect(p.name('Chen Wei', 'chen.wei@example.com')).toBe('Chen Wei');
    expect(p.name('Ana Ruiz', 'ana.ruiz@example.com')).toBe('Person 539D');
    expect(p.unmatchedRecognized).toEqual(['nobody@example.com', 'slack:U9']);
    // Hand count: of Ana and Chen, only Chen opted in.
    expect(p.recognizedPersons).toBe(1);
  });

  it('replaces names and e-mails inside text, whole words only, one-word names in their exact case', () => {
    const will: PersonRef = { id: 'slack:U7', name: 'Will', email: null };
    const p = pseudonymizer([ana, will]);
    const willPseudonym = p.key('slack:U7');
    expect(p.text('we will ship; thanks Will and ANA RUIZ (ana.ruiz@example.com)!')).toBe(
      `we will ship; thanks ${willPseudonym} and Person 539D (Person 539D)!`,
    );
    expect(p.text('Willow and Ana Ruizova stay')).toBe('Willow and Ana Ruizova stay');
  });

  it('gives an unknown e-mail or author a pseudonym of its own, the same each time', () => {
    const p = pseudonymizer([ana]);
    const zed = p.key('zed@example.com');
    expect(zed).toMatch(/^Person [0-9A-F]{4,}$/);
    expect(p.text('mail Zed@Example.com')).toBe(`mail ${zed}`);
    expect(p.personName('Dana Unknown')).toBe(pseudonymizer([ana]).personName('dana unknown'));
  });

  it('does not let a shared name pick one of the two people', () => {
    const ana2: PersonRef = { id: 'ana.ruiz@other.example', name: 'Ana Ruiz', email: null };
    const p = pseudonymizer([ana, ana2]);
    const shared = p.name('Ana Ruiz');
    expect(shared).toMatch(/^Person [0-9A-F]{4,}$/);
    expect([p.key(ana.id), p.key(ana2.id)]).not.toContain(shared);
    expect(p.name('Ana Ruiz', ana2.id)).toBe(p.key(ana2.id));
  });
});

describe('anonymizeDocument', () => {
  it('leaves no name or e-mail of unrecognized people in the JSON, keeps the recognized one, stable across orders', () => {
    const doc = plantedDocument();
    const first = anonymizeDocument(doc, pseudonymizer([ana, bo, chen], { recognized }));
    const second = anonymizeDocument(doc, pseudonymizer([chen, bo, ana], { recognized }));
    const json = JSON.stringify(first);
    for (const marker of [
      'Ana Ruiz',
      'ana.ruiz',
      'Bo Lindqvist',
      'bo@example.com',
      'bolind',
      'slack:U2BO',
      'zed@example.com',
    ]) {
      expect(json).not.toContain(marker);
    }
    expect(json).toContain('"name":"Chen Wei"');
    expect(json).toContain('"person":"chen.wei@example.com"');
    expect(JSON.stringify(second)).toBe(json);
    // The input is not touched.
    expect(doc.ideas.items[0]?.author).toBe('ana.ruiz@example.com');
  });

  it('replaces people in place and keeps the structure, spaces and numbers', () => {
    const out = anonymizeDocument(plantedDocument(), pseudonymizer([ana, bo, chen], { recognized }));
    const [item] = out.ideas.items;
    expect(item).toMatchObject({
      id: 'slack:C1:1.0',
      space: 'Marketing',
      author: 'Person 539D',
      authorName: 'Person 539D',
      participants: 3,
    });
    expect(item?.title).toBe('Follow-up to Person C828’s idea, ping Person 539D or Person C828');
    expect(item?.evidence.map((e) => e.person)).toEqual(['Person C828', 'chen.wei@example.com']);
    expect(out.ideas.bySpace).toEqual([{ key: 'slack:C1', name: 'Marketing', suppressed: false, raised: 2 }]);
    expect(out.recognition.helpers[0]).toEqual({
      person: 'Person C828',
      name: 'Person C828',
      email: 'Person C828',
      firstResponses: 4,
    });
    expect(Object.keys(out.recognition.byPerson)).toEqual(['Person 539D', 'chen.wei@example.com']);
    expect(out.network).toEqual({
      edges: [{ from: 'Person 539D', to: 'Person C828', weight: 2 }],
      people: ['Person 539D', 'Chen Wei'],
    });
    expect(out.warnings[0]).toMatch(/^Person [0-9A-F]{4,} wrote 2 rows without a date$/);
    expect(out.warnings[1]).toBe('nothing about people here');
  });

  it('replaces an author that is no known person, and a name whose owner is unknown', () => {
    const out = anonymizeDocument({ author: 'csv:Dana Unknown', authorName: 'Dana Unknown' }, pseudonymizer([ana]));
    expect(out.author).toMatch(/^Person [0-9A-F]{4,}$/);
    expect(out.authorName).toBe(out.author);
  });
});
