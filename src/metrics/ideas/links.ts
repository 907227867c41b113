/**
 * Links users paste to a thread or a message, parsed into the activity id they point at, so a
 * wiki revision or a message elsewhere that links to an idea's thread counts as action (spec §5).
 *
 * Forms recognized (activity ids as the adapters build them):
 * - Yammer / Viva Engage -> `yammer:<id>`:
 *   `https://www.yammer.com/<network>/threads/<id>`, `.../#/Threads/show?threadId=<id>`,
 *   `.../messages/<id>` (also the `api/v1/messages/<id>` API URL),
 *   `https://web.yammer.com/main/[org/<domain>/|groups/<g>/]threads/<id>` and the same on
 *   `https://engage.cloud.microsoft/...`, where `<id>` is numeric or base64url JSON such as
 *   `{"_type":"Thread","id":"1091107968335872"}`.
 * - Slack permalinks -> `slack:<channel>:<ts>`: `https://<workspace>.slack.com/archives/<C>/p<digits>`,
 *   ts = the digits with a dot before the last six; a `thread_ts` query (a reply's permalink) names
 *   the thread directly.
 * - Teams message links -> `teams:<channel or chat id>:<message id>`:
 *   `https://teams.microsoft.com/l/message/<channel>/<message id>?...&parentMessageId=<root>`
 *   (also `teams.cloud.microsoft`); `parentMessageId` names the thread root when present.
 *
 * A key may name a reply rather than a starter; `resolveThread` maps it to its thread.
 */

/** Where a link points: the source and the activity id (thread starter or any message). */
export interface ThreadRef {
  source: 'yammer' | 'slack' | 'teams';
  /** Activity id of the linked thread or message, e.g. `yammer:123`, `slack:C1:1355517523.000005`. */
  key: string;
}

const TRAILING_JUNK = /[)\]>.,;:!?'"]+$/;

/** Parses one URL; null when it is not a recognized thread or message link. */
export function parseThreadLink(raw: string): ThreadRef | null {
  const text = raw.trim().replace(TRAILING_JUNK, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (host === 'yammer.com' || host.endsWith('.yammer.com') || host === 'engage.cloud.microsoft') return yammerRef(url);
  if (host.endsWith('.slack.com')) return slackRef(url);
  if (host === 'teams.microsoft.com' || host === 'teams.cloud.microsoft') return teamsRef(url);
  return null;
}

/** The thread id a ref points into, through `threadOf` (activity id -> thread id), or null. */
export function resolveThread(ref: ThreadRef, threadOf: ReadonlyMap<string, string>): string | null {
  return threadOf.get(ref.key) ?? null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function yammerRef(url: URL): ThreadRef | null {
  // The classic UI keeps the route in the fragment (`#/Threads/show?threadId=`), so read it all.
  const whole = safeDecode(`${url.pathname}${url.search}${url.hash}`);
  const byQuery = /[?&]threadId=(\d+)/i.exec(whole);
  if (byQuery?.[1]) return { source: 'yammer', key: `yammer:${byQuery[1]}` };
  const byPath = /\/(?:threads|messages)\/([A-Za-z0-9_-]+={0,2})(?=[/?#]|$)/i.exec(whole);
  const id = byPath?.[1] ? yammerId(byPath[1]) : null;
  return id ? { source: 'yammer', key: `yammer:${id}` } : null;
}

/** A numeric id as is, or the id inside Engage's base64url JSON (`{"_type":"Thread","id":"…"}`). */
function yammerId(segment: string): string | null {
  if (/^\d+$/.test(segment)) return segment;
  const json = Buffer.from(segment, 'base64url').toString('utf8');
  // A regex, not JSON.parse: a numeric id above 2^53 would lose digits as a JS number.
  const match =
    /"_type"\s*:\s*"(?:Thread|Message)"[^}]*"id"\s*:\s*"?(\d+)/.exec(json) ??
    /"id"\s*:\s*"?(\d+)"?[^}]*"_type"\s*:\s*"(?:Thread|Message)"/.exec(json);
  return match?.[1] ?? null;
}

function slackRef(url: URL): ThreadRef | null {
  const match = /^\/archives\/([A-Z0-9]+)\/p(\d{7,})\/?$/i.exec(url.pathname);
  if (!match?.[1] || !match[2]) return null;
  const channel = match[1].toUpperCase();
  const digits = match[2];
  const threadTs = url.searchParams.get('thread_ts');
  const ts = threadTs && /^\d+\.\d+$/.test(threadTs) ? threadTs : `${digits.slice(0, -6)}.${digits.slice(-6)}`;
  return { source: 'slack', key: `slack:${channel}:${ts}` };
}

function teamsRef(url: URL): ThreadRef | null {
  // Split before decoding: a channel id is `19:…@thread.tacv2`, percent-encoded in the path.
  const parts = url.pathname.split('/');
  if (parts[1] !== 'l' || parts[2] !== 'message' || !parts[3] || !parts[4]) return null;
  const channel = safeDecode(parts[3]);
  const message = safeDecode(parts[4]);
  const parent = url.searchParams.get('parentMessageId');
  const root = parent && parent !== '0' ? parent : message;
  return { source: 'teams', key: `teams:${channel}:${root}` };
}
