/**
 * The community post and the deck leak nothing private: no marker planted in private spaces or
 * conversations, and under --anonymize no real name but those of people who opted in
 * (--recognize), and no pseudonym either (a post thanking "Person 7F3A" singles someone out).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../bad-input/harness.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { textRuns, zipEntries } from '../helpers/zip-entries.js';
import { pilotFiles, PRIVATE_MARKERS, PUBLIC_MARKER, REAL_IDENTITIES } from './pilot.js';

afterAll(removeTempDirs);

/**
 * The privacy pilot plus one action on each side: the public idea (PUBLIC_MARKER, by Ana Ruiz) is
 * marked done by Ben Ode, and so is the idea in the private group (by Ben Ode), so both reach
 * "actioned" and the post has a public title to show and a private one to withhold.
 */
function files(): Record<string, string> {
  const base = pilotFiles();
  const messages = base['yammer/Messages.csv'] ?? '';
  return {
    ...base,
    'yammer/Messages.csv': `${messages}${[
      '8,1,1,7,Pilot,12,user,Ben Ode,ben.ode@example.com,,Shipped it #done,false,false,2026-03-06 09:00:00 UTC',
      '9,3,3,8,PRIVMARK-YAMMER-GROUP-NAME,13,user,Cy Lee,cy.lee@example.com,,PRIVMARK-YAMMER-GROUP-BODY in place #done,true,false,2026-03-06 10:00:00 UTC',
    ].join('\n')}\n`,
    'recognize.csv': 'email\nana.ruiz@example.com\n',
  };
}

interface Outputs {
  post: string;
  deck: string;
}

async function runPilot(extra: readonly string[]): Promise<Outputs> {
  const dir = writeTree(tempDir('pilot-report-post-privacy-'), files());
  // In the worker (helpers/cli-in-process.ts): the point is the files written; the deck and the
  // post of the built binary are spawned in deck-and-post.test.ts, its streams in pilot.ts's run.
  const result = await runCliInProcess(
    [
      'analyze',
      'yammer',
      'slack',
      '--out',
      'out',
      '--pptx',
      'out/deck.pptx',
      '--community-post',
      'out/post.md',
      ...extra,
    ],
    { cwd: dir },
  );
  if (result.code !== 0) throw new Error(`analyze exited ${result.code}: ${result.stderr}`);
  const entries = await zipEntries(readFileSync(path.join(dir, 'out/deck.pptx')));
  // Every text run of every part: slides, charts (titles, categories, series names) and properties.
  const deck = entries
    .filter((e) => e.name.endsWith('.xml'))
    .map((e) => `${textRuns(e.data.toString('utf8')).join('\n')}\n${e.data.toString('utf8')}`)
    .join('\n');
  return { post: readFileSync(path.join(dir, 'out/post.md'), 'utf8'), deck };
}

const found = (text: string, markers: readonly string[]): string[] =>
  markers.filter((m) => text.toLowerCase().includes(m.toLowerCase()));

describe('the community post and the deck keep private things private', () => {
  let named: Outputs;
  let anonymized: Outputs;
  let optedIn: Outputs;
  beforeAll(async () => {
    named = await runPilot([]);
    anonymized = await runPilot(['--anonymize']);
    optedIn = await runPilot(['--anonymize', '--recognize', 'recognize.csv']);
  }, 120_000);

  it('shows the public idea actioned and real names when not anonymized (so the absences below mean something)', () => {
    expect(named.post).toContain(PUBLIC_MARKER);
    expect(named.post).toMatch(/1 more from private spaces/);
    expect(found(named.post, ['Ana Ruiz', 'Ben Ode'])).toEqual(['Ana Ruiz', 'Ben Ode']);
  });

  it('never shows a private marker, in any run, in the post or the deck', () => {
    for (const outputs of [named, anonymized, optedIn]) {
      expect(found(outputs.post, PRIVATE_MARKERS)).toEqual([]);
      expect(found(outputs.deck, PRIVATE_MARKERS)).toEqual([]);
    }
  });

  it('does not name the author of an idea from a private space as an idea maker', () => {
    const ideaMakers = named.post.split('\n').find((line) => line.startsWith('- **Idea makers**')) ?? '';
    expect(ideaMakers).toContain('Ana Ruiz');
    expect(ideaMakers).not.toContain('Ben Ode');
  });

  it('under --anonymize names nobody, and singles nobody out by pseudonym', () => {
    expect(found(anonymized.post, REAL_IDENTITIES)).toEqual([]);
    expect(found(anonymized.deck, REAL_IDENTITIES)).toEqual([]);
    expect(anonymized.post).not.toMatch(/Person [0-9A-F]{4}/);
    expect(anonymized.post).toContain(PUBLIC_MARKER);
  });

  it('under --anonymize names the person who opted in, and only her', () => {
    expect(found(optedIn.post, REAL_IDENTITIES)).toEqual(['Ana Ruiz']);
    expect(
      found(
        optedIn.deck,
        REAL_IDENTITIES.filter((r) => r !== 'Ana Ruiz' && r !== 'ana.ruiz@example.com'),
      ),
    ).toEqual([]);
    expect(optedIn.post).not.toMatch(/Person [0-9A-F]{4}/);
  });
});
