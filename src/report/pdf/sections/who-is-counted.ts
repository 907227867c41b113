import type { MetricsDocument } from '../../json/document.js';
import { formatCount } from '../format.js';
import { paragraph, subheading } from '../layout.js';
import { table } from '../table.js';
import type { ReportContext } from './types.js';

/**
 * One story of people (appendix): every people count the report prints, from the accounts in the
 * exports down to the people it names, each with what it counts and why it differs from the one
 * above. A sponsor who finds 54 on page 2 and 57 on the network page finds both here.
 */
export function whoIsCounted(pdf: PDFKit.PDFDocument, data: MetricsDocument, report: ReportContext): void {
  subheading(pdf, 'Who is counted', 120);
  paragraph(pdf, 'Every count of people in this report, from the accounts in the exports to the people it names.');
  table(pdf, {
    columns: [
      { header: 'People', width: 3 },
      { header: 'Count', width: 1, align: 'right' },
      { header: 'What is counted, and why it differs from the row above', width: 6.5 },
    ],
    rows: whoIsCountedRows(data, report),
  });
}

/** The rows of "Who is counted"; exported for tests. */
export function whoIsCountedRows(data: MetricsDocument, report: ReportContext): string[][] {
  const rows: string[][] = [];
  const ids = report.identities;
  const { activePeople, contributors } = data.engagement.totals;
  if (ids) {
    const seen = ids.sources.reduce((n, s) => n + s.identitiesSeen, 0);
    const bots = ids.sources.reduce((n, s) => n + s.botsExcluded, 0);
    rows.push([
      'Identities in the inputs',
      formatCount(seen),
      `Accounts seen in ${plural(ids.sources.length, 'source')}, one per source and user id${bots > 0 ? `, ${plural(bots, 'bot')} included` : ''}.`,
    ]);
    rows.push([
      'Persons after merging',
      formatCount(ids.persons),
      `One per human: accounts merged by e-mail and by the configured aliases (${formatCount(ids.mergedAcrossSources)} persons appear in more than one source)${bots > 0 ? `; ${plural(bots, 'bot')} left out` : ''}.`,
    ]);
  }
  rows.push([
    'Active in the period',
    formatCount(activePeople),
    ids
      ? `Persons who posted, replied, reacted or edited in the period; the other ${formatCount(Math.max(0, ids.persons - activePeople))} did nothing in it. The headline figure.`
      : 'Persons who posted, replied, reacted or edited in the period. The headline figure.',
  ]);
  rows.push([
    'Contributors',
    formatCount(contributors),
    contributors === activePeople
      ? 'Active people who posted, replied or edited (reactions alone do not count): here everyone active.'
      : `Active people who posted, replied or edited; ${formatCount(activePeople - contributors)} only reacted.`,
  ]);
  const network = report.network;
  if (network) {
    const extra = network.people - activePeople;
    rows.push([
      'In the interaction network',
      formatCount(network.people),
      extra > 0
        ? `Active people, plus ${plural(extra, 'person')} they replied to, reacted to or mentioned who ${extra === 1 ? 'was' : 'were'} not active in the period themselves; ${formatCount(network.connectedPeople)} interacted with someone.`
        : `Active people; ${formatCount(network.connectedPeople)} of them interacted with someone.`,
    ]);
  }
  rows.push(namedRow(ids, report.anonymized));
  return rows;
}

/** The last row: how many persons may appear by name (`identities.namedPersons`). */
function namedRow(ids: ReportContext['identities'], anonymized: boolean): string[] {
  const count = ids ? formatCount(ids.namedPersons) : '';
  if (!anonymized)
    return [
      'Named in this report',
      count,
      'Every person keeps the name the exports give (the report was not anonymized).',
    ];
  const why =
    ids && ids.namedPersons === 0
      ? 'Nobody opted in (--recognize): everyone'
      : 'Persons who opted in (--recognize) appear by name; everyone else';
  return ['Named in this report', count, `${why} has a stable pseudonym.`];
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${n === 1 ? word : `${word}s`}`;
}
