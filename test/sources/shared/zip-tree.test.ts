import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { ZIP_LIMITS, zipTree } from '../../../src/sources/zip-tree.js';
import { buildZip, type ZipEntrySpec } from '../../helpers/zip-writer.js';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

const dir = makeTempDir('pilot-report-zip-');

function writeZip(name: string, entries: ZipEntrySpec[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, buildZip(entries));
  return file;
}

describe('zipTree', () => {
  it('lists files (not folders) and streams stored and deflated entries on demand', async () => {
    const file = writeZip('plain.zip', [
      { name: 'export/', data: '' },
      { name: 'export/Messages.csv', data: 'id,body\n1,héllo\n', deflate: true },
      { name: 'export/Users.csv', data: 'id,name\n1,Ana\n' },
    ]);
    const { tree, problems } = await zipTree(file);
    expect(problems).toEqual([]);
    expect(tree.displayPath).toBe(file);
    expect(tree.files.map((f) => [f.name, f.displayPath, f.size])).toEqual([
      // 'id,body\n' is 8 bytes, '1,héllo\n' 9 (é takes two): 17.
      ['export/Messages.csv', `${file}!export/Messages.csv`, 17],
      ['export/Users.csv', `${file}!export/Users.csv`, 14],
    ]);
    const messages = tree.find('EXPORT/messages.csv');
    expect(messages?.name).toBe('export/Messages.csv');
    // Opened twice: each open is a fresh stream.
    expect(await text(await messages!.open())).toBe('id,body\n1,héllo\n');
    expect(await text(await messages!.open())).toBe('id,body\n1,héllo\n');
    expect(await text(await tree.find('export/Users.csv')!.open())).toBe('id,name\n1,Ana\n');
    await tree.close();
    await tree.close();
  });

  it('leaves out zip-slip names, encrypted entries and nested archives, naming archive and entry', async () => {
    const file = writeZip('unsafe.zip', [
      { name: '../evil.csv', data: 'x' },
      { name: '/etc/cron.d/evil', data: 'x' },
      { name: 'a/../../evil.csv', data: 'x' },
      { name: 'secret.csv', data: 'id\n1\n', encrypted: true },
      { name: 'inner/other-network.ZIP', data: 'PK' },
      { name: 'Messages.csv', data: 'id\n1\n' },
    ]);
    const { tree, problems } = await zipTree(file);
    expect(tree.files.map((f) => f.name)).toEqual(['Messages.csv']);
    const outside = 'entry name points outside the archive (absolute path or ".."); left out';
    expect(problems).toEqual([
      { file: `${file}!../evil.csv`, line: null, reason: 'unsafePath', detail: outside },
      { file: `${file}!/etc/cron.d/evil`, line: null, reason: 'unsafePath', detail: outside },
      { file: `${file}!a/../../evil.csv`, line: null, reason: 'unsafePath', detail: outside },
      { file: `${file}!secret.csv`, line: null, reason: 'encrypted', detail: 'entry is password-protected; left out' },
      {
        file: `${file}!inner/other-network.ZIP`,
        line: null,
        reason: 'nestedArchive',
        detail: 'nested archive not read; extract it and pass it separately',
      },
    ]);
    await tree.close();
  });

  it('leaves out an entry that inflates more than 200 times, read from the central directory', async () => {
    // 3 MiB of zeros deflate to a few KiB: ratio far above 200 and size above 1 MiB.
    const file = writeZip('bomb.zip', [
      { name: 'zeros.csv', data: Buffer.alloc(3 * 1024 * 1024), deflate: true },
      { name: 'ok.csv', data: 'a\n' },
    ]);
    const { tree, problems } = await zipTree(file);
    expect(tree.files.map((f) => f.name)).toEqual(['ok.csv']);
    expect(problems).toEqual([
      {
        file: `${file}!zeros.csv`,
        line: null,
        reason: 'tooLarge',
        detail: 'entry inflates more than 200 times (zip bomb?); left out',
      },
    ]);
    await tree.close();
  });

  it('enforces the per-entry and total limits up front', async () => {
    const file = writeZip('sizes.zip', [
      { name: 'a.csv', data: 'x'.repeat(600) },
      { name: 'b.csv', data: 'y'.repeat(600) },
      { name: 'c.csv', data: 'z'.repeat(2000) },
    ]);
    const perEntry = await zipTree(file, { ...ZIP_LIMITS, maxEntryBytes: 1000 });
    expect(perEntry.tree.files.map((f) => f.name)).toEqual(['a.csv', 'b.csv']);
    expect(perEntry.problems).toEqual([
      {
        file: `${file}!c.csv`,
        line: null,
        reason: 'tooLarge',
        detail: 'entry is 2000 bytes uncompressed, above the 1000 bytes limit; left out',
      },
    ]);
    await perEntry.tree.close();
    // Kept entries total 600 + 600 = 1200 > 1100.
    const total = zipTree(file, { ...ZIP_LIMITS, maxEntryBytes: 1000, maxTotalBytes: 1100 });
    await expect(total).rejects.toThrow(InputError);
    await expect(total).rejects.toThrow(
      `${file}: holds 1200 bytes uncompressed, above the 1100 bytes limit (zip bomb?)`,
    );
  });

  it('stops a stream that inflates beyond its declared size, with an error naming the entry', async () => {
    const file = writeZip('liar.zip', [{ name: 'liar.csv', data: 'q'.repeat(5000), deflate: true, declaredSize: 10 }]);
    const { tree, problems } = await zipTree(file);
    expect(problems).toEqual([]);
    const liar = tree.find('liar.csv')!;
    const reading = liar.open().then((stream) => text(stream));
    await expect(reading).rejects.toThrow(InputError);
    await expect(reading).rejects.toThrow(`${file}!liar.csv:`);
    await tree.close();
  });

  it('refuses a file that is not a zip archive', async () => {
    const file = path.join(dir, 'not-a.zip');
    writeFileSync(file, 'id,body\n1,this is a CSV named .zip\n');
    const opening = zipTree(file);
    await expect(opening).rejects.toThrow(InputError);
    await expect(opening).rejects.toThrow(/^.*not-a\.zip: is not a readable zip archive \(.+\)/);
  });
});
