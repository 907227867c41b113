import type { BusinessCase, Scenario } from '../../../metrics/business-case-schema.js';
import {
  formatCount,
  formatDecimal,
  formatMoney,
  formatMoneyTwoSignificant,
  formatPercent,
  formatTwoSignificant,
  MISSING,
} from '../format.js';
import { monthLabel } from './common.js';
import { assumptionNumber } from './views.js';

/**
 * The business case's arithmetic as sentences a finance reviewer can redo with a calculator: each
 * money figure with its inputs, from metrics.json's `businessCase` alone. Page 2 and the business
 * case page both use these, so they cannot disagree.
 */

const n = (x: number): string => (Number.isInteger(x) ? formatCount(x) : formatDecimal(x));
const plural = (count: number, one: string, many: string): string =>
  `${formatCount(count)} ${count === 1 ? one : many}`;

/** The money figures' inputs, by assumption key. */
export function inputsOf(business: BusinessCase) {
  const get = (key: string): number | null => assumptionNumber(business, key);
  return {
    minutes: get('minutesSavedPerAnsweredQuestion'),
    hourlyCost: get('hourlyCost'),
    hoursPerIdea: get('hoursPerActionedIdea'),
    moderatorHours: get('moderatorHoursPerMonth'),
    licence: get('licenceCostPerMonth'),
    answered: get('answeredThreads'),
    months: get('months'),
    ledgerValue: get('ledgerValue'),
    ledgerEntries: get('ledgerEntries') ?? 0,
    withoutValue: get('actionedWithoutValue'),
  };
}

/** Monthly program cost: moderator hours × hourly cost + licences; null when it cannot be priced. */
export function monthlyCostOf(business: BusinessCase): number | null {
  return business.scenarios.base.monthlyCost;
}

/** One sentence per money figure of `scenario`, with the arithmetic spelled out. */
export function arithmeticLines(business: BusinessCase, scenario: Scenario): string[] {
  const money = (x: number | null): string => formatMoney(x, business.currency);
  const i = inputsOf(business);
  const lines: string[] = [];
  const factor = scenario.factor === 1 ? '' : ` × ${formatDecimal(scenario.factor)} (scenario)`;
  if (i.answered !== null && i.minutes !== null) {
    const value =
      i.hourlyCost === null ? '' : `; × ${money(i.hourlyCost)} an hour = ${money(scenario.valueFromAnswers)}`;
    lines.push(
      `Answered questions: ${formatCount(i.answered)} × ${n(i.minutes)} minutes ÷ 60${factor} = ${n(round1(scenario.hoursSaved))} hours${value}.`,
    );
  }
  if (scenario.valueFromLedger !== null) {
    const scaled = factor === '' ? '' : `${factor} = ${money(scenario.valueFromLedger)}`;
    lines.push(
      `Ideas with a ledger value: ${plural(i.ledgerEntries, 'ledger entry', 'ledger entries')} add up to ${money(i.ledgerValue)}${scaled} (values the ledger states, not measured).`,
    );
  }
  if (scenario.hoursFromIdeas !== null && i.hoursPerIdea !== null && i.withoutValue !== null) {
    const value =
      i.hourlyCost === null
        ? ''
        : `; × ${money(i.hourlyCost)} an hour = ${money(scenario.hoursFromIdeas * i.hourlyCost)}`;
    lines.push(
      `Actioned ideas without a ledger value: ${plural(i.withoutValue, 'idea', 'ideas')} × ${n(i.hoursPerIdea)} hours${factor} = ${n(round1(scenario.hoursFromIdeas))} hours${value}.`,
    );
  }
  if (scenario.monthlyCost !== null && scenario.cost !== null && i.months !== null) {
    const parts = [
      i.moderatorHours !== null && i.hourlyCost !== null
        ? `${n(i.moderatorHours)} moderator hours × ${money(i.hourlyCost)}`
        : null,
      i.licence !== null ? `${money(i.licence)} licences` : null,
    ].filter((p): p is string => p !== null);
    lines.push(
      `Program cost: ${parts.join(' + ')} = ${money(scenario.monthlyCost)} a month; × ${n(round2(i.months))} months = ${money(scenario.cost)}.`,
    );
  }
  if (scenario.value !== null && scenario.cost !== null && scenario.roi !== null) {
    lines.push(
      `Return on investment: (${money(scenario.value)} − ${money(scenario.cost)}) ÷ ${money(scenario.cost)} = ${formatPercent(scenario.roi)}.`,
    );
  }
  if (scenario.value !== null && scenario.monthlyCost !== null) lines.push(paybackLine(business, scenario));
  return lines;
}

/** Break-even: the month the value so far first covers the cost so far, or not within the period. */
export function paybackLine(business: BusinessCase, scenario: Scenario): string {
  const money = (x: number | null): string => formatMoney(x, business.currency);
  const compare = `${money(scenario.monthlyValue)} of value a month on average against ${money(scenario.monthlyCost)} of cost a month`;
  return scenario.breakEvenMonth === null
    ? `Payback: not within the period (${compare}).`
    : `Payback: by the end of ${monthLabel(scenario.breakEvenMonth)} (month ${formatCount(scenario.paybackMonths)}) the value so far covers the cost so far; ${compare}.`;
}

/** The scale-up formula with its inputs and result, e.g. for the base case. */
export function scaleUpLine(business: BusinessCase, scenario: Scenario): string | null {
  const p = scenario.projection;
  if (!p) return null;
  const perPerson =
    p.valuePerActivePersonPerMonth === null
      ? `${formatTwoSignificant(p.hoursPerActivePersonPerMonth)} hours`
      : formatMoney(p.valuePerActivePersonPerMonth, business.currency);
  const result =
    p.valuePerYear === null
      ? `${formatTwoSignificant(p.hoursSavedPerYear)} hours`
      : formatMoneyTwoSignificant(p.valuePerYear, business.currency);
  return `${perPerson} per active person per month × ${formatCount(p.orgSize)} employees × ${formatPercent(p.activeShare)} assumed active × 12 months ≈ ${result} a year`;
}

/** The sentence that flags one ledger entry or idea carrying most of the value; null when none does. */
export function concentrationLine(business: BusinessCase, ideaTitle: (id: string) => string): string | null {
  const c = business.concentration;
  if (!c) return null;
  const what =
    c.kind === 'ledgerEntry'
      ? `One ledger entry (line ${c.line === null ? MISSING : formatCount(c.line)}, ${ideaTitle(c.ideaId)})`
      : `One idea (${ideaTitle(c.ideaId)})`;
  return `${what} carries ${formatPercent(c.share)} of the value (${formatMoney(c.value, business.currency)})${c.kind === 'ledgerEntry' ? ': a self-reported figure the case rests on' : ''}.`;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;
