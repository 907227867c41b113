/**
 * The thank-you post (`--community-post`): plain Markdown that pastes into Viva Engage, Slack or
 * Teams. What the community achieved in the period (answered conversations, ideas actioned with
 * their titles) and who to thank, in the recognition categories (helpers, idea makers,
 * connectors). Wording comes from the template's `communityPost` texts.
 *
 * Who is named: everyone listed when the report is not anonymized; under `--anonymize` only the
 * people who opted in (`--recognize`), whose ids and names the anonymizer left as they were.
 * Everyone else is only counted, and only when at least `minGroupSize` people share the count, so
 * that nobody below the privacy threshold is singled out. Ideas from private spaces are counted,
 * never titled.
 */
import type { MetricsDocument } from '../json/document.js';
import { formatCount, formatDate, formatPercent } from '../pdf/format.js';
import { PRIVATE_SPACE, safeTitle } from '../pdf/sections/common.js';
import { recognitionView, type IdeaItemView } from '../pdf/sections/views.js';
import { fill, type TemplateText } from '../pdf/template.js';

/** What the post needs besides the document. */
export interface PostOptions {
  /** The community's name in the heading (config `report.organization`, else the report title). */
  community: string;
  text: TemplateText['communityPost'];
  /** Names in the document are pseudonyms except for people who opted in. */
  anonymized: boolean;
  /** The privacy threshold (config `minGroupSize`). */
  minGroupSize: number;
}

/** How many people each category names, as in the PDF's recognition lists. */
const NAMED_PER_CATEGORY = 5;
/** How many actioned ideas the post lists by title. */
const IDEAS_LISTED = 5;
/**
 * The anonymizer's pseudonym (`Person 7F3A`, see report/anonymize.ts). A real person id is an
 * e-mail or `source:userId`, so it never has this form.
 */
const PSEUDONYM = /^Person [0-9A-F]{4,}$/;

/** A person in a category, as the document lists them. */
interface Listed {
  id: string;
  name: string | null;
}

/** The post's Markdown (ends with a newline). */
export function renderCommunityPost(doc: MetricsDocument, options: PostOptions): string {
  const text = options.text;
  const ideas = doc.ideas;
  const recognition = recognitionView(doc.recognition);
  // Questions, like the PDF's "Questions answered" tile: an announcement nobody replies to is no failure.
  const q = doc.conversations.questions;
  const lines = [`## ${fill(text.heading, { community: markdownText(options.community) })}`, ''];
  lines.push(
    fill(text.achieved, {
      since: formatDate(doc.period.since, doc.period.timeZone),
      until: formatDate(new Date(Date.parse(doc.period.until) - 1).toISOString(), doc.period.timeZone),
      answered: formatCount(q.answered),
      questions: formatCount(q.threads),
      rate: formatPercent(q.answeredRate),
      actioned: formatCount(ideas?.funnel.actioned),
    }),
    '',
  );
  // Most recent action first, for the titles and for the order idea makers are thanked in.
  const actioned = (ideas?.items ?? [])
    .filter((item) => item.actionedAt !== null)
    .sort((a, b) => (b.actionedAt ?? '').localeCompare(a.actionedAt ?? '') || a.id.localeCompare(b.id));
  if (actioned.length > 0)
    lines.push(`**${text.ideasHeading}**`, '', ...ideaLines(actioned, doc.period.timeZone, options), '');
  const categories = [
    { template: text.helpers, people: recognition?.helpers ?? [] },
    { template: text.ideaMakers, people: ideaMakers(actioned) },
    {
      template: fill(text.connectors, { reach: recognition?.connectorsBy ?? 'departments' }),
      people: recognition?.connectors ?? [],
    },
  ];
  const thanks = categories.flatMap(({ template, people }) => {
    const names = namesOf(people, options);
    return names === null ? [] : [`- ${fill(template, { names })}`];
  });
  if (thanks.length > 0) lines.push(`**${text.thanksHeading}**`, '', ...thanks, '');
  lines.push(text.closing);
  return `${lines.join('\n')}\n`;
}

/** Up to IDEAS_LISTED actioned ideas with a title that may be shown (in the order given); the others counted. */
function ideaLines(actioned: readonly IdeaItemView[], timeZone: string, options: PostOptions): string[] {
  const text = options.text;
  const titled = actioned.filter((item) => safeTitle(item.space, item.title, '') !== '');
  const lines = titled.slice(0, IDEAS_LISTED).map(
    (item) =>
      `- ${fill(text.idea, {
        idea: `“${markdownText(withoutPseudonyms(safeTitle(item.space, item.title, ''), options.anonymized))}” (${markdownText(item.space)})`,
        actionedAt: formatDate(item.actionedAt, timeZone),
      })}`,
  );
  if (titled.length > lines.length)
    lines.push(`- ${fill(text.moreIdeas, { count: formatCount(titled.length - lines.length) })}`);
  const untitled = actioned.length - titled.length;
  if (untitled > 0) lines.push(`- ${fill(text.privateIdeas, { count: formatCount(untitled) })}`);
  return lines;
}

/** Authors of the actioned ideas, once each, in the order of the ideas. */
function ideaMakers(actioned: readonly IdeaItemView[]): Listed[] {
  const seen = new Map<string, Listed>();
  // An idea from a private space does not name its author: who took part there stays private.
  for (const item of actioned)
    if (item.space !== PRIVATE_SPACE && !seen.has(item.author))
      seen.set(item.author, { id: item.author, name: item.authorName });
  return [...seen.values()];
}

/**
 * `Ana Ruiz, Ben Ode and 7 more`; `12 colleagues` when nobody may be named; null when the line
 * would name nobody and count fewer than the privacy threshold (or nobody is listed).
 */
function namesOf(people: readonly Listed[], options: PostOptions): string | null {
  const text = options.text;
  const named = people.filter((person) => nameable(person, options.anonymized)).slice(0, NAMED_PER_CATEGORY);
  const rest = people.length - named.length;
  const list = named.map((person) => markdownText(person.name ?? '')).join(', ');
  if (named.length === 0) return rest >= options.minGroupSize ? fill(text.unnamed, { count: formatCount(rest) }) : null;
  if (rest === 0) return list;
  return rest >= options.minGroupSize
    ? fill(text.more, { names: list, count: formatCount(rest) })
    : fill(text.others, { names: list });
}

/** A mention in a title (`ask @Person 7F3A`) would single someone out in a thank-you: "a colleague" instead. */
function withoutPseudonyms(title: string, anonymized: boolean): string {
  return anonymized ? title.replace(/@?Person [0-9A-F]{4,}\b/g, 'a colleague') : title;
}

function nameable(person: Listed, anonymized: boolean): boolean {
  if (person.name === null || person.name.trim() === '') return false;
  return !anonymized || (!PSEUDONYM.test(person.id) && !PSEUDONYM.test(person.name));
}

/**
 * Text from the data (titles, names, spaces) as Markdown shows it literally: characters that would
 * start emphasis, code, links or HTML are escaped, and line breaks become spaces. Only those: Slack
 * and Viva Engage print other backslashes as they are. The template's own wording is the
 * champion's Markdown and is left alone.
 */
export function markdownText(value: string): string {
  return value.replace(/\r?\n|\r/g, ' ').replace(/([\\`*_[\]<>~|])/g, '\\$1');
}
