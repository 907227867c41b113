import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { memoryTree } from '../../../src/sources/input-tree.js';
import { openInput } from '../../../src/sources/open-input.js';
import { yammerSource } from '../../../src/sources/yammer/index.js';
import { buildZip } from '../../helpers/zip-writer.js';
import { runSource } from '../mediawiki/run-source.js';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/yammer');
const HEADER = 'id,replied_to_id,thread_id,group_id,in_private_group,sender_id,sender_name,body,created_at';

function messages(...rows: string[]): string {
  return `${HEADER}\n${rows.join('\n')}\n`;
}

describe('yammerSource.detect', () => {
  it('finds Messages.csv at the root or one folder down, in any case', async () => {
    expect(await yammerSource.detect(memoryTree('a', { 'Messages.csv': 'id' }))).toBe(true);
    expect(await yammerSource.detect(memoryTree('b', { 'network-1/messages.CSV': 'id' }))).toBe(true);
    expect(await yammerSource.detect(memoryTree('c', { 'a/b/Messages.csv': 'id' }))).toBe(false);
    expect(await yammerSource.detect(memoryTree('d', { 'Users.csv': 'id', 'channels.json': '[]' }))).toBe(false);
  });
});

describe('yammerSource.read', () => {
  it('includes private conversations as private chat spaces with includePrivate', async () => {
    const dir = path.join(FIXTURES, 'groups-private-system-bot-and-bad-rows');
    const tree = memoryTree('net', { 'Messages.csv': readFileSync(path.join(dir, 'Messages.csv')) });
    const run = await runSource(yammerSource, tree, { includePrivate: true });
    // Same 10 rows as the fixture test; 105 (conversation 555) is now used: 6 used + 4 skipped.
    expect(run.read).toBe(10);
    expect(run.activities.map((a) => a.id)).toEqual([
      'yammer:101',
      'yammer:102',
      'yammer:103',
      'yammer:104',
      'yammer:105',
      'yammer:108',
    ]);
    expect(run.skippedByReason).toEqual({ system: 1, bot: 1, malformed: 1, missingField: 1 });
    const conversation = run.activities.find((a) => a.id === 'yammer:105');
    expect(conversation?.spaceId).toBe('yammer:conversation:555');
    expect(run.spaces.find((s) => s.id === 'yammer:conversation:555')).toEqual({
      id: 'yammer:conversation:555',
      source: 'yammer',
      name: 'Private conversation',
      kind: 'chat',
      isPrivate: true,
    });
    // Without Users.csv the names come from sender_name, and mentions of known senders use them.
    expect(run.identities.find((i) => i.id === 'yammer:1')).toEqual({
      id: 'yammer:1',
      source: 'yammer',
      name: 'Ana Ruiz',
      email: 'ana@example.com',
      department: null,
      isBot: false,
    });
    expect(run.activities[0]?.text).toBe(
      'Proposal: #tag:7 cut build times\nsee https://intranet.example.com/wiki/Build_plan. cc @user:2',
    );
  });

  it('refuses a Messages.csv without a required column, naming file, line and column', async () => {
    const noDate = memoryTree('mem', { 'Messages.csv': 'id,thread_id,sender_id,body\n1,1,5,hi\n' });
    await expect(runSource(yammerSource, noDate)).rejects.toThrow(InputError);
    await expect(runSource(yammerSource, noDate)).rejects.toThrow(
      'mem/Messages.csv:1: required column "created_at" is missing\n  hint: a Yammer Messages.csv needs id, sender_id, created_at and thread_id or replied_to_id; this header has: id, thread_id, sender_id, body',
    );
    const noThreading = memoryTree('mem', { 'Messages.csv': 'id,sender_id,created_at\n1,5,2026-01-01T00:00:00Z\n' });
    await expect(runSource(yammerSource, noThreading)).rejects.toThrow(
      'mem/Messages.csv:1: required column "thread_id" is missing',
    );
  });

  it('threads replies through replied_to_id when the export has no thread_id column', async () => {
    const tree = memoryTree('old', {
      'Messages.csv': [
        'id,replied_to_id,sender_id,created_at,body',
        '1,,5,2026-02-01T08:00:00Z,start',
        '2,1,6,2026-02-01T09:00:00Z,first reply',
        '3,2,5,2026-02-01T10:00:00Z,reply to the reply',
        '4,3,7,2026-02-01T11:00:00Z,deeper',
        '',
      ].join('\n'),
    });
    const run = await runSource(yammerSource, tree);
    expect(run.activities.map((a) => [a.id, a.kind, a.threadId, a.parentId])).toEqual([
      ['yammer:1', 'post', 'yammer:1', null],
      ['yammer:2', 'reply', 'yammer:1', 'yammer:1'],
      ['yammer:3', 'reply', 'yammer:1', 'yammer:2'],
      ['yammer:4', 'reply', 'yammer:1', 'yammer:3'],
    ]);
  });

  it('gives a reply without replied_to_id its thread starter as parent', async () => {
    const run = await runSource(
      yammerSource,
      memoryTree('m', {
        'Messages.csv': messages(
          '1,,1,,false,5,Ana,start,2026-02-01T08:00:00Z',
          '2,,1,,false,6,Bo,reply,2026-02-01T09:00:00Z',
        ),
      }),
    );
    expect(run.activities.map((a) => [a.id, a.kind, a.parentId])).toEqual([
      ['yammer:1', 'post', null],
      ['yammer:2', 'reply', 'yammer:1'],
    ]);
  });

  it('makes a group space private again when a later row says in_private_group', async () => {
    const run = await runSource(
      yammerSource,
      memoryTree('m', {
        'Messages.csv': messages(
          '1,,1,10,false,5,Ana,a,2026-02-01T08:00:00Z',
          '2,1,1,10,true,6,Bo,b,2026-02-01T09:00:00Z',
          '3,1,1,10,false,6,Bo,c,2026-02-01T10:00:00Z',
        ),
      }),
    );
    // Emitted public with row 1, again private with row 2, not again with row 3 (the dataset keeps the last).
    expect(run.spaces.map((s) => [s.id, s.name, s.isPrivate])).toEqual([
      ['yammer:group:10', 'Group 10', false],
      ['yammer:group:10', 'Group 10', true],
    ]);
  });

  it('renders unknown references, escaped newlines and html_body when body is empty', async () => {
    const tree = memoryTree('m', {
      'Messages.csv':
        'id,thread_id,sender_id,sender_name,body,html_body,created_at\n' +
        '1,1,5,Ana,"hi [[user:99]] and [[user:6]] [[user:99]] #x [[tag:3]] [[group:4]]\\nbye",,2026-02-01T08:00:00Z\n' +
        '2,1,6,Bo,null,"<p>Yes &amp; <b>now</b></p><p>[[user:5]]</p>",2026-02-01T09:00:00Z\n' +
        '3,1,5,Ana,"thanks [[user:6]]",,2026-02-01T10:00:00Z\n',
    });
    const run = await runSource(yammerSource, tree);
    expect(run.activities.map((a) => [a.text, a.mentions])).toEqual([
      // User 6 is not known yet when row 1 is read (Bo first appears as a sender on row 2).
      ['hi @user:99 and @user:6 @user:99 #x #tag:3 group:4\nbye', ['yammer:99', 'yammer:6']],
      ['Yes & now\n@Ana', ['yammer:5']],
      ['thanks @Bo', ['yammer:6']],
    ]);
  });

  it('reads a UTF-16LE, tab-separated Messages.csv (Excel "Unicode text")', async () => {
    const text =
      'id\tthread_id\tsender_id\tsender_name\tbody\tcreated_at\r\n1\t1\t5\tJosé\t"Olá, mundo"\t2026-02-01 08:00:00 UTC\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const run = await runSource(yammerSource, memoryTree('m', { 'Messages.csv': bytes }));
    expect(run.read).toBe(1);
    expect(run.activities.map((a) => [a.id, a.text, a.at])).toEqual([
      ['yammer:1', 'Olá, mundo', Date.parse('2026-02-01T08:00:00Z')],
    ]);
    expect(run.identities.map((i) => i.name)).toEqual(['José']);
    expect(run.problems).toEqual([]);
  });

  it('reads a Windows-1252 Messages.csv with one problem for the file', async () => {
    const bytes = Buffer.from(
      'id,thread_id,sender_id,sender_name,body,created_at\n1,1,5,Zoë,café,2026-02-01T08:00:00Z\n',
      'latin1',
    );
    const run = await runSource(yammerSource, memoryTree('m', { 'Messages.csv': bytes }));
    expect(run.activities.map((a) => a.text)).toEqual(['café']);
    expect(run.identities.map((i) => i.name)).toEqual(['Zoë']);
    expect(run.problems).toEqual([
      { file: 'm/Messages.csv', line: null, reason: 'encoding', detail: 'not UTF-8; read as Windows-1252' },
    ]);
  });

  it('reads nothing from an empty Messages.csv and says so', async () => {
    const run = await runSource(yammerSource, memoryTree('m', { 'Messages.csv': '' }));
    expect(run.read).toBe(0);
    expect(run.problems).toEqual([{ file: 'm/Messages.csv', line: null, reason: 'empty', detail: 'empty file' }]);
    expect(run.files).toEqual(['m/Messages.csv']);
  });

  it('reads a zip holding one folder per network, leaving out a zip-slip entry', async () => {
    const dir = makeTempDir('pilot-report-yammer-');
    const zip = path.join(dir, 'yammer-export.zip');
    writeFileSync(
      zip,
      buildZip([
        {
          name: '1001/Users.csv',
          data: 'id,name,email,department,state\n5,Ana Ruiz,ana@example.com,Sales,active\n',
          deflate: true,
        },
        {
          name: '1001/Messages.csv',
          data: messages('1,,1,,false,5,Ana Ruiz,"hello\nnetwork one",2026-02-01T08:00:00Z'),
          deflate: true,
        },
        {
          name: '2002/MESSAGES.csv',
          data: messages(
            '9,,9,,false,6,Bo Chen,hello two,2026-02-02T08:00:00Z',
            '10,9,9,,false,5,,hi back,2026-02-02T09:00:00Z',
          ),
        },
        { name: '../2002/Messages.csv', data: messages('66,,66,,false,6,Evil,outside,2026-02-02T08:00:00Z') },
      ]),
    );
    const { tree, problems, forcedKind } = await openInput(zip);
    expect(forcedKind).toBeNull();
    expect(problems.map((p) => [p.file, p.reason])).toEqual([[`${zip}!../2002/Messages.csv`, 'unsafePath']]);
    expect(await yammerSource.detect(tree)).toBe(true);
    const run = await runSource(yammerSource, tree);
    await tree.close();
    // 1 row in network 1001 + 2 rows in 2002; the entry outside the archive is not read.
    expect(run.read).toBe(3);
    expect(run.activities.map((a) => [a.id, a.provenance.file, a.provenance.line])).toEqual([
      ['yammer:1', `${zip}!1001/Messages.csv`, 2],
      ['yammer:9', `${zip}!2002/MESSAGES.csv`, 2],
      ['yammer:10', `${zip}!2002/MESSAGES.csv`, 3],
    ]);
    expect(run.files).toEqual([`${zip}!1001/Users.csv`, `${zip}!1001/Messages.csv`, `${zip}!2002/MESSAGES.csv`]);
    // Network 2002 has no Users.csv: sender 6 becomes an identity from its row; sender 5 is known
    // from network 1001's Users.csv and is not emitted again without e-mail and department.
    expect(run.identities.map((i) => [i.id, i.name, i.email, i.department])).toEqual([
      ['yammer:5', 'Ana Ruiz', 'ana@example.com', 'Sales'],
      ['yammer:6', 'Bo Chen', null, null],
    ]);
  });
});
