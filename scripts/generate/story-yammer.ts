/**
 * The hand-planted Yammer side of the Aurora story: the launch announcement, ideas at every stage,
 * one half of the planted duplicate effort, private group and private conversation threads, a
 * deleted starter and a system message. Background traffic is added around these by the writer.
 */
import type { ThreadSpec } from './model.js';
import { byStart, thread, type Cast } from './story-dsl.js';

function launch(c: Cast): ThreadSpec[] {
  const all = c.space('All Company');
  return [
    thread(
      all,
      [
        [
          c.who('olena-kovalenko'),
          '2026-03-02T08:00:00',
          'Олена Коваленко has joined the network.',
          { special: 'system' },
        ],
      ],
      { messageType: 'system' },
    ),
    thread(
      all,
      [
        [
          c.who('helen-carter'),
          '2026-03-02T09:15:00',
          'Hi all,\nthis is where we try "working out loud" for eight months, from March to October.\nAsk questions, share what works, and raise ideas: start a post with "Idea:" or tag it, and the champions will follow up.\n\nThanks, Helen',
          {
            attachments:
              'uploadedfile:240311001,opengraphobject:[240311002 : https://intranet.aurora.example/aurora : title="Aurora pilot, one page" : description="Goals, champions, dates"]',
          },
        ],
        [
          c.who('olena-kovalenko'),
          '2026-03-02T09:41:00',
          'Welcome everyone! Operations questions go to the Operations group, and {@marcus-lindqvist} runs the Engineering one.',
        ],
        [
          c.who('marcus-lindqvist'),
          '2026-03-02T10:03:00',
          'Engineering is in. Ask us anything, "no question too small".',
        ],
        [c.who('wang-wei'), '2026-03-02T11:20:00', 'Looking forward to it, 大家好!'],
      ],
      { key: 'launch', title: 'Welcome to the Aurora pilot', messageType: 'announcement' },
    ),
    thread(c.space('Sales'), [
      [
        c.who('tom-becker'),
        '2026-03-03T14:02:00',
        'Wrong group, sorry',
        { deleted: { by: c.who('tom-becker'), at: Date.parse('2026-03-03T14:07:00Z') } },
      ],
    ]),
  ];
}

function actionedIdeas(c: Cast): ThreadSpec[] {
  const sarah = c.who('sarah-thompson');
  const olena = c.who('olena-kovalenko');
  const ana = c.who('ana-ruiz');
  return [
    thread(
      c.space('HR'),
      [
        [
          sarah,
          '2026-03-10T09:12:00',
          'Idea: a shared onboarding checklist for new hires, so that "day one" looks the same in every office:\n- laptop, badge, payroll\n- a buddy, named in advance\n- a first-week plan, agreed with the manager\n{#onboarding}',
        ],
        [olena, '2026-03-10T10:05:00', 'Love it. Operations can own the laptop and badge part.'],
        [
          c.who('malgorzata-wisniewska'),
          '2026-03-10T11:40:00',
          'Yes please, we lose a day per hire chasing laptops, badges, and logins.',
        ],
        [
          c.who('ingrid-berg'),
          '2026-03-11T08:30:00',
          'Happy to try it with the two hires starting in Kyiv next month.',
        ],
        [ana, '2026-03-12T16:45:00', 'Sales would use it too, we onboard four people in April.'],
        [
          olena,
          '2026-03-20T09:00:00',
          '#approved by the HR leads. {@sarah-thompson} owns it, {@malgorzata-wisniewska} helps.',
        ],
        [
          sarah,
          '2026-04-15T10:30:00',
          '#done: the checklist is live in the HR group files, the first four hires used it.',
        ],
      ],
      { key: 'idea-onboarding-checklist' },
    ),
    thread(
      c.space('Sales'),
      [
        [
          ana,
          '2026-04-21T08:50:00',
          '#idea Put the sales playbook on the wiki instead of slides, so objections, pricing rules and demo scripts live in one place.',
        ],
        [c.who('tom-becker'), '2026-04-21T09:30:00', 'Agreed, the deck is 140 slides now.'],
        [c.who('zoe-lukasz'), '2026-04-22T13:10:00', 'I can move the demo scripts, they are already in text.'],
        [c.who('lukas-meyer'), '2026-04-23T07:55:00', 'Please keep the pricing rules in one table.'],
        [c.who('mia-johansson'), '2026-04-24T15:20:00', 'Count me in for the objections section.'],
      ],
      { key: 'idea-sales-playbook' },
    ),
    thread(
      c.space('All Company'),
      [
        [
          c.who('james-walker'),
          '2026-06-03T11:00:00',
          '#idea Monthly lunch-and-learn sessions: one department presents what it does in 30 minutes, with Q&A.',
        ],
        [c.who('eva-novotna'), '2026-06-03T12:10:00', 'Great, HR would go first.'],
        [c.who('lucas-silva'), '2026-06-03T13:25:00', 'Finance volunteers for September.'],
        [c.who('kate-murphy'), '2026-06-04T08:40:00', 'I can book the big room and order lunch.'],
        [olena, '2026-06-04T09:05:00', '#approved, first session in September.'],
        [c.who('james-walker'), '2026-10-08T10:00:00', 'Second session booked for 22 October, Operations presents.'],
      ],
      { key: 'idea-lunch-and-learn' },
    ),
  ];
}

