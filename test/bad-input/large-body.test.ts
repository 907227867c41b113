/**
 * A 50 MB single message body, generated at run time (not committed). It is read as one record;
 * its text is cut to MAX_TEXT_CHARS with a problem, so that text metrics stay fast.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from '../../src/sources/load.js';
import { load, tempDir } from './harness.js';
import { removeTempDirs } from '../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

it('a 50 MB message body is read, used, and its text cut to the limit with a problem naming file and line', async () => {
  const dir = tempDir();
  const body = 'word '.repeat(10 * 1024 * 1024); // 52,428,800 characters
  const csv = [
    'id,thread_id,sender_id,sender_name,body,created_at',
    '1,1,11,Ana Ruiz,Before,2026-03-01 09:00:00 UTC',
    `2,2,11,Ana Ruiz,"${body}",2026-03-02 09:00:00 UTC`,
    '3,3,12,Ben Ode,After,2026-03-03 09:00:00 UTC',
  ].join('\n');
  writeFileSync(path.join(dir, 'Messages.csv'), csv);
  const { accounts, warnings, activities } = await load([dir]);
  expect(accounts[0]).toMatchObject({ read: 3, used: 3, skipped: 0 });
  // The adapter trims the body: 52,428,800 - 1 trailing space.
  expect(warnings).toEqual([`${dir}/Messages.csv:3: text of 52428799 characters cut to the first ${MAX_TEXT_CHARS}`]);
  expect(activities.map((a) => [a.activity_id, a.text?.length])).toEqual([
    ['yammer:1', 6],
    ['yammer:2', MAX_TEXT_CHARS],
    ['yammer:3', 5],
  ]);
}, 30_000);
