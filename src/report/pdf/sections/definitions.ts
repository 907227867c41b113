/**
 * Metric definitions printed in the appendix, worded from the metrics contract
 * (/spec/metrics.md §3–§6) for a reader without the spec. Kept beside the sections so a change of
 * definition is one edit here and one in the spec.
 */
export const METRIC_DEFINITIONS: ReadonlyArray<readonly [string, string]> = [
  [
    'Active people',
    'Distinct persons with at least one activity of any kind (post, reply, reaction, wiki edit) in the window.',
  ],
  [
    'Contributors',
    'Distinct persons with at least one contribution (post, reply, page creation or edit); reactions are not contributions.',
  ],
  ['New contributors', 'Persons whose first contribution in all loaded data falls in the window.'],
  ['Returning contributors', 'Contributors of a month who also contributed in the previous month.'],
  [
    'Back after a gap',
    'Reactivated contributors: contributors of a month who contributed at some earlier time but not in the previous month. New + returning + back after a gap = the month’s contributors.',
  ],
  ['Retention', 'Returning contributors / contributors of the previous month; none for the first month.'],
  ['Stickiness', 'Mean of the month’s daily active people, divided by the month’s active people.'],
  [
    'Gini coefficient',
    'Inequality of contributions per contributor: 0 when all contribute equally, towards 1 when a few do everything.',
  ],
  ['Top 1 % / 10 % share', 'Share of all contributions made by the top ceil(1 %) / ceil(10 %) of contributors.'],
  ['Absence factor', 'The fewest contributors who together made at least half of the contributions (CHAOSS).'],
  [
    'Question',
    'A thread whose first message asks: a question mark ending a sentence, or a question word at the start (who, where, can, does, has anyone… in English, German, French and Spanish; configurable). Announcements and updates are threads, not questions.',
  ],
  [
    'Thread',
    'A starter message and its replies; a message outside any thread is a thread of one. Wiki pages are not threads.',
  ],
  ['Answered', 'A thread with at least one reply by someone other than its author, at any time.'],
  [
    'Time to first response',
    'Hours from a thread’s first message to the first reply by another person, over answered threads. Median: the middle value; 90th percentile: linear interpolation between closest ranks.',
  ],
  [
    'Idea',
    'A thread whose starter carries an idea tag (#idea, #suggestion, #proposal by default), sits in an idea space, or starts with “Idea:”.',
  ],
  [
    'Idea stages',
    'Raised; discussed (a reply by another person); endorsed (3 or more other persons replied or reacted); decided (a decision tag such as #approved); actioned (an action tag such as #done, or a link to the idea from elsewhere). Reaching a stage counts every earlier one.',
  ],
  [
    'Stalled idea',
    'Raised, not actioned, not declined, and no activity in its thread for 30 days (stallDays) before the period end.',
  ],
  [
    'Moderator first response share',
    'Answered threads whose first response came from a moderator / answered threads. Observational: not a cause.',
  ],
  [
    'Privacy threshold',
    'No figure is broken down by department or group for fewer than 5 (minGroupSize) distinct persons; it reads “fewer than 5”.',
  ],
  [
    'Duplicate-effort candidate',
    'Threads or wiki pages started by two or more different people (after identity merge), in different spaces or at least 30 days apart, that raise the same thing: after links, mentions, file names, greetings and sign-offs are removed, most of the rare-word weight of the shorter one is found in the other (rare words, by IDF over the export, count most). One person posting the same text in several spaces is a cross-post, listed apart; recurring templates and self-introductions are left out. The thresholds used are printed with the list. Candidates to check, not proof.',
  ],
  [
    'Business case',
    'Hours saved = answered questions × minutes saved per answer ÷ 60; value = hours × hourly cost (+ ideas’ value); ROI = (value − cost) / cost; payback = cost ÷ value per month. Low, base and high multiply benefits by 0.5, 1 and 1.5. An estimate.',
  ],
  [
    'Period and time zone',
    'Figures cover [since, until); months, weeks and days are cut in the report time zone. Whole-data facts such as “first contribution ever” use all loaded data.',
  ],
];
