import { monthLabel } from './common.js';

/**
 * metrics.json's warnings name the figures by their keys (`engagement.totals.retention: null: …`),
 * which is right for a script and wrong for a sponsor. The PDF says the same thing in words:
 * the figure's name, "not computed", and the reason.
 */
const FIGURE_NAMES: Readonly<Record<string, string>> = {
  'engagement posts, replies': 'Posts and replies',
  'engagement reactions': 'Reactions',
  'engagement wikiEdits, activeWikiEditors': 'Wiki edits and active wiki editors',
  'engagement.totals.retention': 'Retention over the period',
  'engagement.monthly retention': 'Monthly retention',
  'engagement.monthly stickiness': 'Monthly stickiness',
  'engagement.participation gini, top1Share, top10Share, absenceFactor':
    'Participation figures (Gini, top shares, absence factor)',
  'conversations answeredRate, repliesPerThread': 'Answered rate and replies per thread',
  'conversations medianHoursToFirstResponse, p90HoursToFirstResponse': 'Response times',
};

/** A warning as a reader reads it: no metric keys, no `null`, months by name. */
export function readableWarning(warning: string): string {
  const nullFigure = /^(.+?): null(?: for ([\d, -]+))?: (.+)$/.exec(warning);
  if (nullFigure) {
    const [, key = '', months, reason = ''] = nullFigure;
    const name = FIGURE_NAMES[key] ?? humanize(key);
    const when = months ? ` for ${months.split(/,\s*/).map(monthLabel).join(', ')}` : '';
    return `${name}${when}: not computed, ${reason}.`;
  }
  const section = /^(\w+): null: not computed by this version of pilot-report$/.exec(warning);
  if (section) return `${humanize(section[1] ?? '')}: not computed by this version of pilot-report.`;
  if (warning.startsWith('business case: ')) return `Business case: ${warning.slice('business case: '.length)}`;
  // Any other dotted key (network.topBrokers: …) loses its key prefix for a plain name.
  return warning.replace(/^([a-z]+(?:\.[a-zA-Z]+)+):/, (_whole, key: string) => `${humanize(key)}:`);
}

/** `network.topBrokers` -> `Top brokers`; `businessCase` -> `Business case`. */
function humanize(key: string): string {
  const last =
    key
      .split(/[.\s]/)
      .filter((part) => part.length > 0)
      .pop() ?? key;
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
