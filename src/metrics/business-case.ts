/**
 * The business case (spec §6): what the pilot's answered questions and actioned ideas are worth,
 * what the program costs, the ROI, the payback and a projection to the whole organization — each
 * as a low, base and high scenario, always labelled an estimate, every assumption listed with its
 * source. A pure function of figures the other metrics already computed: no dataset, no clock.
 *
 * Only the minutes saved per answered question has a default (15, the coefficient Viva Engage uses
 * in its Answers analytics). Every money figure needs the user's own numbers: when one is missing
 * the figure is null and `warnings` says why; a cost is never invented. Hours saved from answers
 * can always be computed.
 */

import { explainResultGaps, explainValueGaps, programCost } from './business-case-gaps.js';
import type { Assumption, BusinessCase, Concentration, Projection, Scenario } from './business-case-schema.js';

/** How the scenarios differ: every benefit (time and value) is multiplied by the factor; costs are not. */
export const SCENARIO_FACTORS = { low: 0.5, base: 1, high: 1.5 } as const;
export type ScenarioName = keyof typeof SCENARIO_FACTORS;

/** The default minutes saved per answered question (Viva Engage Answers analytics). */
export const DEFAULT_MINUTES_SAVED_PER_ANSWER = 15;

/**
 * The business-case assumptions, structurally the config's `businessCase` section once defaults
 * are applied (declared here so that metrics/ does not import config/).
 */
export interface BusinessCaseAssumptions {
  minutesSavedPerAnsweredQuestion: number;
  hourlyCost?: number | undefined;
  hoursPerActionedIdea?: number | undefined;
  moderatorHoursPerMonth?: number | undefined;
  licenceCostPerMonth?: number | undefined;
  orgSize?: number | undefined;
  /** Share of `orgSize` assumed active at scale; default: the pilot's own share. */
  activeShare?: number | undefined;
  currency?: string | undefined;
}

/** One ledger row that was applied and carries a value. */
export interface LedgerEntryValue {
  /** The idea's id (its thread starter's activity id). */
  ideaId: string;
  /** Line of the row in the ledger file. */
  line: number | null;
  value: number;
  /** `2026-04` (report time zone): the month the row is dated in. */
  month: string;
}

/** An actioned idea the ledger gives no value: it is valued at hours per idea × hourly cost. */
export interface ActionedIdeaWithoutValue {
  ideaId: string;
  /** `2026-04`: the month it was actioned in. */
  month: string;
}

/** Figures already computed for the period, from the other sections of metrics.json. */
export interface BusinessCaseInputs {
  /** `conversations.questions.answered`: questions asked in the period that got an answer. */
  answeredThreads: number;
  /** Length of the period in months (may be fractional for a period that is not whole months). */
  months: number;
  /** `ideas.funnel.actioned`; null when ideas were not computed. */
  actionedIdeas: number | null;
  /** `ideas.ledgerValue`: sum of the ledger's `value` cells, in `currency`; null when none. */
  ledgerValue: number | null;
  /** The applied ledger rows with a value (their sum is `ledgerValue`). */
  ledgerEntries: LedgerEntryValue[];
  /** Actioned ideas of the period that no ledger row gives a value. */
  actionedWithoutValue: ActionedIdeaWithoutValue[];
  /** The period's calendar months (`2026-03`…), for the break-even month. */
  monthKeys: string[];
  /** `identities.persons`: persons seen in the exports, for the default active share. */
  persons: number;
  /** `engagement.totals.activePeople`: the basis of the projection to `orgSize`. */
  activePeople: number;
  /** `engagement.totals.contributors`: listed beside the result for context. */
  contributors: number;
}

/** Above this share of the value, one entry or idea is flagged. */
export const CONCENTRATION_SHARE = 0.4;

