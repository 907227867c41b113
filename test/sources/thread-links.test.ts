import { describe, expect, it } from 'vitest';
import { resolveThread } from '../../src/metrics/ideas/links.js';
import { SOURCE_KINDS, SOURCES } from '../../src/sources/registry.js';
import { parseThreadLink, threadLinkParser } from '../../src/sources/thread-links.js';

/** base64url of `{"_type":"Thread","id":"1091107968335872"}`, as Viva Engage puts in its URLs. */
const ENGAGE_THREAD = Buffer.from('{"_type":"Thread","id":"1091107968335872"}').toString('base64url');

describe('parseThreadLink: Yammer / Viva Engage', () => {
  it.each([
    ['https://www.yammer.com/contoso.com/threads/123456', 'yammer:123456'],
    ['https://www.yammer.com/contoso.com/#/Threads/show?threadId=987654', 'yammer:987654'],
    ['https://www.yammer.com/contoso.com/#/threads/show?threadId=987654&feedType=group', 'yammer:987654'],
    ['https://www.yammer.com/contoso.com/messages/555', 'yammer:555'],
    ['https://www.yammer.com/api/v1/messages/78648632', 'yammer:78648632'],
    ['https://web.yammer.com/main/threads/2222', 'yammer:2222'],
    [`https://web.yammer.com/main/threads/${ENGAGE_THREAD}`, 'yammer:1091107968335872'],
    [`https://web.yammer.com/main/org/contoso.com/threads/${ENGAGE_THREAD}`, 'yammer:1091107968335872'],
    [
      `https://engage.cloud.microsoft/main/groups/eyJfdHlwZSI6Ikdyb3VwIiwiaWQiOiIxMjMifQ/threads/${ENGAGE_THREAD}?trk_copy_link=V2`,
      'yammer:1091107968335872',
    ],
    // A real pasted link (public web page), id with a padding-free base64 ending.
    [
      'https://engage.cloud.microsoft/main/threads/eyJfdHlwZSI6IlRocmVhZCIsImlkIjoiNTIxMjU4NTUzMDU3MjgwIn0)',
      'yammer:521258553057280',
    ],
  ])('%s -> %s', (url, key) => {
    expect(parseThreadLink(url)).toEqual({ source: 'yammer', key });
  });

  it('rejects Yammer URLs that name no thread or message', () => {
    expect(parseThreadLink('https://www.yammer.com/api/v1/groups/124742')).toBeNull();
    expect(parseThreadLink('https://www.yammer.com/api/v1/file/857663/Firefly.jpg')).toBeNull();
    expect(
      parseThreadLink(
        `https://engage.cloud.microsoft/main/threads/${Buffer.from('{"_type":"Group","id":"7"}').toString('base64url')}`,
      ),
    ).toBeNull();
  });
});

describe('parseThreadLink: Slack and Teams', () => {
  it('turns a Slack permalink into channel and ts (dot before the last six digits)', () => {
    expect(parseThreadLink('https://acme.slack.com/archives/C024BE91L/p1355517523000005')).toEqual({
      source: 'slack',
      key: 'slack:C024BE91L:1355517523.000005',
    });
  });

  it('uses thread_ts of a reply permalink as the thread', () => {
    expect(
      parseThreadLink(
        'https://acme.enterprise.slack.com/archives/C024BE91L/p1355517600000100?thread_ts=1355517523.000005&cid=C024BE91L',
      ),
    ).toEqual({
      source: 'slack',
      key: 'slack:C024BE91L:1355517523.000005',
    });
  });

  it('turns a Teams message link into the decoded channel and the parent message', () => {
    const url =
      'https://teams.microsoft.com/l/message/19%3A4a95f7d8db4c4e7fae857bcebe0623e6%40thread.tacv2/1616989753153?groupId=fbe2bf47&tenantId=2432b57b&createdTime=1616989753153&parentMessageId=1616989510408';
    expect(parseThreadLink(url)).toEqual({
      source: 'teams',
      key: 'teams:19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2:1616989510408',
    });
    expect(parseThreadLink('https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1616963377068')).toEqual({
      source: 'teams',
      key: 'teams:19:abc@thread.tacv2:1616963377068',
    });
  });

  it('rejects other URLs and text that is not a URL', () => {
    expect(parseThreadLink('https://acme.slack.com/files/U1/F1/report.pdf')).toBeNull();
    expect(parseThreadLink('https://teams.microsoft.com/l/channel/19%3Aabc%40thread.tacv2/General')).toBeNull();
    expect(parseThreadLink('https://example.com/threads/123')).toBeNull();
    expect(parseThreadLink('not a url')).toBeNull();
  });
});

describe('resolveThread', () => {
  it('maps a linked message to its thread, and an unknown one to null', () => {
    const threadOf = new Map([
      ['yammer:1', 'yammer:1'],
      ['yammer:2', 'yammer:1'],
    ]);
    expect(resolveThread({ source: 'yammer', key: 'yammer:2' }, threadOf)).toBe('yammer:1');
    expect(resolveThread({ source: 'yammer', key: 'yammer:3' }, threadOf)).toBeNull();
  });
});

describe('threadLinkParser: the sources of the registry decide', () => {
  it('asks each source in order and tags the key with the first that knows the URL', () => {
    const seen: string[] = [];
    const parse = threadLinkParser([
      { kind: 'csv', threadLink: (url) => (seen.push(`csv ${url.hostname}`), null) },
      { kind: 'mediawiki' },
      {
        kind: 'slack',
        threadLink: (url) => (url.hostname === 'chat.example.org' ? `slack:X:${url.pathname.slice(1)}` : null),
      },
      { kind: 'teams', threadLink: () => 'teams:never:asked' },
    ]);
    expect(parse('https://chat.example.org/42).')).toEqual({ source: 'slack', key: 'slack:X:42' });
    expect(seen).toEqual(['csv chat.example.org']);
    expect(parse('not a url')).toBeNull();
  });

  it('the registry parser knows exactly the sources that declare thread links', () => {
    const kinds = SOURCE_KINDS.filter((kind) => SOURCES[kind].threadLink !== undefined);
    expect(kinds).toEqual(['yammer', 'slack', 'teams']);
  });
});