function openIdeas(c: Cast): ThreadSpec[] {
  const laura = c.who('laura-bianchi');
  const pierre = c.who('pierre-martin');
  return [
    thread(
      c.space('Finance'),
      [
        [
          laura,
          '2026-05-06T09:30:00',
          '#idea Automate the monthly expense report reminders: a bot that pings people three days before the close.',
        ],
        [c.who('soren-madsen'), '2026-05-06T10:15:00', 'Yes, half of my close week is chasing receipts.'],
        [c.who('david-kim'), '2026-05-07T14:00:00', 'Payroll has the same problem with timesheets.'],
        [c.who('julia-wagner'), '2026-05-08T09:45:00', 'Could it also remind approvers?'],
        [c.who('helen-carter'), '2026-05-20T17:00:00', '#planned for Q4, the budget is approved.'],
        [laura, '2026-10-20T08:30:00', 'Vendor shortlist is ready, kickoff next week.'],
      ],
      { key: 'idea-expense-reminders' },
    ),
    thread(
      c.space('Operations'),
      [
        [
          pierre,
          '2026-07-14T07:40:00',
          '{#idea} Route after-hours support calls to an on-call rotation instead of the shared mailbox, so urgent customer issues reach a person within 15 minutes and nobody has to check the inbox at night.',
        ],
        [c.who('ahmed-hassan'), '2026-07-14T09:00:00', 'Makes sense, the night shift already gets these calls anyway.'],
        [c.who('grace-mensah'), '2026-07-15T11:30:00', 'We would need a paging tool, I can ask procurement.'],
        [c.who('luis-herrera'), '2026-07-16T06:50:00', 'Happy to be in the first rotation.'],
        [pierre, '2026-08-20T15:00:00', 'Still looking for an owner on the support side.'],
      ],
      { key: 'idea-after-hours-ops' },
    ),
    thread(
      c.space('Engineering'),
      [
        [
          c.who('jonas-weber'),
          '2026-09-22T08:10:00',
          '#idea Quarterly customer visit rotation for engineers: two engineers join a customer success call or a site visit every quarter.',
        ],
        [c.who('marcus-lindqvist'), '2026-09-22T08:55:00', 'Strong yes from me, let us find two volunteers.'],
        [c.who('wang-wei'), '2026-09-22T13:30:00', 'I volunteer, as long as it is not during release week.'],
        [c.who('emily-chen'), '2026-09-23T09:00:00', 'Design would love to join too.'],
        [c.who('aerin-soderberg'), '2026-10-12T10:20:00', 'SRE could join an incident review with a customer.'],
      ],
      { key: 'idea-customer-visits' },
    ),
    thread(
      c.space('All Company'),
      [
        [
          c.who('oliver-grant'),
          '2026-08-26T09:00:00',
          '#idea A four-day work week trial for one team over the winter.',
        ],
        [c.who('hannah-fischer'), '2026-08-26T10:30:00', 'Would love to see the data from other companies.'],
        [c.who('daniel-okoro'), '2026-08-27T08:15:00', 'Customer-facing teams would need cover on Fridays.'],
        [c.who('sophie-laurent'), '2026-09-02T12:00:00', 'Sales could try it in January, our quiet month.'],
        [c.who('nina-petrova'), '2026-10-14T14:40:00', 'Operations cannot staff it this winter, sorry.'],
      ],
      { key: 'idea-four-day-week' },
    ),
  ];
}

