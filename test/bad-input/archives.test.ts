/**
 * Hostile and broken zip archives, built at run time with the test zip writer (a zip bomb is not
 * committed). Archives are read in place (yauzl, entries inflated on demand): the tree never
 * writes a file, so an entry name cannot point anywhere on disk; unsafe entries are left out.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ZIP_LIMITS, zipTree } from '../../src/sources/zip-tree.js';
import { buildZip, type ZipEntrySpec } from '../helpers/zip-writer.js';
import { load, reconciled, tempDir } from './harness.js';
import { removeTempDirs } from '../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

const MESSAGES = [
  'id,thread_id,sender_id,sender_name,body,created_at',
  '1,1,11,Ana Ruiz,Welcome,2026-03-02 09:00:00 UTC',
  '2,1,12,Ben Ode,Thanks,2026-03-02 11:00:00 UTC',
].join('\n');

function writeZip(entries: readonly ZipEntrySpec[]): { dir: string; file: string } {
  const dir = tempDir('pilot-report-zip-');
  const file = path.join(dir, 'export.zip');
  writeFileSync(file, buildZip(entries));
  return { dir, file };
}

describe('bad zip archives', () => {
  it('zip-slip: entries named "../..." or "/..." are left out with a problem each, the rest is read, nothing is written', async () => {
    const { dir, file } = writeZip([
      { name: '../../evil/Messages.csv', data: MESSAGES },
      { name: '/etc/cron.d/evil', data: 'x' },
      { name: 'Messages.csv', data: MESSAGES },
    ]);
    const { accounts, warnings, activities } = await load([file]);
    expect(accounts[0]).toMatchObject({ read: 2, used: 2, skipped: 0, files: 1 });
    expect(warnings).toEqual([
      `${file}!../../evil/Messages.csv: entry name points outside the archive (absolute path or ".."); left out`,
      `${file}!/etc/cron.d/evil: entry name points outside the archive (absolute path or ".."); left out`,
    ]);
    expect(activities).toHaveLength(2);
    expect(readdirSync(dir)).toEqual(['export.zip']);
    expect(readdirSync(path.dirname(dir))).not.toContain('evil');
  });

  it('zip bomb: 20 MiB of one byte deflated to ~20 KiB is above the ratio limit; the entry is left out, the export read', async () => {
    const bomb = Buffer.alloc(20 * 1024 * 1024, 0x41);
    const { file } = writeZip([
      { name: 'Messages.csv', data: MESSAGES },
      { name: 'Users.csv', data: bomb, deflate: true },
    ]);
    const { accounts, warnings } = await load([file]);
    expect(accounts[0]).toMatchObject({ read: 2, used: 2 });
    expect(warnings).toEqual([
      `${file}!Users.csv: entry inflates more than ${ZIP_LIMITS.maxRatio} times (zip bomb?); left out`,
    ]);
  });

  it('zip bomb whose central directory lies about its size: reading stops at the declared size with an exit-2 error naming the entry', async () => {
    const { file } = writeZip([
      { name: 'Messages.csv', data: MESSAGES },
      { name: 'Users.csv', data: Buffer.alloc(3 * 1024 * 1024, 0x41), deflate: true, declaredSize: 100 },
    ]);
    const { error } = await load([file]);
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!Users\\.csv: `));
  });

  it('an archive declaring more than the total limit is refused before anything is inflated', async () => {
    const { file } = writeZip([
      { name: 'Messages.csv', data: MESSAGES },
      { name: 'Files.csv', data: 'x'.repeat(900) },
    ]);
    const limits = { ...ZIP_LIMITS, maxTotalBytes: 1000 };
    await expect(zipTree(file, limits)).rejects.toThrow(
      /holds \d+ bytes uncompressed, above the 1000 bytes limit \(zip bomb\?\)/,
    );
  });

  it('the default limits: 200x ratio above 1 MiB, 2 GiB per entry, 8 GiB in all (docs/bad-input.md)', () => {
    expect(ZIP_LIMITS).toEqual({
      maxRatio: 200,
      ratioMinBytes: 1024 * 1024,
      maxEntryBytes: 2 * 1024 ** 3,
      maxTotalBytes: 8 * 1024 ** 3,
    });
  });

  it('nested zip beside an export: left out with a problem, the export read', async () => {
    const inner = buildZip([{ name: 'Messages.csv', data: MESSAGES }]);
    const { file } = writeZip([
      { name: 'older/export-2025.zip', data: inner },
      { name: 'Messages.csv', data: MESSAGES, deflate: true },
    ]);
    const { accounts, warnings } = await load([file]);
    expect(accounts[0]).toMatchObject({ read: 2, used: 2 });
    expect(warnings).toEqual([
      `${file}!older/export-2025.zip: nested archive not read; extract it and pass it separately`,
    ]);
  });

  it('nothing but a nested zip: exit-2 error that says the nested archive was not read', async () => {
    const { file } = writeZip([{ name: 'export.zip', data: buildZip([{ name: 'Messages.csv', data: MESSAGES }]) }]);
    const { error } = await load([file]);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(
      /holds no export pilot-report knows\n {2}.*export\.zip!export\.zip: nested archive not read/,
    );
  });

  it('password-protected entries: left out with a problem; when they are all there is, exit 2 saying so', async () => {
    const partly = writeZip([
      { name: 'Messages.csv', data: MESSAGES },
      { name: 'Users.csv', data: 'id,name\n11,Ana Ruiz\n', encrypted: true },
    ]).file;
    const ok = await load([partly]);
    expect(ok.accounts[0]).toMatchObject({ read: 2, used: 2 });
    expect(ok.warnings).toEqual([`${partly}!Users.csv: entry is password-protected; left out`]);

    const whole = writeZip([{ name: 'Messages.csv', data: MESSAGES, encrypted: true }]).file;
    const { error } = await load([whole]);
    expect(error?.message).toMatch(
      /holds no export pilot-report knows\n {2}.*Messages\.csv: entry is password-protected/,
    );
    expect(reconciled(ok.accounts)).toBe(true);
  });

  it('a truncated download (the zip cut in half): exit-2 error "not a readable zip archive"', async () => {
    const whole = buildZip([{ name: 'Messages.csv', data: MESSAGES }]);
    const dir = tempDir('pilot-report-zip-');
    const file = path.join(dir, 'cut.zip');
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const { error } = await load([file]);
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).toMatch(/cut\.zip: is not a readable zip archive/);
  });
});
