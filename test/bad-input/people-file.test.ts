/**
 * A people file where two rows claim the same alias (issue 19, item 12): refused with both lines,
 * since reading it would merge two people into one without a word.
 */
import { describe, expect, it } from 'vitest';
import { readPeople } from '../../src/cli/side-files.js';
import { InputError } from '../../src/errors.js';
import { readPeopleFile } from '../../src/sources/people/read-people.js';
import { memoryFile } from '../helpers/memory-file.js';
import { fixture } from './harness.js';

describe('a people file with an alias claimed twice', () => {
  it('is an input error (exit 2) naming both lines; the same person repeating its alias is not', async () => {
    const file = fixture('people-alias-claimed-twice', 'people.csv');
    const sink: string[] = [];
    const reading = readPeople(file, (line) => sink.push(line));
    // Line 4 repeats Ana's e-mail and alias (one person, the duplicate e-mail is a warning);
    // line 5 is Carl claiming Ana's slack:U1 (written `Slack:U1`, normalized to the same id).
    await expect(reading).rejects.toBeInstanceOf(InputError);
    await expect(reading).rejects.toMatchObject({ exitCode: 2 });
    await expect(reading).rejects.toThrow(
      /people\.csv:5: alias "slack:U1" is also claimed on line 2; one alias cannot belong to two rows\n  hint: .*line 2 or line 5/,
    );
  });

  it('two rows without an e-mail claiming one alias are refused too (nothing says they are one person)', async () => {
    const csv = 'name,aliases\nWiki Bot,wiki:Maintenance_bot\nOther Bot,mediawiki:maintenance bot\n';
    await expect(readPeopleFile(memoryFile('people.csv', csv, 'cfg'))).rejects.toThrow(
      /cfg\/people\.csv:3: alias "mediawiki:Maintenance bot" is also claimed on line 2/,
    );
  });
});