function quietIdeas(c: Cast): ThreadSpec[] {
  const rachel = c.who('rachel-adams');
  const marcus = c.who('marcus-lindqvist');
  const champions = c.space('Aurora Champions');
  return [
    thread(
      c.space('All Company'),
      [
        [
          c.who('bjorn-angstrom'),
          '2026-05-19T10:00:00',
          '#idea Standing desks for the Lyon office, we could start with six of them in the open space.',
        ],
        [c.who('claire-dubois'), '2026-06-02T09:30:00', 'Facilities could check the budget after the summer.'],
      ],
      { key: 'idea-standing-desks' },
    ),
    thread(
      c.space('All Company'),
      [
        [
          c.who('rafael-costa'),
          '2026-04-08T13:20:00',
          'Idea: replace the travel booking tool, it takes 20 minutes to book one train ticket.',
        ],
      ],
      { key: 'idea-travel-tool' },
    ),
    thread(
      c.space('Customer Success'),
      [
        [
          rachel,
          '2026-07-01T08:00:00',
          '#idea A renewal reminder 90 days before each contract ends, straight from the CRM.',
        ],
        [rachel, '2026-07-09T16:10:00', 'Answering myself: the CRM can do it, but nobody has the admin rights.'],
      ],
      { key: 'idea-renewal-reminder' },
    ),
    thread(
      champions,
      [
        [
          marcus,
          '2026-09-29T08:00:00',
          '#idea Give champions one protected hour a week for the pilot. PRIVATE-MARKER-GROUP',
        ],
        [c.who('olena-kovalenko'), '2026-10-06T09:00:00', 'Agreed, I would take Friday mornings. PRIVATE-MARKER-GROUP'],
        [marcus, '2026-10-09T11:00:00', 'I will draft a note for the sponsor. PRIVATE-MARKER-GROUP'],
      ],
      { key: 'idea-champion-hour' },
    ),
  ];
}

function privateTalk(c: Cast): ThreadSpec[] {
  const dm0 = c.dm(0);
  const dm1 = c.dm(1);
  const [a0, b0] = dm0.members;
  const [a1, b1] = dm1.members;
  if (a0 === undefined || b0 === undefined || a1 === undefined || b1 === undefined)
    throw new Error('story: DMs need two members');
  return [
    thread(dm0, [
      [a0, '2026-04-02T12:00:00', 'PRIVATE-MARKER-DM Do you have ten minutes about the champions budget?'],
      [b0, '2026-04-02T12:20:00', 'PRIVATE-MARKER-DM Sure, call me after lunch.'],
    ]),
    thread(dm1, [[a1, '2026-09-15T15:00:00', 'PRIVATE-MARKER-DM Can you cover my shift, "the usual" deal?']]),
    thread(c.space('Aurora Champions'), [
      [
        c.who('priya-raghunathan'),
        '2026-05-04T08:30:00',
        'Champions sync notes: attendance is up, the Finance group is quiet. PRIVATE-MARKER-GROUP',
      ],
      [c.who('tom-becker'), '2026-05-04T09:10:00', 'I will nudge the Sales team. PRIVATE-MARKER-GROUP'],
    ]),
  ];
}

/** The planted Yammer threads, sorted by start time. */
export function yammerStory(c: Cast): ThreadSpec[] {
  return byStart([...launch(c), ...actionedIdeas(c), ...openIdeas(c), ...quietIdeas(c), ...privateTalk(c)]);
}
