import { safeDecodeUri } from '../shared/text.js';

/**
 * Yammer / Viva Engage links a user pastes to a thread or a message, as the activity id the
 * adapter gives it (`yammer:<id>`):
 * `https://www.yammer.com/<network>/threads/<id>`, `.../#/Threads/show?threadId=<id>`,
 * `.../messages/<id>` (also the `api/v1/messages/<id>` API URL),
 * `https://web.yammer.com/main/[org/<domain>/|groups/<g>/]threads/<id>` and the same on
 * `https://engage.cloud.microsoft/...`, where `<id>` is numeric or base64url JSON such as
 * `{"_type":"Thread","id":"1091107968335872"}`.
 */
export function yammerThreadLink(url: URL): string | null {
  const host = url.hostname.toLowerCase();
  if (host !== 'yammer.com' && !host.endsWith('.yammer.com') && host !== 'engage.cloud.microsoft') return null;
  // The classic UI keeps the route in the fragment (`#/Threads/show?threadId=`), so read it all.
  const whole = safeDecodeUri(`${url.pathname}${url.search}${url.hash}`);
  const byQuery = /[?&]threadId=(\d+)/i.exec(whole);
  if (byQuery?.[1]) return `yammer:${byQuery[1]}`;
  const byPath = /\/(?:threads|messages)\/([A-Za-z0-9_-]+={0,2})(?=[/?#]|$)/i.exec(whole);
  const id = byPath?.[1] ? yammerId(byPath[1]) : null;
  return id ? `yammer:${id}` : null;
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
