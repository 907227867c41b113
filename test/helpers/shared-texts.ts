import type { Activity } from '../../src/model/types.js';
import { act } from './dataset.js';

/**
 * A pilot whose texts repeat (duplicate efforts' shared texts, issue 16 item 3): eight Yammer
 * posts of March 2026 (`yammer:1` to `yammer:8`, one a day) holding a long text three times, an
 * introduction twice, "Thanks, done" (too short to compare) twice and one other text, and a wiki
 * page (`mediawiki:page:1`) with the long text, created at the instant of `yammer:1`.
 */
export function sharedTextActivities(): Activity[] {
  const long = 'Shared forklift booking sheet for the warehouse teams, book slots weekly';
  const intro = 'Hello everyone, my name is Ana Lima and I run the forklift booking sheet for warehouse teams';
  const short = 'Thanks, done';
  const texts = [
    long,
    short,
    intro,
    'Quarterly badge printer audit for the east wing offices',
    long,
    short,
    intro,
    long,
  ];
  const activities = texts.map((text, k) =>
    act({
      id: `yammer:${k + 1}`,
      at: `2026-03-0${k + 1}T09:00:00Z`,
      identityId: `yammer:person${k % 3}`,
      spaceId: `yammer:group:g${k % 2}`,
      text,
    }),
  );
  activities.push(
    act({
      id: 'mediawiki:r1',
      source: 'mediawiki',
      kind: 'page_create',
      threadId: 'mediawiki:page:1',
      spaceId: 'mediawiki:wiki',
      at: '2026-03-01T09:00:00Z',
      identityId: 'mediawiki:Ana',
      title: null,
      text: long,
    }),
  );
  return activities;
}
