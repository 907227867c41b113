import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { openInput, splitKind } from '../../../src/sources/open-input.js';
import { buildZip } from '../../helpers/zip-writer.js';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

const dir = makeTempDir('pilot-report-input-');
const folder = path.join(dir, 'yammer-export');
mkdirSync(path.join(folder, 'net-1'), { recursive: true });
writeFileSync(path.join(folder, 'net-1', 'Messages.csv'), 'id\n');
writeFileSync(path.join(folder, 'notes.txt'), 'n');
const zip = path.join(dir, 'export.ZIP');
writeFileSync(
  zip,
  buildZip([
    { name: 'Messages.csv', data: 'id\n' },
    { name: '../x.csv', data: 'x' },
  ]),
);
const single = path.join(dir, 'posts.csv');
writeFileSync(single, 'id\n');

describe('splitKind', () => {
  it('takes a known kind prefix in any case and leaves drive letters and unknown words alone', () => {
    expect(splitKind('yammer:exports/a.zip')).toEqual({ forcedKind: 'yammer', path: 'exports/a.zip' });
    expect(splitKind('CSV:data.csv')).toEqual({ forcedKind: 'csv', path: 'data.csv' });
    expect(splitKind('mediawiki:C:\\dumps\\wiki.xml')).toEqual({
      forcedKind: 'mediawiki',
      path: 'C:\\dumps\\wiki.xml',
    });
    expect(splitKind('C:\\exports\\slack.zip')).toEqual({ forcedKind: null, path: 'C:\\exports\\slack.zip' });
    expect(splitKind('d:/exports/slack.zip')).toEqual({ forcedKind: null, path: 'd:/exports/slack.zip' });
    expect(splitKind('notes:2026.csv')).toEqual({ forcedKind: null, path: 'notes:2026.csv' });
    expect(splitKind('exports/teams')).toEqual({ forcedKind: null, path: 'exports/teams' });
  });
});

describe('openInput', () => {
  it('walks a folder, with a forced kind when prefixed', async () => {
    const opened = await openInput(`yammer:${folder}`);
    expect(opened.forcedKind).toBe('yammer');
    expect(opened.problems).toEqual([]);
    expect(opened.tree.files.map((f) => f.name)).toEqual(['net-1/Messages.csv', 'notes.txt']);
    await opened.tree.close();
  });

  it('reads a .zip (any case) in place and passes on the entries it left out', async () => {
    const opened = await openInput(zip);
    expect(opened.forcedKind).toBeNull();
    expect(opened.tree.files.map((f) => f.displayPath)).toEqual([`${zip}!Messages.csv`]);
    expect(opened.problems.map((p) => [p.file, p.reason])).toEqual([[`${zip}!../x.csv`, 'unsafePath']]);
    await opened.tree.close();
  });

  it('sees any other file as a tree of one', async () => {
    const opened = await openInput(`csv:${single}`);
    expect(opened.forcedKind).toBe('csv');
    expect(opened.tree.files.map((f) => [f.name, f.displayPath])).toEqual([['posts.csv', single]]);
  });

  it('reports a missing path with a hint, and an unknown kind prefix with the known ones', async () => {
    const missing = path.join(dir, 'nope');
    await expect(openInput(missing)).rejects.toThrow(InputError);
    await expect(openInput(missing)).rejects.toThrow(
      `${missing}: does not exist or cannot be read\n  hint: check the path`,
    );
    await expect(openInput(`jira:${missing}`)).rejects.toThrow(
      'hint: "jira:" is not a source kind; write one of yammer: slack: mediawiki: teams: csv: before the path',
    );
    await expect(openInput('slack:')).rejects.toThrow('slack:: names no file or folder');
  });
});
