import { InputError } from '../../errors.js';
import { openCsv } from '../shared/csv-records.js';
import type { InputFile, Problem } from '../types.js';
import { normalizeAlias } from './read-people.js';

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/**
 * Reads the recognize file (`--recognize names.csv`): the people who opted in to be named when
 * the rest are anonymized. Columns `email` and/or `person`; `person` is a person id as metrics.json
 * shows it: an e-mail, or `source:userId` for people without one (`slack:U123`, normalized like a
 * people-file alias). Names are not accepted, because two people can share one. A cell that is
 * neither is a problem at its line and the read goes on; a file with neither column is unusable.
 * The result holds lower-cased e-mails and normalized ids, ready for `pseudonymizer`.
 */
export async function readRecognizeFile(file: InputFile): Promise<{ recognized: Set<string>; problems: Problem[] }> {
  const problems: Problem[] = [];
  const report = (problem: Problem) => problems.push(problem);
  const table = await openCsv(file, report);
  if (!table.has('email') && !table.has('person')) {
    throw new InputError(file.displayPath, table.headerLine, 'a recognize file needs an "email" or a "person" column', {
      hint: `columns: email, person (a person id such as slack:U123); this file has: ${table.columns.join(', ') || '(nothing)'}`,
    });
  }
  const recognized = new Set<string>();
  for await (const item of table.rows()) {
    if (item.type === 'malformed') continue; // already reported by openCsv
    const at = (detail: string) => report({ file: file.displayPath, line: item.line, reason: 'recognize', detail });
    const keys = [recognizedEmail(item.fields['email'] ?? '', at), recognizedPerson(item.fields['person'] ?? '', at)];
    const found = keys.filter((k): k is string => k !== null);
    if (found.length === 0) at('the row names no one (no usable e-mail or person id); it is left out');
    found.forEach((k) => recognized.add(k));
  }
  return { recognized, problems };
}

function recognizedEmail(raw: string, problem: (detail: string) => void): string | null {
  const email = raw.trim();
  if (email === '') return null;
  if (EMAIL.test(email)) return email.toLowerCase();
  problem(`"${email}" is not an e-mail address; it is ignored`);
  return null;
}

function recognizedPerson(raw: string, problem: (detail: string) => void): string | null {
  const person = raw.trim();
  if (person === '') return null;
  if (EMAIL.test(person)) return person.toLowerCase();
  if (!person.includes(':')) {
    problem(
      `person "${person}" is neither an e-mail nor a person id such as slack:U123 (names are not accepted: two people can share one); it is ignored`,
    );
    return null;
  }
  const id = normalizeAlias(person);
  if (typeof id === 'string') return id;
  problem(`person "${person}" is neither an e-mail nor a person id: it ${id.error}; it is ignored`);
  return null;
}