/** Computes the business case; see the module comment for what is null when. */
export function computeBusinessCase(inputs: BusinessCaseInputs, config: BusinessCaseAssumptions): BusinessCase {
  const warnings: string[] = [];
  const cost = programCost(inputs.months, config, warnings);
  explainValueGaps(inputs, config, warnings);
  const scenario = (factor: number): Scenario => buildScenario(inputs, config, factor, cost);
  const scenarios = {
    low: scenario(SCENARIO_FACTORS.low),
    base: scenario(SCENARIO_FACTORS.base),
    high: scenario(SCENARIO_FACTORS.high),
  };
  explainResultGaps(inputs, config, scenarios.base, cost, warnings);
  const concentration = concentrationOf(inputs, config, scenarios.base.value);
  return {
    estimate: true,
    currency: config.currency ?? null,
    assumptions: assumptionsTable(inputs, config),
    scenarios,
    concentration,
    warnings,
  };
}

function buildScenario(
  inputs: BusinessCaseInputs,
  config: BusinessCaseAssumptions,
  factor: number,
  cost: number | null,
): Scenario {
  const { hourlyCost, hoursPerActionedIdea } = config;
  const hoursSaved = ((inputs.answeredThreads * config.minutesSavedPerAnsweredQuestion) / 60) * factor;
  // Ledger values beat a per-idea guess, idea by idea: an idea with a ledger value is not also counted in hours.
  const hoursFromIdeas =
    hoursPerActionedIdea === undefined || inputs.actionedIdeas === null
      ? null
      : inputs.actionedWithoutValue.length * hoursPerActionedIdea * factor;
  const valueFromAnswers = hourlyCost === undefined ? null : hoursSaved * hourlyCost;
  const valueFromLedger = inputs.ledgerValue === null ? null : inputs.ledgerValue * factor;
  const valueFromHours = hoursFromIdeas !== null && hourlyCost !== undefined ? hoursFromIdeas * hourlyCost : null;
  const valueFromIdeas = sumOrNull([valueFromLedger, valueFromHours]);
  const value = sumOrNull([valueFromAnswers, valueFromIdeas]);
  const roi = value === null || cost === null || cost === 0 ? null : (value - cost) / cost;
  const months = inputs.months;
  const breakEven =
    value === null || cost === null || months <= 0
      ? null
      : breakEvenMonth(inputs, config, factor, valueFromAnswers ?? 0, cost / months);
  return {
    factor,
    hoursSaved,
    hoursFromIdeas,
    valueFromAnswers,
    valueFromIdeas,
    valueFromLedger,
    value,
    cost,
    roi,
    monthlyValue: value === null || months <= 0 ? null : value / months,
    monthlyCost: cost === null || months <= 0 ? null : cost / months,
    breakEvenMonth: breakEven?.month ?? null,
    paybackMonths: breakEven?.index ?? null,
    projection: project(inputs, config, hoursSaved, value),
  };
}

const sumOrNull = (parts: readonly (number | null)[]): number | null => {
  const known = parts.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
};

/**
 * Month by month, value so far against cost so far (the cost recurs every month): answers' value
 * spread evenly over the period's months, each idea's value in its month. The first month whose
 * running value covers its running cost, or null within the period.
 */
function breakEvenMonth(
  inputs: BusinessCaseInputs,
  config: BusinessCaseAssumptions,
  factor: number,
  answersValue: number,
  monthlyCost: number,
): { month: string; index: number } | null {
  const keys = inputs.monthKeys;
  if (keys.length === 0) return null;
  const ideaValue = new Map<string, number>();
  const add = (month: string, v: number): void => void ideaValue.set(month, (ideaValue.get(month) ?? 0) + v);
  inputs.ledgerEntries.forEach((e) => add(e.month, e.value * factor));
  if (config.hoursPerActionedIdea !== undefined && config.hourlyCost !== undefined) {
    const perIdea = config.hoursPerActionedIdea * config.hourlyCost * factor;
    inputs.actionedWithoutValue.forEach((i) => add(i.month, perIdea));
  }
  let value = 0;
  for (const [index, month] of keys.entries()) {
    value += answersValue / keys.length + (ideaValue.get(month) ?? 0);
    if (value >= monthlyCost * (index + 1)) return { month, index: index + 1 };
  }
  return null;
}

