import type { BusinessCase } from '../../../metrics/business-case-schema.js';
import { formatMoney, formatPercent } from '../format.js';
import { concentrationLine, paybackLine } from './business-case-lines.js';
import { ideaTitleOf } from './business-case.js';
import type { ReportContext } from './types.js';

/**
 * The money on page 2: value against cost for the period and per month, ROI and payback of the
 * base case, and a flag when one entry carries most of the value. Without the inputs, one line
 * names the settings that are missing instead of a row of dashes.
 */
export function moneyLines(report: ReportContext): string[] {
  const business = report.businessCase;
  if (!business) return ['Not estimated: this report holds no business case.'];
  const base = business.scenarios.base;
  const missing = missingSettings(business);
  if (base.value === null || base.cost === null || base.monthlyValue === null || base.monthlyCost === null) {
    return [`Not estimated: set ${missing.join(' and ')} in the config (businessCase) to put value and cost in money.`];
  }
  const money = (x: number | null): string => formatMoney(x, business.currency);
  const roi = base.roi === null ? 'no ROI (the cost is 0)' : `ROI ${formatPercent(base.roi)}`;
  const lines = [
    `Value ${money(base.value)} against a cost of ${money(base.cost)} over the period; ${money(base.monthlyValue)} against ${money(base.monthlyCost)} a month; ${roi} (base case, an estimate: see the business case).`,
    paybackLine(business, base),
  ];
  const flag = concentrationLine(business, ideaTitleOf(report));
  if (flag) lines.push(flag);
  return lines;
}

/** The config keys whose absence leaves value or cost unpriced, in the order to set them. */
export function missingSettings(business: BusinessCase): string[] {
  const notSet = new Set(business.assumptions.filter((a) => a.source === 'not set').map((a) => a.key));
  const keys: string[] = [];
  if (notSet.has('hourlyCost')) keys.push('businessCase.hourlyCost');
  if (notSet.has('moderatorHoursPerMonth') && notSet.has('licenceCostPerMonth'))
    keys.push('businessCase.moderatorHoursPerMonth (or licenceCostPerMonth)');
  if (notSet.has('currency')) keys.push('businessCase.currency');
  return keys.length > 0 ? keys : ['businessCase.hourlyCost'];
}
