import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, hasStackTrace, runCli } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { exportDir } from './tiny-yammer.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

const CONFIG = 'pilot-report.config.json';

function validatorOfConfig() {
  const schema: unknown = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schema/config.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  if (typeof schema !== 'object' || schema === null) throw new Error('config schema is not an object');
  return ajv.compile(schema);
}

// The first test spawns the built binary (stdin and stderr pipes, as in CI); the others run the
// CLI in the worker (helpers/cli-in-process.ts), which reads its streams as pipes too.
describe('pilot-report init (end to end)', () => {
  it('writes a config that passes the config schema, lists the Yammer export and spells out the defaults', () => {
    const dir = exportDir(undefined, { 'notes.txt': 'not an export' }, 'yammer');
    const result = runCli(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/found Yammer.*: yammer\//);
    const written: Record<string, unknown> = JSON.parse(readFileSync(path.join(dir, CONFIG), 'utf8'));
    const validate = validatorOfConfig();
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
    expect(written['inputs']).toEqual(['yammer/']);
    expect(written).toMatchObject({
      out: './pilot-report-out/',
      timeZone: 'UTC',
      includePrivate: false,
      minGroupSize: 5,
      unansweredListSize: 10,
    });
    expect(written['ideas']).toMatchObject({
      tags: ['#idea', '#suggestion', '#proposal'],
      endorseThreshold: 3,
      stallDays: 30,
    });
    // Not a terminal (a pipe, as in CI): nothing was asked, every business-case input is left to fill in.
    expect(written['businessCase']).toMatchObject({ minutesSavedPerAnsweredQuestion: 15 });
    expect(Object.keys(written['businessCase'] as object)).toEqual(['minutesSavedPerAnsweredQuestion', '$notes']);
    // The temp folder is outside the repository: $schema is a relative path back to the shipped file.
    const schemaRef = written['$schema'];
    expect(typeof schemaRef).toBe('string');
    expect(path.resolve(dir, String(schemaRef))).toBe(path.join(REPO_ROOT, 'schema/config.schema.json'));
  });

  it('writes a config that validate then reads its inputs from', async () => {
    const dir = exportDir();
    expect((await runCliInProcess(['init'], { cwd: dir })).code).toBe(0);
    const validated = await runCliInProcess(['validate'], { cwd: dir });
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(/^export \(yammer\)$/m);
  });

  it('refuses to overwrite an existing config (exit 2) and replaces it with --force', async () => {
    const dir = exportDir();
    writeFileSync(path.join(dir, CONFIG), '{ "timeZone": "Europe/Berlin" }\n');
    const refused = await runCliInProcess(['init'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/pilot-report\.config\.json: already exists.*\n.*--force/);
    expect(hasStackTrace(refused.stderr)).toBe(false);
    expect(readFileSync(path.join(dir, CONFIG), 'utf8')).toBe('{ "timeZone": "Europe/Berlin" }\n');
    const forced = await runCliInProcess(['init', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, CONFIG), 'utf8')).timeZone).toBe('UTC');
  });

  it('--dir looks for exports in another folder and writes the config there; a wiki dump beside a folder is a second input', async () => {
    const wiki =
      '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/"><siteinfo><sitename>W</sitename></siteinfo></mediawiki>\n';
    const dir = exportDir(undefined, { 'wiki.xml': wiki });
    const result = await runCliInProcess(['init', '--dir', dir]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, CONFIG), 'utf8')).inputs).toEqual(['export/', 'wiki.xml']);
  });

  it('writes an empty input list and says so when the folder holds no export; a missing --dir is exit 2', async () => {
    const dir = makeTempDir('pilot-report-e2e-');
    writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    const bare = await runCliInProcess(['init'], { cwd: dir });
    expect(bare.code).toBe(0);
    expect(bare.stderr).toMatch(/warning: no export found/);
    expect(JSON.parse(readFileSync(path.join(dir, CONFIG), 'utf8')).inputs).toEqual([]);
    const missing = await runCliInProcess(['init', '--dir', path.join(dir, 'nothing-here')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nothing-here: --dir must name an existing folder/);
  });
});