function project(
  inputs: BusinessCaseInputs,
  config: BusinessCaseAssumptions,
  hoursSaved: number,
  value: number | null,
): Projection | null {
  const { orgSize } = config;
  if (orgSize === undefined || inputs.activePeople <= 0 || inputs.months <= 0) return null;
  const share = activeShareOf(inputs, config);
  const activePeopleAtScale = orgSize * share.value;
  const perPersonMonth = (x: number): number => x / inputs.activePeople / inputs.months;
  const hoursPerActivePersonPerMonth = perPersonMonth(hoursSaved);
  const valuePerActivePersonPerMonth = value === null ? null : perPersonMonth(value);
  return {
    orgSize,
    activeShare: share.value,
    activeShareSource: share.source,
    activePeopleAtScale,
    scale: activePeopleAtScale / inputs.activePeople,
    hoursPerActivePersonPerMonth,
    valuePerActivePersonPerMonth,
    hoursSavedPerYear: hoursPerActivePersonPerMonth * activePeopleAtScale * 12,
    valuePerYear:
      valuePerActivePersonPerMonth === null ? null : valuePerActivePersonPerMonth * activePeopleAtScale * 12,
  };
}

/** The configured active share, else the pilot's own: active people / persons seen in the exports. */
function activeShareOf(inputs: BusinessCaseInputs, config: BusinessCaseAssumptions): { value: number; source: string } {
  if (config.activeShare !== undefined)
    return { value: config.activeShare, source: 'config: businessCase.activeShare' };
  const persons = Math.max(inputs.persons, inputs.activePeople);
  return {
    value: inputs.activePeople / persons,
    source: `the pilot: ${inputs.activePeople} active of ${persons} persons in the exports (set businessCase.activeShare to assume another)`,
  };
}

/** The largest single ledger entry or idea, when it carries more than 40 % of the base value. */
function concentrationOf(
  inputs: BusinessCaseInputs,
  config: BusinessCaseAssumptions,
  value: number | null,
): Concentration | null {
  if (value === null || value <= 0) return null;
  const candidates: Concentration[] = inputs.ledgerEntries.map((e) => ({
    kind: 'ledgerEntry',
    ideaId: e.ideaId,
    line: e.line,
    value: e.value,
    share: e.value / value,
  }));
  const byIdea = new Map<string, number>();
  inputs.ledgerEntries.forEach((e) => byIdea.set(e.ideaId, (byIdea.get(e.ideaId) ?? 0) + e.value));
  if (config.hoursPerActionedIdea !== undefined && config.hourlyCost !== undefined) {
    for (const idea of inputs.actionedWithoutValue)
      byIdea.set(idea.ideaId, (byIdea.get(idea.ideaId) ?? 0) + config.hoursPerActionedIdea * config.hourlyCost);
  }
  // An idea with several entries is flagged as the idea; one entry alone, as the entry.
  const entriesOf = (id: string): number => inputs.ledgerEntries.filter((e) => e.ideaId === id).length;
  for (const [ideaId, v] of byIdea)
    if (entriesOf(ideaId) !== 1) candidates.push({ kind: 'idea', ideaId, line: null, value: v, share: v / value });
  const top = candidates.sort((a, b) => b.value - a.value || a.ideaId.localeCompare(b.ideaId))[0];
  return top && top.share > CONCENTRATION_SHARE ? top : null;
}

function activeShareAssumption(inputs: BusinessCaseInputs, config: BusinessCaseAssumptions): Assumption {
  const label = 'Share of employees assumed active at scale';
  if (config.orgSize === undefined || inputs.activePeople <= 0)
    return {
      key: 'activeShare',
      label,
      value: config.activeShare ?? null,
      unit: 'share',
      source: config.activeShare === undefined ? 'not set' : 'config: businessCase.activeShare',
    };
  const share = activeShareOf(inputs, config);
  return { key: 'activeShare', label, value: share.value, unit: 'share', source: share.source };
}

