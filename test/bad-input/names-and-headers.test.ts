/**
 * Lost or misread without a word before (issue 19, item 15): a header line repeated inside
 * Messages.csv (two files joined), two zip entries whose names differ only in case, and a
 * Messages.csv that is a symbolic link.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { buildZip } from '../helpers/zip-writer.js';
import { fixture, load, reconciled, tempDir, writeTree } from './harness.js';

afterAll(removeTempDirs);

const HEADER = 'id,thread_id,sender_id,sender_name,body,created_at';
const messages = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('repeated headers and clashing or linked file names', () => {
  it('a header line repeated mid-file is a malformed row with a warning, not a deleted message', async () => {
    const { accounts, warnings, activities } = await load([fixture('yammer-header-repeated-mid-file')]);
    expect(accounts[0]).toMatchObject({
      kind: 'yammer',
      read: 4,
      used: 3,
      skipped: 1,
      skippedByReason: { malformed: 1 },
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /yammer-header-repeated-mid-file\/Messages\.csv:4: the header line is repeated here \(files joined together\?\); the line is not read$/,
      ),
    ]);
    expect(activities.map((a) => a.text)).toEqual(['Welcome', 'Thanks', 'Second export']);
    expect(reconciled(accounts)).toBe(true);
  });

  it('zip entries "Messages.csv" and "messages.csv": one is read and the other is named in a warning', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'export.zip');
    writeFileSync(
      file,
      buildZip([
        { name: 'messages.csv', data: messages('9,9,19,Di Fox,Lower-case twin,2026-03-04 09:00:00 UTC') },
        {
          name: 'Messages.csv',
          data: messages(
            '1,1,11,Ana Ruiz,Welcome,2026-03-02 09:00:00 UTC',
            '2,1,12,Ben Ode,Thanks,2026-03-02 11:00:00 UTC',
          ),
        },
      ]),
    );
    const { accounts, warnings, activities } = await load([file]);
    expect(accounts[0]).toMatchObject({ read: 2, used: 2, files: 1 });
    expect(warnings).toEqual([
      `${file}!messages.csv: "messages.csv" and "Messages.csv" differ only in case; names are matched without regard to case, so only "Messages.csv" is read`,
    ]);
    expect(activities.map((a) => a.text)).toEqual(['Welcome', 'Thanks']);
  });

  it('a symbolic link named Messages.csv: "holds no export" names the link and says it is not followed', async () => {
    const dir = tempDir();
    const real = writeTree(path.join(dir, 'elsewhere'), {
      'Messages.csv': messages('1,1,11,Ana Ruiz,Welcome,2026-03-02 09:00:00 UTC'),
    });
    const exportDir = path.join(dir, 'export');
    writeTree(exportDir, { 'README.txt': 'see Messages.csv' });
    symlinkSync(path.join(real, 'Messages.csv'), path.join(exportDir, 'Messages.csv'));
    const { error } = await load([exportDir]);
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).toContain(
      `${exportDir}: holds no export pilot-report knows\n  ${path.join(exportDir, 'Messages.csv')}: is a symbolic link, which is not followed; pass the file it points to, or copy it into the folder\n`,
    );
  });
});
