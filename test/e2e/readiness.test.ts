import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, hasStackTrace } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { readPdf } from '../helpers/pdf-text.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/** The sample's Slack export and wiki dump, no people file: no department, no moderator, no money. */
async function bareFolder(): Promise<string> {
  const dir = makeTempDir('pilot-report-readiness-');
  for (const name of ['slack', 'wiki'])
    cpSync(path.join(REPO_ROOT, 'fixtures/sample-pilot', name), path.join(dir, name), { recursive: true });
  expect((await runCliInProcess(['init', '--yes'], { cwd: dir })).code).toBe(0);
  return dir;
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('what the report will lack, and how to fix it', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await bareFolder();
  }, 60_000);

  it('validate lists each gap after the counts with the setting that fixes it, and still exits 0', {
    timeout: 120_000,
  }, async () => {
    const result = await runCliInProcess(['validate'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const readiness = result.stdout.slice(result.stdout.indexOf('readiness:'));
    expect(readiness).toMatch(
      /^ {2}- no people file: accounts are merged by e-mail only, and \d+ accounts look like \d+ people\n {4}fix: set "people" to a people file/m,
    );
    expect(readiness).toContain(
      '  - no departments: the department and silo part of the report stays empty\n    fix: add a department column to the people file',
    );
    expect(readiness).toContain(
      '  - no moderators: the moderation part of the report stays empty\n    fix: name the moderators in the config',
    );
    expect(readiness).toContain(
      '  - no business-case inputs: the report shows no money\n    fix: set businessCase.hourlyCost and businessCase.currency',
    );
    expect(readiness).toContain('  - 1 private space(s): their activity is counted, their text is never shown');
    expect(result.stdout.indexOf('readiness:')).toBeGreaterThan(result.stdout.indexOf('records: read'));
    const json = JSON.parse((await runCliInProcess(['validate', '--json', '-', '--quiet'], { cwd: dir })).stdout) as {
      readiness: { key: string }[];
    };
    expect(json.readiness.map((r) => r.key)).toEqual([
      'people',
      'departments',
      'moderators',
      'businessCase',
      'privateSpaces',
    ]);
  });

  // Two analyze runs: slow on a loaded machine.
  it('analyze warns once per empty part (not with --quiet), and the PDF part says how to fill it', {
    timeout: 120_000,
  }, async () => {
    const result = await runCliInProcess(['analyze', '--as-of', '2026-11-01'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(hasStackTrace(result.stderr)).toBe(false);
    for (const line of [
      'warning: no departments: the department and silo part of the report stays empty; to fill it, add a department column',
      'warning: no moderators: the moderation part of the report stays empty; to fill it, name the moderators',
      'warning: no business-case inputs: the report shows no money; to fill it, set businessCase.hourlyCost',
    ])
      expect(count(result.stderr, line), line).toBe(1);
    const quiet = await runCliInProcess(['analyze', '--as-of', '2026-11-01', '--quiet', '--out', 'quiet'], {
      cwd: dir,
    });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const text = (await readPdf(readFileSync(path.join(dir, 'pilot-report-out/report.pdf')))).pages.join('\n');
    expect(text).toContain(
      'Moderation: not shown, no moderators were configured. To fill it, name the moderators in the config',
    );
    expect(text).toContain(
      'Departments: not shown, no active person has a known department. To fill it, add a department column to the people file',
    );
    expect(text).toContain(
      'No money is shown. To fill it, set businessCase.hourlyCost and businessCase.currency in the config',
    );
  });
});
