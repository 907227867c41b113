import { safeDecodeUri } from '../shared/text.js';

/**
 * A Teams message link as the activity id the adapter gives the thread
 * (`teams:<channel or chat id>:<message id>`):
 * `https://teams.microsoft.com/l/message/<channel>/<message id>?...&parentMessageId=<root>`
 * (also `teams.cloud.microsoft`); `parentMessageId` names the thread root when present.
 */
export function teamsThreadLink(url: URL): string | null {
  const host = url.hostname.toLowerCase();
  if (host !== 'teams.microsoft.com' && host !== 'teams.cloud.microsoft') return null;
  // Split before decoding: a channel id is `19:…@thread.tacv2`, percent-encoded in the path.
  const parts = url.pathname.split('/');
  if (parts[1] !== 'l' || parts[2] !== 'message' || !parts[3] || !parts[4]) return null;
  const channel = safeDecodeUri(parts[3]);
  const message = safeDecodeUri(parts[4]);
  const parent = url.searchParams.get('parentMessageId');
  const root = parent && parent !== '0' ? parent : message;
  return `teams:${channel}:${root}`;
}
