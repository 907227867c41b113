import type { ScenarioName } from '../../../metrics/business-case.js';
import type { Assumption, BusinessCase, Scenario } from '../../../metrics/business-case-schema.js';
import { chartBlock } from '../chart-block.js';
import {
  formatCount,
  formatDecimal,
  formatMoney,
  formatMoneyTwoSignificant,
  formatPercent,
  formatTwoSignificant,
  MISSING,
} from '../format.js';
import { bulletList, BODY, heading, NOTE, paragraph, subheading } from '../layout.js';
import { FILL_HINTS } from '../../../metrics/setup/gaps.js';
import { drawText, measureText } from '../rich-text.js';
import { table } from '../table.js';
import { COLOURS, CONTENT_WIDTH, PAGE, SPACE } from '../theme.js';
import { arithmeticLines, concentrationLine, scaleUpLine } from './business-case-lines.js';
import { monthLabel } from './common.js';
import type { ReportContext, ReportSection } from './types.js';

const NAMES: readonly ScenarioName[] = ['low', 'base', 'high'];

/** Value, cost, ROI, payback and scale-up, low/base/high, with every assumption beside them. */
export const businessCaseSection: ReportSection = {
  id: 'business-case',
  title: 'Business case (estimate)',
  omittedBecause: (_data, report) => (report.businessCase ? null : 'metrics.json holds no business case.'),
  render({ pdf, report }) {
    const business = report.businessCase;
    if (!business) return;
    heading(pdf, 'Business case (estimate)', 200);
    estimateBanner(pdf, report.template.text.estimateLabel);
    if (!showsMoney(business)) paragraph(pdf, `No money is shown. To fill it, ${FILL_HINTS.businessCase}`, NOTE);
    subheading(pdf, 'Scenarios');
    table(pdf, {
      columns: [
        { header: 'Figure', width: 4 },
        ...NAMES.map((name) => ({ header: scenarioHeader(business, name), width: 1.6, align: 'right' as const })),
      ],
      rows: scenarioRows(business),
    });
    const flag = concentrationLine(business, ideaTitleOf(report));
    if (flag) paragraph(pdf, flag, { ...BODY, weight: 'bold' });
    subheading(pdf, 'How the base case is computed');
    bulletList(pdf, arithmeticLines(business, business.scenarios.base), BODY);
    scaleUp(pdf, business);
    valueChart(pdf, business);
    subheading(pdf, 'Assumptions and their sources');
    table(pdf, {
      columns: [
        { header: 'Assumption', width: 4.5 },
        { header: 'Value', width: 1.3, align: 'right' },
        { header: 'Unit', width: 1.3 },
        { header: 'Source', width: 4 },
      ],
      rows: business.assumptions.map(assumptionRow),
    });
    if (business.warnings.length > 0) {
      subheading(pdf, 'Why some figures are missing or partial');
      bulletList(
        pdf,
        business.warnings.map((warning) => warning.replace(/^business case: /, '')),
        NOTE,
      );
    }
  },
};

/** Money needs both the hourly cost and the currency (see metrics/business-case.ts). */
function showsMoney(business: BusinessCase): boolean {
  const hourlyCost = business.assumptions.find((a) => a.key === 'hourlyCost');
  return business.currency !== null && hourlyCost !== undefined && hourlyCost.value !== null;
}

function scenarioHeader(business: BusinessCase, name: ScenarioName): string {
  return `${name[0]?.toUpperCase() ?? ''}${name.slice(1)} (×${formatDecimal(business.scenarios[name].factor)})`;
}

/** A tinted box that says the figures are an estimate, before any figure. */
function estimateBanner(pdf: PDFKit.PDFDocument, text: string): void {
  const style = { ...BODY, weight: 'bold' as const };
  const height = measureText(pdf, text, CONTENT_WIDTH - 20, style) + 12;
  const top = pdf.y;
  pdf.save().rect(PAGE.margins.left, top, CONTENT_WIDTH, height).fill(COLOURS.tileFill).restore();
  pdf.save().rect(PAGE.margins.left, top, 3, height).fill(COLOURS.bad).restore();
  drawText(pdf, text, { x: PAGE.margins.left + 12, y: top + 6, width: CONTENT_WIDTH - 20 }, style);
  pdf.y = top + height + SPACE.afterBlock;
}

/** The scenario table's rows; money in the configured currency, hours rounded to whole hours. */
export function scenarioRows(business: BusinessCase): string[][] {
  const money = (value: number | null): string => formatMoney(value, business.currency);
  const row = (label: string, pick: (scenario: Scenario) => string): string[] => [
    label,
    ...NAMES.map((name) => pick(business.scenarios[name])),
  ];
  return [
    row('Hours saved by answered questions', (s) => formatCount(s.hoursSaved)),
    row('Value from answered questions (hours × hourly cost)', (s) => money(s.valueFromAnswers)),
    row('Value from the ideas ledger', (s) => money(s.valueFromLedger)),
    row('Hours from actioned ideas without a ledger value', (s) => formatCount(s.hoursFromIdeas)),
    row('Value from actioned ideas (ledger + hours × hourly cost)', (s) => money(s.valueFromIdeas)),
    row('Total value', (s) => money(s.value)),
    row('Program cost per month', (s) => money(s.monthlyCost)),
    row('Program cost over the period', (s) => money(s.cost)),
    row('Return on investment', (s) => formatPercent(s.roi)),
    row('Break-even', (s) =>
      s.value === null || s.cost === null
        ? MISSING
        : s.breakEvenMonth === null
          ? 'not within the period'
          : monthLabel(s.breakEvenMonth),
    ),
  ];
}

