/**
 * A small two-source pilot with marker strings planted in private content, written to a temp
 * folder at run time, and a helper that runs the CLI on it and gathers every output as text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CliResult } from '../helpers/cli.js';
import { sharedPdfPages, sharedRun } from '../helpers/shared-run.js';
import { writeTree } from '../bad-input/harness.js';

/** Text planted only in private places; none may appear in any output. */
export const PRIVATE_MARKERS = [
  'PRIVMARK-YAMMER-DM-BODY',
  'PRIVMARK-YAMMER-DM-BAD-ROW',
  'PRIVMARK-YAMMER-GROUP-BODY',
  'PRIVMARK-YAMMER-GROUP-TITLE',
  'PRIVMARK-YAMMER-GROUP-NAME',
  'PRIVMARK-SLACK-DM-BODY',
  'PRIVMARK-SLACK-PRIVATE-CHANNEL-BODY',
] as const;

/** Text planted in a public idea: it must appear (proof that the search below can find text). */
export const PUBLIC_MARKER = 'PUBMARK-IDEA';

/** Real names and e-mails of the pilot's people; none may appear under --anonymize. */
export const REAL_IDENTITIES = [
  'Ana Ruiz',
  'ana.ruiz@example.com',
  'Ben Ode',
  'ben.ode@example.com',
  'Cy Lee',
  'cy.lee@example.com',
  'Bo Chen',
  'bo.chen@example.com',
] as const;

const YAMMER_HEADER =
  'id,replied_to_id,thread_id,group_id,group_name,sender_id,sender_type,sender_name,sender_email,title,body,in_private_group,in_private_conversation,created_at';

export function pilotFiles(): Record<string, string> {
  const rows = [
    `1,,1,7,Pilot,11,user,Ana Ruiz,ana.ruiz@example.com,,"Idea: ${PUBLIC_MARKER} lunch talks #idea, ask [[user:12]]",false,false,2026-03-02 09:00:00 UTC`,
    '2,1,1,7,Pilot,12,user,Ben Ode,ben.ode@example.com,,Yes Ana Ruiz,false,false,2026-03-02 10:00:00 UTC',
    '3,,3,8,PRIVMARK-YAMMER-GROUP-NAME,12,user,Ben Ode,ben.ode@example.com,PRIVMARK-YAMMER-GROUP-TITLE,"Idea: PRIVMARK-YAMMER-GROUP-BODY #idea",true,false,2026-03-03 09:00:00 UTC',
    '4,3,3,8,PRIVMARK-YAMMER-GROUP-NAME,13,user,Cy Lee,cy.lee@example.com,,Re: PRIVMARK-YAMMER-GROUP-BODY,true,false,2026-03-03 10:00:00 UTC',
    '5,,5,,,11,user,Ana Ruiz,ana.ruiz@example.com,,"Idea: PRIVMARK-YAMMER-DM-BODY #idea",false,true,2026-03-04 09:00:00 UTC',
    '6,5,5,,,13,user,Cy Lee,cy.lee@example.com,,PRIVMARK-YAMMER-DM-BODY too,false,true,2026-03-04 10:00:00 UTC',
    '7,,7,,,13,user,Cy Lee,cy.lee@example.com,,PRIVMARK-YAMMER-DM-BAD-ROW,false,true,not a date',
  ];
  const day = (messages: object[]) => JSON.stringify(messages, null, 1);
  return {
    'yammer/Messages.csv': `${[YAMMER_HEADER, ...rows].join('\n')}\n`,
    'yammer/Users.csv':
      'id,name,email,department\n11,Ana Ruiz,ana.ruiz@example.com,Sales\n12,Ben Ode,ben.ode@example.com,IT\n13,Cy Lee,cy.lee@example.com,IT\n',
    'yammer/Groups.csv': 'id,name,private\n7,Pilot,false\n8,PRIVMARK-YAMMER-GROUP-NAME,true\n',
    'slack/users.json': JSON.stringify([
      { id: 'U1', name: 'ana', real_name: 'Ana Ruiz', profile: { email: 'ana.ruiz@example.com' } },
      { id: 'U2', name: 'bo', real_name: 'Bo Chen', profile: { email: 'bo.chen@example.com' } },
    ]),
    'slack/channels.json': JSON.stringify([{ id: 'C1', name: 'general' }]),
    'slack/groups.json': JSON.stringify([{ id: 'G1', name: 'hush', is_private: true }]),
    'slack/dms.json': JSON.stringify([{ id: 'D1', members: ['U1', 'U2'] }]),
    'slack/general/2026-03-05.json': day([
      { type: 'message', user: 'U2', text: 'Idea: demo day with <@U1> #idea', ts: '1772701200.000100' },
      { type: 'message', user: 'U1', text: 'Sure <@U2>', ts: '1772704800.000100', thread_ts: '1772701200.000100' },
    ]),
    'slack/hush/2026-03-05.json': day([
      { type: 'message', user: 'U1', text: 'Idea: PRIVMARK-SLACK-PRIVATE-CHANNEL-BODY #idea', ts: '1772701300.000100' },
      {
        type: 'message',
        user: 'U2',
        text: 'PRIVMARK-SLACK-PRIVATE-CHANNEL-BODY indeed',
        ts: '1772701400.000100',
        thread_ts: '1772701300.000100',
      },
    ]),
    'slack/D1/2026-03-05.json': day([
      { type: 'message', user: 'U1', text: 'Idea: PRIVMARK-SLACK-DM-BODY #idea', ts: '1772701500.000100' },
    ]),
  };
}

