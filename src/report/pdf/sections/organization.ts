import type { DepartmentNetwork } from '../../../metrics/network/index.js';
import { formatCount, formatPercent, formatScore } from '../format.js';
import { heatmap } from '../heatmap.js';
import { bulletList, heading, NOTE, paragraph, subheading } from '../layout.js';
import { table } from '../table.js';
import { configuredMinGroup, omittedPart } from './common.js';
import { duplicateEfforts } from './duplicates.js';
import type { NetworkView } from './views.js';
import type { ReportSection } from './types.js';
import { FILL_HINTS } from '../../../metrics/setup/gaps.js';

/** Departments in the heatmap: the largest ones; the rest are listed in metrics.json. */
const HEATMAP_MAX = 12;
const BROKERS_SHOWN = 8;

/** Across the organization: department interactions, silos, brokers and duplicate efforts. */
export const organizationSection: ReportSection = {
  id: 'organization',
  title: 'Across the organization',
  omittedBecause: (data, report) =>
    report.network || data.redundancy ? null : 'metrics.json holds no network or duplicate-effort figures.',
  render({ pdf, data, report }) {
    heading(pdf, 'Across the organization', 200);
    const network = report.network;
    if (!network) omittedPart(pdf, 'Interaction network', 'metrics.json holds no network figures.');
    else {
      paragraph(
        pdf,
        networkSentence(network.connectedPeople, network.people, network.ties, data.engagement.totals.activePeople),
      );
      if (network.departments) departments(pdf, network.departments, configuredMinGroup(report.config));
      else
        omittedPart(
          pdf,
          'Departments',
          `no active person has a known department. To fill it, ${FILL_HINTS.departments}`,
        );
      brokers(pdf, network);
    }
    duplicateEfforts(pdf, data.redundancy, data.period.timeZone);
  },
};

/**
 * How many people interacted, said against the headline count of active people: the network also
 * holds people whom active people replied to, reacted to or mentioned (see "Who is counted").
 */
export function networkSentence(connected: number, people: number, ties: number, active: number): string {
  const extra = people - active;
  const who =
    extra > 0
      ? `${formatCount(connected)} people interacted with someone (a reply, mention or reaction), forming ${formatCount(ties)} ties: the ${formatCount(active)} active people and ${formatCount(extra)} ${extra === 1 ? 'person' : 'people'} they reached who ${extra === 1 ? 'was' : 'were'} not active in the period.`
      : `${formatCount(connected)} of the ${formatCount(active)} active people interacted with someone (a reply, mention or reaction), forming ${formatCount(ties)} ties.`;
  return who;
}

function departments(pdf: PDFKit.PDFDocument, d: DepartmentNetwork, minGroup: number): void {
  paragraph(
    pdf,
    `${formatPercent(d.crossDepartmentShare)} of interactions between people with a known department crossed department lines; ${formatCount(d.departmentPairsConnected)} of ${formatCount(d.departmentPairsPossible)} department pairs are connected.`,
  );
  // A heatmap of withheld cells only (and a silo list of departments not shown) says nothing.
  if (d.departments.length > 0 && d.departments.every((dept) => dept.suppressed)) {
    paragraph(
      pdf,
      `No department had ${formatCount(minGroup)} or more people in the network, so interactions are not broken down by department (privacy threshold).`,
    );
    return;
  }
  const order = d.departments
    .map((dept, index) => ({ dept, index }))
    .sort(
      (a, b) =>
        Number(a.dept.suppressed) - Number(b.dept.suppressed) ||
        (b.dept.people ?? 0) - (a.dept.people ?? 0) ||
        a.dept.name.localeCompare(b.dept.name),
    )
    .slice(0, HEATMAP_MAX);
  subheading(pdf, 'Interactions between departments (weighted; row interacts with column)');
  heatmap(pdf, {
    labels: order.map(({ dept }) => (dept.suppressed ? `${dept.name} (${dept.note ?? 'too small'})` : dept.name)),
    values: order.map(({ index: row }) => order.map(({ index: column }) => d.matrix[row]?.[column] ?? null)),
  });
  const hidden = d.departments.length - order.length;
  const withheld = order.some(({ index: row }) =>
    order.some(({ index: column }) => (d.matrix[row]?.[column] ?? null) === null),
  );
  // The note explains the dots only when the heatmap draws some.
  const notes = withheld
    ? ['A dot marks a figure withheld because a department has too few people (privacy threshold).']
    : [];
  if (hidden > 0) notes.push(`${formatCount(hidden)} smaller departments are not drawn; metrics.json lists them.`);
  if (notes.length > 0) paragraph(pdf, notes.join(' '), NOTE);
  subheading(pdf, 'Silos: departments with no interaction with any other');
  if (d.isolatedDepartments.length === 0) paragraph(pdf, 'None: every department shown talks with at least one other.');
  else bulletList(pdf, d.isolatedDepartments);
}

function brokers(pdf: PDFKit.PDFDocument, network: NetworkView): void {
  if (network.topBrokers.length === 0) return;
  subheading(pdf, 'Brokers: people who link otherwise separate groups');
  table(pdf, {
    columns: [
      { header: 'Person', width: 3 },
      { header: 'Department', width: 2.5 },
      { header: 'People reached', width: 1.4, align: 'right' },
      { header: 'Betweenness', width: 1.4, align: 'right' },
    ],
    rows: network.topBrokers
      .slice(0, BROKERS_SHOWN)
      .map((b) => [
        b.name ?? '(name unknown)',
        b.department ?? 'not known',
        formatCount(b.partners),
        formatScore(b.betweenness),
      ]),
  });
  // On a large network betweenness is bounded to the most connected people and may be estimated:
  // the reader is told, as metrics.json tells (network.warnings).
  const limits = network.warnings
    .filter((w) => w.startsWith(BROKER_WARNING))
    .map((w) => w.slice(BROKER_WARNING.length));
  if (limits.length > 0)
    paragraph(
      pdf,
      `Betweenness ${limits.map((l) => l.replace(/^betweenness /, '').replace(/ \(network\.\w+\)$/, '')).join('; ')}.`,
      NOTE,
    );
}

const BROKER_WARNING = 'network.topBrokers: ';
