import { TITLE_LENGTH } from '../../../metrics/public-text.js';
import { NOTE, paragraph } from '../layout.js';
import { TYPE } from '../theme.js';

/** How spaces whose text must never be shown are named in the document (spec §1). */
export const PRIVATE_SPACE = '(private space)';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-03` -> `Mar 2026`; anything else is shown as it is. */
export function monthLabel(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const name = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : month;
}

/** A part of a section that has no data: one line saying so, in place of the part. */
export function omittedPart(pdf: PDFKit.PDFDocument, title: string, reason: string): void {
  paragraph(pdf, `${title}: not shown, ${reason}`, { ...NOTE, size: TYPE.body - 0.5 });
}

/** A title for an idea or thread that never leaks a private space's text; cut ones end in "…". */
export function safeTitle(space: string, title: string | undefined, untitled: string): string {
  if (space === PRIVATE_SPACE || title === undefined || title.trim().length === 0) return untitled;
  return shownTitle(title);
}

/**
 * A title as printed. metrics.json keeps the first TITLE_LENGTH code points of the text, so a title
 * of exactly that length was (almost always) cut: it ends in "…" so that a half word at the end
 * does not read as a typo. `maxLength` (code points, "…" included) cuts it further where a place
 * has room for less.
 */
export function shownTitle(title: string, maxLength: number = TITLE_LENGTH + 1): string {
  const chars = [...title];
  if (chars.length > maxLength) return `${atWord(chars.slice(0, Math.max(0, maxLength - 1)).join(''))}…`;
  if (chars.length < TITLE_LENGTH || title.endsWith('…')) return title;
  return `${atWord(title)}…`;
}

/**
 * A cut text ends at a whole word ("demo sc…" reads as a typo): back to the last blank, unless that
 * loses most of it. Separators and full stops before the ellipsis go ("summary.…" reads as a slip);
 * a question or exclamation mark stays, it says what the text is.
 */
function atWord(text: string): string {
  const trimmed = text.trimEnd();
  const blank = trimmed.lastIndexOf(' ');
  const kept = blank >= trimmed.length * 0.6 ? trimmed.slice(0, blank) : trimmed;
  return kept.replace(/[\s,;:.…–-]+$/, '');
}

/** `minGroupSize` from the resolved config, else the spec's default 5. */
export function configuredMinGroup(config: Readonly<Record<string, unknown>> | null): number {
  const value = config?.['minGroupSize'];
  return typeof value === 'number' ? value : 5;
}

/** Whole days between two ISO instants; null when either is missing or unparsable. */
export function daysBetween(from: string | null, to: string | null): number | null {
  const start = from ? Date.parse(from) : Number.NaN;
  const end = to ? Date.parse(to) : Number.NaN;
  return Number.isFinite(start) && Number.isFinite(end) ? (end - start) / 86_400_000 : null;
}

/** The month key (`2026-03`) of an ISO instant in `timeZone`; null when unparsable. */
export function monthOf(iso: string, timeZone: string): string | null {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return null;
  const parts = monthFormatter(timeZone).formatToParts(new Date(time));
  const year = parts.find((part) => part.type === 'year')?.value;
  const month = parts.find((part) => part.type === 'month')?.value;
  return year && month ? `${year}-${month}` : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function monthFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
    } catch {
      formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit' });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