/** The scale-up: formula, every input, and low/base/high rounded to two significant figures. */
function scaleUp(pdf: PDFKit.PDFDocument, business: BusinessCase): void {
  const base = business.scenarios.base.projection;
  subheading(pdf, 'Scale-up to the organization (per year)');
  if (!base) {
    paragraph(
      pdf,
      'Not computed: set businessCase.orgSize (employees) to project the pilot to the organization.',
      NOTE,
    );
    return;
  }
  paragraph(
    pdf,
    'Value per year = value per active person per month in the pilot × employees × share assumed active × 12. It assumes every active person at scale gains what an active person gained in the pilot.',
    NOTE,
  );
  const money = (value: number | null): string => formatMoney(value, business.currency);
  const row = (label: string, pick: (scenario: Scenario) => string): string[] => [
    label,
    ...NAMES.map((name) => pick(business.scenarios[name])),
  ];
  table(pdf, {
    columns: [
      { header: 'Input or result', width: 4 },
      ...NAMES.map((name) => ({ header: scenarioHeader(business, name), width: 1.6, align: 'right' as const })),
    ],
    rows: [
      row('Value per active person per month', (s) => money(s.projection?.valuePerActivePersonPerMonth ?? null)),
      row('Hours saved per active person per month', (s) =>
        formatTwoSignificant(s.projection?.hoursPerActivePersonPerMonth),
      ),
      row('Employees', (s) => formatCount(s.projection?.orgSize)),
      row('Share assumed active', (s) => formatPercent(s.projection?.activeShare)),
      row('Value per year (two significant figures)', (s) =>
        formatMoneyTwoSignificant(s.projection?.valuePerYear, business.currency),
      ),
      row('Hours saved per year (two significant figures)', (s) =>
        formatTwoSignificant(s.projection?.hoursSavedPerYear),
      ),
    ],
  });
  paragraph(
    pdf,
    `Share assumed active: ${base.activeShareSource}. Base case: ${scaleUpLine(business, business.scenarios.base) ?? MISSING}.`,
    NOTE,
  );
}

/** `“Title”` of an idea by id, or a plain description when the report has no shown title. */
export function ideaTitleOf(report: ReportContext): (id: string) => string {
  return (id) => {
    const item = report.ideas?.items.find((i) => i.id === id);
    return item?.title ? `idea “${shortTitle(item.title)}”` : 'an idea';
  };
}

/** The first words of a title, cut at a word. */
function shortTitle(title: string): string {
  if (title.length <= 60) return title;
  const cut = title.slice(0, 60);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 30)).trimEnd()}…`;
}

function valueChart(pdf: PDFKit.PDFDocument, business: BusinessCase): void {
  const base = business.scenarios.base;
  const categories = NAMES.map((name) => scenarioHeader(business, name));
  const unit = business.currency ?? 'money, currency not set';
  const hasValue = base.value !== null;
  chartBlock(pdf, {
    title: hasValue ? 'Value against program cost' : 'Hours saved by answered questions',
    chart: {
      kind: 'bar',
      categories,
      series: hasValue
        ? [
            { label: 'Value', values: NAMES.map((name) => business.scenarios[name].value) },
            { label: 'Cost', values: NAMES.map((name) => business.scenarios[name].cost) },
          ]
        : [{ label: 'Hours saved', values: NAMES.map((name) => business.scenarios[name].hoursSaved) }],
      categoryAxisTitle: 'Scenario',
      valueAxisTitle: hasValue ? `Over the period (${unit})` : 'Hours over the period',
      valueLabels: true,
      height: 150,
    },
    note: 'Benefits scale with the scenario factor; the cost is the same in every scenario.',
  });
}

function assumptionRow(entry: Assumption): string[] {
  const measured = entry.source.startsWith('metrics:');
  const value =
    entry.value === null
      ? measured
        ? 'none'
        : 'not set'
      : typeof entry.value === 'number'
        ? formatAssumption(entry.value, entry.unit)
        : entry.value;
  // A metric's path means nothing to a reader; the figure comes from this report's own data.
  return [
    entry.label,
    value,
    entry.unit === 'share' ? '' : entry.unit,
    measured ? 'measured in this report' : entry.source,
  ];
}

/** Shares as percentages; whole numbers as counts; fractions (0.5, 2.75 months) keep up to two decimals. */
function formatAssumption(value: number, unit: string): string {
  if (unit === 'share') return formatPercent(value);
  return Number.isInteger(value) ? formatCount(value) : String(Number(value.toFixed(2)));
}
