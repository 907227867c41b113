/**
 * A Slack permalink as the activity id the adapter gives the message (`slack:<channel>:<ts>`):
 * `https://<workspace>.slack.com/archives/<C>/p<digits>`, ts = the digits with a dot before the
 * last six; a `thread_ts` query (a reply's permalink) names the thread directly.
 */
export function slackThreadLink(url: URL): string | null {
  if (!url.hostname.toLowerCase().endsWith('.slack.com')) return null;
  const match = /^\/archives\/([A-Z0-9]+)\/p(\d{7,})\/?$/i.exec(url.pathname);
  if (!match?.[1] || !match[2]) return null;
  const channel = match[1].toUpperCase();
  const digits = match[2];
  const threadTs = url.searchParams.get('thread_ts');
  const ts = threadTs && /^\d+\.\d+$/.test(threadTs) ? threadTs : `${digits.slice(0, -6)}.${digits.slice(-6)}`;
  return `slack:${channel}:${ts}`;
}
