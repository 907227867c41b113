/**
 * The hand-planted Slack side of the Aurora story: channel joins, a bot digest, the reworded
 * half of the duplicate effort, an idea shipped through a thread, an idea with reactions only, the
 * negative "shares a word" example, a private channel thread and the DM.
 */
import type { ThreadSpec } from './model.js';
import { byStart, thread, type Cast, type Line } from './story-dsl.js';

function joins(c: Cast): ThreadSpec[] {
  const cs = c.space('customer-success');
  const who = ['priya-raghunathan', 'jose-nunez', 'chidi-okafor', 'nguyen-thi-lan', 'emma-wilson'];
  return who.map((key, i) =>
    thread(cs, [[c.who(key), `2026-03-02T08:0${i}:00`, 'has joined the channel', { special: 'system' }]]),
  );
}

function ideas(c: Cast): ThreadSpec[] {
  const cs = c.space('customer-success');
  const priya = c.who('priya-raghunathan');
  const jose = c.who('jose-nunez');
  const faq: Line[] = [
    [
      priya,
      '2026-04-14T09:00:00',
      'Idea: a shared FAQ bot for the support inbox that answers the top 20 questions & links the right KB article.',
    ],
    [jose, '2026-04-14T09:40:00', 'Yes! 30% of tickets are "where is my invoice". cc {@nguyen-thi-lan}'],
    [c.who('nguyen-thi-lan'), '2026-04-14T11:15:00', 'I can pull the top 20 from last quarter.'],
    [
      c.who('emma-wilson'),
      '2026-04-15T08:20:00',
      'Customers asked for this in the NPS comments too.',
      { special: 'broadcast' },
    ],
    [c.who('marcus-lindqvist'), '2026-04-20T10:00:00', '#approved, Engineering can build it in Q2 <3'],
    [jose, '2026-06-10T14:30:00', '#shipped: the FAQ bot answers in the support inbox since this morning.'],
  ];
  return [
    thread(cs, faq, { key: 'idea-faq-bot' }),
    thread(
      cs,
      [
        [
          c.who('chidi-okafor'),
          '2026-09-08T08:30:00',
          '#proposal Route after-hours support calls to an on-call rotation instead of the shared inbox, so that urgent customer issues reach a person within 15 minutes and nobody needs to check the mailbox at night.',
          {
            reactions: [
              { name: '+1', by: [c.who('emma-wilson'), c.who('mateo-garcia')] },
              { name: 'eyes', by: [c.who('linnea-holm')] },
            ],
          },
        ],
        [c.who('linnea-holm'), '2026-09-08T10:05:00', 'We would need a pager tool for this.'],
        [
          c.who('yusuf-demir'),
          '2026-10-15T13:00:00',
          'Someone in Operations may have tried this already, worth asking them.',
        ],
      ],
      { key: 'idea-after-hours-cs' },
    ),
    thread(
      c.space('engineering'),
      [
        [
          c.who('kenji-watanabe'),
          '2026-05-05T10:00:00',
          '#suggestion Rotate the on-call handbook review between teams every sprint.',
          {
            reactions: [{ name: '+1', by: [c.who('sara-rossi'), c.who('felix-braun')] }],
          },
        ],
      ],
      { key: 'idea-handbook-rotation' },
    ),
  ];
}

function other(c: Cast): ThreadSpec[] {
  const leads = c.space('aurora-leads');
  const dm = c.dm(0);
  const [a, b] = dm.members;
  if (a === undefined || b === undefined) throw new Error('story: the DM needs two members');
  return [
    thread(c.space('general'), [
      [
        c.who('priya-raghunathan'),
        '2026-03-30T07:00:00',
        'Weekly digest: 14 new threads, 2 ideas, 5 questions answered. R&D <-> Support sync is on Thursday.',
        { special: 'bot' },
      ],
    ]),
    thread(
      c.space('engineering'),
      [
        [
          c.who('felix-braun'),
          '2026-03-24T09:30:00',
          'Onboarding the new CI runners: the build farm gets four more machines next week, expect short queue delays.',
        ],
        [c.who('aerin-soderberg'), '2026-03-24T10:10:00', 'Thanks for the heads-up, {@felix-braun}.'],
      ],
      { key: 'negative-onboarding-ci' },
    ),
    thread(leads, [
      [c.who('marcus-lindqvist'), '2026-06-16T08:00:00', 'Budget question for the sponsor review PRIVATE-MARKER-GROUP'],
      [c.who('olena-kovalenko'), '2026-06-16T08:45:00', 'I will bring the numbers PRIVATE-MARKER-GROUP'],
    ]),
    thread(dm, [
      [a, '2026-07-07T16:00:00', 'PRIVATE-MARKER-DM are you free for a quick call?'],
      [b, '2026-07-07T16:05:00', 'PRIVATE-MARKER-DM in five minutes'],
    ]),
  ];
}

/** The planted Slack threads, sorted by start time. */
export function slackStory(c: Cast): ThreadSpec[] {
  return byStart([...joins(c), ...ideas(c), ...other(c)]);
}
