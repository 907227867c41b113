import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../helpers/temp-dir.js';

export const HEADER =
  'id,replied_to_id,thread_id,group_id,group_name,sender_id,sender_type,sender_name,sender_email,body,deleted_at,created_at';

/**
 * A tiny Yammer export, six messages, hand-checked:
 * - March: thread 1 (Ana, Mar 2) answered by Ben 2 h later; thread 3 (Ben, Mar 10) only Ben's own reply.
 *   => 2 posts, 2 replies, 2 threads, 1 answered (rate 0.5), active {Ana, Ben} = 2.
 * - April: thread 5 (Cy, Apr 1) answered by Ana 4 h later.
 *   => 1 post, 1 reply, 1 thread, 1 answered (rate 1.0), active {Cy, Ana} = 2.
 */
export const MESSAGES = [
  HEADER,
  '1,,1,,,11,user,Ana Ruiz,ana@example.com,"Idea: a better onboarding, #idea",,2026-03-02 09:00:00 UTC',
  '2,1,1,,,12,user,Ben Ode,ben@example.com,"Agreed!\nLet\'s do it",,2026-03-02 11:00:00 UTC',
  '3,,3,,,12,user,Ben Ode,ben@example.com,Anyone?,,2026-03-10 08:00:00 UTC',
  '4,3,3,,,12,user,Ben Ode,ben@example.com,bump,,2026-03-10 09:00:00 UTC',
  '5,,5,,,13,user,Cy Lee,cy@example.com,Hello,,2026-04-01 10:00:00 UTC',
  '6,5,5,,,11,user,Ana Ruiz,ana@example.com,Hi Cy,,2026-04-01 14:00:00 UTC',
].join('\r\n');

/**
 * A fresh temporary folder holding `export/Messages.csv` (or `<folder>/Messages.csv`) and any extra
 * files; a test file that calls this registers `afterAll(removeTempDirs)` (helpers/temp-dir.ts).
 */
export function exportDir(messages: string = MESSAGES, extra: Record<string, string> = {}, folder = 'export'): string {
  const dir = makeTempDir('pilot-report-e2e-');
  mkdirSync(path.join(dir, folder));
  writeFileSync(path.join(dir, folder, 'Messages.csv'), messages);
  for (const [name, body] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  return dir;
}
