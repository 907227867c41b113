/**
 * Small valid exports, one per source kind, that the property tests corrupt. Each is a map of
 * relative file name -> content, written to a temp folder and loaded like a user's input.
 */

/** A Yammer export: a quoted multi-line body, a reply, a private conversation. */
export const YAMMER: Record<string, string> = {
  'Messages.csv': [
    'id,replied_to_id,thread_id,group_id,group_name,sender_id,sender_type,sender_name,sender_email,body,in_private_conversation,deleted_at,created_at',
    '1,,1,7,Pilot,11,user,Ana Ruiz,ana@example.com,"Idea: a shared calendar, #idea",false,,2026-03-02 09:00:00 UTC',
    '2,1,1,7,Pilot,12,user,Ben Ode,ben@example.com,"Agreed!\nLet\'s do it",false,,2026-03-02 11:00:00 UTC',
    '3,,3,,,12,user,Ben Ode,ben@example.com,Anyone?,false,,2026-03-10 08:00:00 UTC',
    '4,3,3,,,13,user,Cy Lee,cy@example.com,Me,false,,2026-03-10 09:00:00 UTC',
    '5,,5,,,11,user,Ana Ruiz,ana@example.com,psst,true,,2026-03-11 09:00:00 UTC',
    '6,,6,,,13,user,Cy Lee,cy@example.com,gone,false,2026-03-12 00:00:00 UTC,2026-03-11 10:00:00 UTC',
  ].join('\r\n'),
  'Users.csv': 'id,name,email,department\n11,Ana Ruiz,ana@example.com,Sales\n12,Ben Ode,ben@example.com,IT\n',
};

/** A Slack export: users, a channel with a thread and a reaction, a DM. */
export const SLACK: Record<string, string> = {
  'users.json': JSON.stringify(
    [
      { id: 'U1', name: 'ana', real_name: 'Ana Ruiz' },
      { id: 'U2', name: 'bo', real_name: 'Bo Chen' },
    ],
    null,
    1,
  ),
  'channels.json': JSON.stringify([{ id: 'C1', name: 'general' }], null, 1),
  'dms.json': JSON.stringify([{ id: 'D1', members: ['U1', 'U2'] }], null, 1),
  'general/2026-02-02.json': JSON.stringify(
    [
      {
        type: 'message',
        user: 'U1',
        text: 'Idea: lunch talks #idea',
        ts: '1770026400.000100',
        thread_ts: '1770026400.000100',
        reactions: [{ name: '+1', users: ['U2'], count: 1 }],
      },
      { type: 'message', user: 'U2', text: 'Yes <@U1>', ts: '1770026460.000100', thread_ts: '1770026400.000100' },
      { type: 'message', subtype: 'channel_join', user: 'U2', text: 'joined', ts: '1770026470.000100' },
    ],
    null,
    1,
  ),
  'general/2026-02-03.json': JSON.stringify(
    [{ type: 'message', user: 'U2', text: 'Tuesday', ts: '1770112800.000100' }],
    null,
    1,
  ),
  'D1/2026-02-02.json': JSON.stringify(
    [{ type: 'message', user: 'U1', text: 'private hi', ts: '1770026500.000100' }],
    null,
    1,
  ),
};

/** A MediaWiki dump: two pages, three revisions, one by an IP. */
export const MEDIAWIKI: Record<string, string> = {
  'dump.xml': `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">
  <siteinfo><sitename>Pilot Wiki</sitename><dbname>pilotwiki</dbname></siteinfo>
  <page><title>Onboarding</title><ns>0</ns><id>1</id>
    <revision><id>10</id><timestamp>2026-03-01T08:00:00Z</timestamp><contributor><username>Erin</username><id>5</id></contributor><comment>Create</comment><text xml:space="preserve">Day one</text></revision>
    <revision><id>11</id><parentid>10</parentid><timestamp>2026-03-02T08:00:00Z</timestamp><contributor><ip>10.0.0.1</ip></contributor><text xml:space="preserve">Day one!</text></revision>
  </page>
  <page><title>FAQ</title><ns>0</ns><id>2</id>
    <revision><id>20</id><timestamp>2026-03-03T08:00:00Z</timestamp><contributor><username>Frank</username><id>6</id></contributor><text xml:space="preserve">Q &amp; A</text></revision>
  </page>
</mediawiki>
`,
};

/** A Microsoft Graph channel messages page: a post with a reaction, a reply, a system event. */
export const TEAMS: Record<string, string> = {
  'page.json': JSON.stringify(
    {
      value: [
        {
          id: '1001',
          replyToId: null,
          messageType: 'message',
          createdDateTime: '2026-03-02T09:00:00Z',
          deletedDateTime: null,
          channelIdentity: { teamId: 'T1', channelId: '19:abc@thread.tacv2' },
          from: { application: null, user: { id: 'u-ana', displayName: 'Ana Ruiz' } },
          body: { contentType: 'html', content: '<p>Idea: <b>demo day</b></p>' },
          reactions: [
            { reactionType: 'like', createdDateTime: '2026-03-02T10:00:00Z', user: { user: { id: 'u-bo' } } },
          ],
        },
        {
          id: '1002',
          replyToId: '1001',
          messageType: 'message',
          createdDateTime: '2026-03-02T09:30:00Z',
          deletedDateTime: null,
          channelIdentity: { teamId: 'T1', channelId: '19:abc@thread.tacv2' },
          from: { application: null, user: { id: 'u-bo', displayName: 'Bo Chen' } },
          body: { contentType: 'text', content: 'Count me in' },
        },
        {
          id: '1003',
          replyToId: null,
          messageType: 'systemEventMessage',
          createdDateTime: '2026-03-02T09:40:00Z',
          channelIdentity: { teamId: 'T1', channelId: '19:abc@thread.tacv2' },
          from: null,
          body: { contentType: 'html', content: '<systemEventMessage/>' },
        },
      ],
    },
    null,
    1,
  ),
};

/** A generic CSV chat log with its mapping file. */
export const CSV: Record<string, string> = {
  'chat.csv':
    'ID,Sent,User,Room,Message,Reply To\nm1,2026-01-05T09:00:00Z,ana,general,"Hello, all",\nm2,2026-01-05T09:30:00Z,bob,general,Hi,m1\nm3,2026-01-06T10:00:00Z,cy,random,"multi\nline",\n',
  'pilot-report.csv.json': JSON.stringify({
    timestamp: 'Sent',
    author: 'User',
    space: 'Room',
    text: 'Message',
    messageId: 'ID',
    parentId: 'Reply To',
  }),
};