/** Every output of one run, as text. */
export interface RunOutputs {
  result: CliResult;
  metrics: string;
  markdown: string;
  pdf: string;
  /** Named for failure messages: `metrics.json`, `summary.md`, `report.pdf`, `stdout`, `stderr`. */
  all: Record<string, string>;
}

/**
 * Writes the pilot, runs `analyze` with every output on and `--verbose`, and reads the outputs back.
 * The run is shared (helpers/shared-run.ts): anonymize.test.ts and private-content.test.ts both
 * read the run without extra flags, made once per suite run in a folder the suite removes. That
 * run is spawned: what leaks is checked on the built binary's outputs and streams as a user gets
 * them. The runs with a flag (--anonymize, --include-private) are made in the worker
 * (helpers/cli-in-process.ts), which captures the same streams (reproducible.test.ts checks that
 * a spawned and an in-process run write the same stderr and the same bytes).
 */
export async function runPilot(extra: readonly string[]): Promise<RunOutputs> {
  const run = await sharedRun({
    fixture: 'privacy-pilot',
    args: ['analyze', 'yammer', 'slack', '--out', 'out', '--markdown', 'out/summary.md', '--verbose', ...extra],
    prepare: (dir) => writeTree(dir, pilotFiles()),
    spawn: extra.length === 0,
  });
  const { dir, result } = run;
  if (result.code !== 0) throw new Error(`analyze exited ${result.code}: ${result.stderr}`);
  const out = path.join(dir, 'out');
  const metrics = readFileSync(path.join(out, 'metrics.json'), 'utf8');
  const markdown = readFileSync(path.join(out, 'summary.md'), 'utf8');
  const pdf = (await sharedPdfPages(run, 'out/report.pdf')).join('\n');
  const files = readdirSync(out).sort();
  if (files.join(',') !== 'metrics.json,report.pdf,summary.md')
    throw new Error(`unexpected outputs: ${files.join(', ')}`);
  return {
    result,
    metrics,
    markdown,
    pdf,
    all: {
      'metrics.json': metrics,
      'summary.md': markdown,
      'report.pdf': pdf,
      stdout: result.stdout,
      stderr: result.stderr,
    },
  };
}

/** `output: marker` for every marker found in any output; empty when none leaks. */
export function leaks(outputs: RunOutputs, markers: readonly string[]): string[] {
  const found: string[] = [];
  for (const [name, text] of Object.entries(outputs.all)) {
    for (const marker of markers)
      if (text.toLowerCase().includes(marker.toLowerCase())) found.push(`${name}: ${marker}`);
  }
  return found;
}