function assumptionsTable(inputs: BusinessCaseInputs, config: BusinessCaseAssumptions): Assumption[] {
  const currency = config.currency ?? '(currency not set)';
  const fromConfig = (
    key: keyof BusinessCaseAssumptions,
    label: string,
    value: number | string | undefined,
    unit: string,
  ): Assumption => ({
    key,
    label,
    value: value ?? null,
    unit,
    source: value === undefined ? 'not set' : `config: businessCase.${key}`,
  });
  const minutesDefault = config.minutesSavedPerAnsweredQuestion === DEFAULT_MINUTES_SAVED_PER_ANSWER;
  const metric = (key: string, label: string, value: number | null, unit: string, path: string): Assumption => ({
    key,
    label,
    value,
    unit,
    source: `metrics: ${path}`,
  });
  return [
    {
      key: 'minutesSavedPerAnsweredQuestion',
      label: 'Minutes saved per answered question',
      value: config.minutesSavedPerAnsweredQuestion,
      unit: 'minutes',
      source: minutesDefault
        ? 'default: the coefficient Viva Engage uses in its Answers analytics'
        : 'config: businessCase.minutesSavedPerAnsweredQuestion',
    },
    fromConfig('hourlyCost', 'Loaded cost of one hour of work', config.hourlyCost, currency),
    fromConfig('hoursPerActionedIdea', 'Hours an actioned idea is worth', config.hoursPerActionedIdea, 'hours'),
    fromConfig('moderatorHoursPerMonth', 'Moderator hours per month', config.moderatorHoursPerMonth, 'hours/month'),
    fromConfig('licenceCostPerMonth', 'Licence cost per month', config.licenceCostPerMonth, `${currency}/month`),
    fromConfig('orgSize', 'Employees in the organization', config.orgSize, 'people'),
    activeShareAssumption(inputs, config),
    fromConfig('currency', 'Currency of money amounts', config.currency, ''),
    ...(['low', 'base', 'high'] as const).map((name) => ({
      key: `${name}Factor`,
      label: `${name[0]?.toUpperCase() ?? ''}${name.slice(1)} scenario: benefits (time saved, value of ideas) multiplied by`,
      value: SCENARIO_FACTORS[name],
      unit: '×',
      source: 'tool: fixed scenario factor; costs are the same in every scenario',
    })),
    metric(
      'answeredThreads',
      'Answered questions in the period',
      inputs.answeredThreads,
      'questions',
      'conversations.questions.answered',
    ),
    metric('months', 'Months in the period', inputs.months, 'months', 'period'),
    metric('actionedIdeas', 'Actioned ideas in the period', inputs.actionedIdeas, 'ideas', 'ideas.funnel.actioned'),
    metric(
      'ledgerValue',
      'Value of ideas from the ideas ledger (those ideas are not also counted in hours)',
      inputs.ledgerValue,
      currency,
      'ideas.ledgerValue',
    ),
    metric(
      'ledgerEntries',
      'Ledger entries with a value',
      inputs.ledgerEntries.length,
      'entries',
      'ideas.ledgerValues',
    ),
    metric(
      'actionedWithoutValue',
      'Actioned ideas without a ledger value (valued at hours per idea)',
      inputs.actionedWithoutValue.length,
      'ideas',
      'ideas.items',
    ),
    metric(
      'persons',
      'Persons seen in the exports (basis of the default active share)',
      inputs.persons,
      'people',
      'identities.persons',
    ),
    metric(
      'activePeople',
      'Active people in the pilot (basis of the projection)',
      inputs.activePeople,
      'people',
      'engagement.totals.activePeople',
    ),
    metric(
      'contributors',
      'Contributors in the pilot',
      inputs.contributors,
      'people',
      'engagement.totals.contributors',
    ),
  ];
}
