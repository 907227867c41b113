import { describe, expect, it } from 'vitest';
import { memoryFile } from '../../helpers/memory-file.js';
import { InputError } from '../../../src/errors.js';
import { readRecognizeFile } from '../../../src/sources/people/read-recognize.js';

const recognizeFile = (text: string) => memoryFile('names.csv', text, 'cfg');

describe('readRecognizeFile', () => {
  it('reads lower-cased e-mails and normalized person ids from either column', async () => {
    const csv = [
      'Email,Person',
      'Chen.Wei@Example.com,',
      ',slack:u123',
      ',Dana@Example.com',
      'a@example.com,wiki:j_doe',
    ].join('\n');
    const { recognized, problems } = await readRecognizeFile(recognizeFile(csv));
    expect(problems).toEqual([]);
    expect([...recognized]).toEqual([
      'chen.wei@example.com',
      'slack:U123',
      'dana@example.com',
      'a@example.com',
      'mediawiki:J doe',
    ]);
  });

  it('reports values that name no one at their line and keeps reading', async () => {
    const csv = ['email', 'not-an-email', 'bo@example.com', ''].join('\n');
    const { recognized, problems } = await readRecognizeFile(recognizeFile(csv));
    expect(problems.map((p) => `${p.file}:${p.line} ${p.detail}`)).toEqual([
      'cfg/names.csv:2 "not-an-email" is not an e-mail address; it is ignored',
      'cfg/names.csv:2 the row names no one (no usable e-mail or person id); it is left out',
    ]);
    expect([...recognized]).toEqual(['bo@example.com']);
  });

  it('refuses a person written as a name, since two people can share one', async () => {
    const { recognized, problems } = await readRecognizeFile(recognizeFile('person\nAna Ruiz\n'));
    expect(recognized.size).toBe(0);
    expect(problems[0]?.detail).toBe(
      'person "Ana Ruiz" is neither an e-mail nor a person id such as slack:U123 (names are not accepted: two people can share one); it is ignored',
    );
    const unknownSource = await readRecognizeFile(recognizeFile('person\njira:7\n'));
    expect(unknownSource.problems[0]?.detail).toBe(
      'person "jira:7" is neither an e-mail nor a person id: it starts with an unknown source (use yammer:, slack:, mediawiki:, teams:, csv:); it is ignored',
    );
  });

  it('cannot use a file with neither an email nor a person column', async () => {
    await expect(readRecognizeFile(recognizeFile('name\nAna\n'))).rejects.toThrow(InputError);
    await expect(readRecognizeFile(recognizeFile('name\nAna\n'))).rejects.toThrow(
      'cfg/names.csv:1: a recognize file needs an "email" or a "person" column',
    );
  });
});
