import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../src/sources/capabilities.js';

describe('capabilitiesOf', () => {
  it('unions what the kinds record; Yammer records no reactions', () => {
    expect(capabilitiesOf([{ kind: 'yammer' }])).toEqual({ messages: true, reactions: false, wiki: false });
    expect(capabilitiesOf([{ kind: 'yammer' }, { kind: 'mediawiki' }, { kind: 'slack' }])).toEqual({
      messages: true,
      reactions: true,
      wiki: true,
    });
  });

  it('honours a source that records no reactions although its kind can', () => {
    expect(capabilitiesOf([{ kind: 'csv', recordsReactions: false }])).toEqual({
      messages: true,
      reactions: false,
      wiki: false,
    });
    expect(
      capabilitiesOf([
        { kind: 'csv', recordsReactions: false },
        { kind: 'teams', recordsReactions: true },
      ]).reactions,
    ).toBe(true);
  });
});
