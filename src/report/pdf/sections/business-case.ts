import type { Assumption, BusinessCase, Scenario, ScenarioName } from '../../../metrics/business-case.js';
import { chartBlock } from '../chart-block.js';
import { formatCount, formatDecimal, formatMoney, formatPercent, MISSING } from '../format.js';
import { bulletList, BODY, heading, NOTE, paragraph, subheading } from '../layout.js';
import { FILL_HINTS } from '../../../metrics/setup/gaps.js';
import { drawText, measureText } from '../rich-text.js';
import { table } from '../table.js';
import { COLOURS, CONTENT_WIDTH, PAGE, SPACE } from '../theme.js';
import type { ReportSection } from './types.js';

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
      columns: [{ header: 'Figure', width: 4 }, ...NAMES.map((name) => ({ header: scenarioHeader(business, name), width: 1.6, align: 'right' as const }))],
      rows: scenarioRows(business),
    });
    valueChart(pdf, business);
    subheading(pdf, 'Assumptions and their sources');
    table(pdf, {
      columns: [{ header: 'Assumption', width: 4.5 }, { header: 'Value', width: 1.3, align: 'right' }, { header: 'Unit', width: 1.3 }, { header: 'Source', width: 4 }],
      rows: business.assumptions.map(assumptionRow),
    });
    if (business.warnings.length > 0) {
      subheading(pdf, 'Why some figures are missing or partial');
      bulletList(pdf, business.warnings.map((warning) => warning.replace(/^business case: /, '')), NOTE);
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
  const row = (label: string, pick: (scenario: Scenario) => string): string[] => [label, ...NAMES.map((name) => pick(business.scenarios[name]))];
  return [
    row('Hours saved by answered questions', (s) => formatCount(s.hoursSaved)),
    row('Hours from actioned ideas', (s) => formatCount(s.hoursFromIdeas)),
    row('Value from answered questions', (s) => money(s.valueFromAnswers)),
    row('Value from actioned ideas', (s) => money(s.valueFromIdeas)),
    row('Total value', (s) => money(s.value)),
    row('Program cost (moderation and licences)', (s) => money(s.cost)),
    row('Return on investment', (s) => formatPercent(s.roi)),
    row('Payback', (s) => (s.paybackMonths === null ? MISSING : `${formatDecimal(s.paybackMonths)} months`)),
    row('Scale-up: hours saved per year', (s) => formatCount(s.projection?.hoursSavedPerYear)),
    row('Scale-up: value per year', (s) => money(s.projection?.valuePerYear ?? null)),
  ];
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
        ? [{ label: 'Value', values: NAMES.map((name) => business.scenarios[name].value) }, { label: 'Cost', values: NAMES.map((name) => business.scenarios[name].cost) }]
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
  const value = entry.value === null ? (entry.source.startsWith('metrics:') ? 'none' : 'not set') : typeof entry.value === 'number' ? formatAssumption(entry.value) : entry.value;
  return [entry.label, value, entry.unit, entry.source];
}

/** Whole numbers as counts; fractions (0.5, 2.75 months) keep up to two decimals. */
function formatAssumption(value: number): string {
  return Number.isInteger(value) ? formatCount(value) : String(Number(value.toFixed(2)));
}
