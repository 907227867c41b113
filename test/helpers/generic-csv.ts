/**
 * A seeded generic chat-log CSV (the `csv` source read through a column mapping), for tests that
 * load one both ways and for measuring the SQL loader on a large one. Rows are posts, replies to
 * posts and to replies (with and without the thread column), reactions, private messages, rows
 * without an id, re-exported (duplicated) ids, and bad rows (no author, a date that is no date,
 * dates before 2001 and after the run); texts hold quoted lines, commas, quotes, URLs with
 * trailing punctuation, Unicode spaces and emoji; some e-mails are upper-case or non-ASCII.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '../../src/metrics/prng.js';
import type { CsvMapping } from '../../src/sources/csv/index.js';

export const GENERIC_HEADER = 'ID,Sent,User,Email,Room,Message,Reply To,Thread,Reacted To,DM';

/** The mapping of GENERIC_HEADER, with the timestamp format the file is written in. */
export function genericMapping(timestampFormat: GenericTimeFormat): CsvMapping {
  return {
    timestamp: 'Sent',
    timestampFormat,
    author: 'User',
    authorEmail: 'Email',
    space: 'Room',
    text: 'Message',
    messageId: 'ID',
    parentId: 'Reply To',
    threadId: 'Thread',
    reactionTo: 'Reacted To',
    private: 'DM',
  };
}

export type GenericTimeFormat = 'iso' | 'epoch-s' | 'epoch-ms' | 'dd/MM/yyyy HH:mm:ss' | 'M/d/yyyy h:mm a';

/** Writes `ms` (UTC) in a format; minutes and seconds only where the format has them. */
export function formatTime(ms: number, format: GenericTimeFormat): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const [y, mo, day, h, mi, s] = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
  switch (format) {
    case 'iso':
      return d.toISOString();
    case 'epoch-s':
      return (ms / 1000).toFixed(3);
    case 'epoch-ms':
      return String(ms);
    case 'dd/MM/yyyy HH:mm:ss':
      return `${p2(day)}/${p2(mo)}/${y} ${p2(h)}:${p2(mi)}:${p2(s)}`;
    case 'M/d/yyyy h:mm a':
      return `${mo}/${day}/${y} ${h % 12 === 0 ? 12 : h % 12}:${p2(mi)} ${h < 12 ? 'AM' : 'PM'}`;
  }
}

const q = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

const TEXTS = [
  'Idea: a shared calendar for the team',
  'See https://intranet.example.com/wiki/Page_(draft)) and tell me.',
  '"Quoted", with a comma',
  'Two\nlines of text',
  '\u00a0 Unicode spaces around \u3000',
  'Grüße aus München 😀',
  'https://a.example/b?c=1#d is the link',
  'short http://x but fine',
  '',
  '  padded  ',
];

/** Generated lines (header included) of `rows` records, and what was written. */
export function* genericCsvLines(rows: number, seed: number, format: GenericTimeFormat): Generator<string> {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const rooms = ['general', 'random', 'ideas', "O'Brien's room", ''];
  const users = Array.from({ length: Math.max(5, Math.floor(rows / 50)) }, (_u, i) => `user${i}`);
  const emailOf = (user: string, i: number): string =>
    i % 7 === 0 ? '' : i % 11 === 0 ? `Zoë.${user}@Example.com` : `${user.toUpperCase()}@example.com`;
  const messages: { id: string; room: string }[] = [];
  const start = Date.UTC(2026, 0, 5, 8);
  // About 290 days whatever the size, so that only the rows meant to be in the future are.
  const step = Math.max(1000, Math.floor(2.5e10 / rows));
  yield GENERIC_HEADER;
  for (let r = 0; r < rows; r++) {
    const ui = Math.floor(random() * users.length);
    const user = users[ui] ?? 'user0';
    const at = start + r * step + Math.floor(random() * 1000) * (format === 'epoch-ms' ? 1 : 0);
    let sent = formatTime(at, format);
    const roll = random();
    if (roll < 0.01) sent = pick(['31/02/2026', 'yesterday', '2026-13-01', '']);
    else if (roll < 0.015) sent = formatTime(Date.UTC(1999, 5, 1), format);
    else if (roll < 0.02) sent = formatTime(Date.UTC(2027, 5, 1), format);
    const author = random() < 0.005 ? '' : random() < 0.01 ? ` ${user} ` : user;
    const dm = random() < 0.02 ? pick(['yes', 'TRUE', 'x', '1']) : random() < 0.05 ? 'no' : '';
    const earlier = messages.length > 0 && random() < 0.6 ? pick(messages.slice(-200)) : null;
    const duplicate = messages.length > 0 && random() < 0.01;
    const id = duplicate ? (pick(messages).id ?? '') : random() < 0.01 ? '' : `m${r}`;
    const room = earlier && random() < 0.9 ? earlier.room : pick(rooms);
    let replyTo = '';
    let thread = '';
    let reactedTo = '';
    let text = pick(TEXTS);
    if (earlier && random() < 0.2) {
      reactedTo = earlier.id;
      text = pick(['thumbsup', 'heart', '', ' tada ']);
      if (random() < 0.3) thread = earlier.id;
    } else if (earlier) {
      const how = random();
      if (how < 0.6) replyTo = earlier.id;
      else if (how < 0.8) thread = earlier.id;
      else {
        replyTo = earlier.id;
        thread = earlier.id;
      }
    }
    if (id !== '' && reactedTo === '') messages.push({ id, room });
    const cells = [id, sent, author, emailOf(user, ui), room, text, replyTo, thread, reactedTo, dm];
    yield cells.map(q).join(',');
  }
}

/** Writes a generated CSV to `file` (LF line ends), streaming, for sizes that do not fit a string. */
export async function writeGenericCsv(
  file: string,
  rows: number,
  seed: number,
  format: GenericTimeFormat,
): Promise<void> {
  const out = createWriteStream(file);
  let buffer = '';
  for (const line of genericCsvLines(rows, seed, format)) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
