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
  currency?: string | undefined;
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
  /** `engagement.totals.activePeople`: the basis of the projection to `orgSize`. */
  activePeople: number;
  /** `engagement.totals.contributors`: listed beside the result for context. */
  contributors: number;
}

/** One row of the assumptions table the report prints beside the result. */
export interface Assumption {
  key: string;
  label: string;
  /** Null when the user did not set it. */
  value: number | string | null;
  /** `minutes`, `hours`, `hours/month`, the currency, `people`, `×`… */
  unit: string;
  /** Where the value comes from: `default (…)`, `config: businessCase.…`, `metrics: …`, `tool: …`, `not set`. */
  source: string;
}

/** Scale-up of one scenario to the whole organization, per year. */
export interface Projection {
  orgSize: number;
  /** `orgSize / activePeople`: the pilot's benefit per active person is assumed to hold at scale. */
  scale: number;
  /** Hours saved from answers per year at scale. */
  hoursSavedPerYear: number;
  /** Value per year at scale, in `currency`; null when the pilot's value is null. */
  valuePerYear: number | null;
}

/** One scenario (low, base or high). Money in `currency`; nothing is rounded. */
export interface Scenario {
  /** The factor every benefit is multiplied by (see `SCENARIO_FACTORS`). */
  factor: number;
  /** Hours saved by answered questions: answered × minutes saved / 60 × factor. Always computed. */
  hoursSaved: number;
  /** Hours from actioned ideas: actioned × hours per idea × factor; null without `hoursPerActionedIdea`. */
  hoursFromIdeas: number | null;
  /** `hoursSaved × hourlyCost`; null without `hourlyCost`. */
  valueFromAnswers: number | null;
  /** Ledger value × factor when the ledger has values, else `hoursFromIdeas × hourlyCost`; null otherwise. */
  valueFromIdeas: number | null;
  /** Sum of the value parts that could be computed; null when none could. */
  value: number | null;
  /** Program cost over the period (moderator time and licences); the same in every scenario. */
  cost: number | null;
  /** `(value - cost) / cost`; null when either is null or the cost is 0. */
  roi: number | null;
  /** `cost / (value / months)`: months of value that pay for the period's cost; null when value is 0. */
  paybackMonths: number | null;
  /** Null without `orgSize` or without active people. */
  projection: Projection | null;
}

/**
 * The `businessCase` section of metrics.json. A type alias, not an interface, so that it fits the
 * document's `Record<string, unknown>` section slot as it is.
 */
export type BusinessCase = {
  /** Always true: every figure here rests on assumptions. */
  estimate: true;
  /** ISO 4217 code of every money amount; null when not configured. */
  currency: string | null;
  assumptions: Assumption[];
  scenarios: Record<ScenarioName, Scenario>;
  /** Why figures are null or partial. */
  warnings: string[];
};

/** Computes the business case; see the module comment for what is null when. */
export function computeBusinessCase(inputs: BusinessCaseInputs, config: BusinessCaseAssumptions): BusinessCase {
  const warnings: string[] = [];
  const cost = programCost(inputs.months, config, warnings);
  explainValueGaps(inputs, config, warnings);
  const scenario = (factor: number): Scenario => buildScenario(inputs, config, factor, cost);
  const scenarios = { low: scenario(SCENARIO_FACTORS.low), base: scenario(SCENARIO_FACTORS.base), high: scenario(SCENARIO_FACTORS.high) };
  explainResultGaps(inputs, config, scenarios.base, cost, warnings);
  return { estimate: true, currency: config.currency ?? null, assumptions: assumptionsTable(inputs, config), scenarios, warnings };
}

function buildScenario(inputs: BusinessCaseInputs, config: BusinessCaseAssumptions, factor: number, cost: number | null): Scenario {
  const { hourlyCost, hoursPerActionedIdea } = config;
  const hoursSaved = ((inputs.answeredThreads * config.minutesSavedPerAnsweredQuestion) / 60) * factor;
  const hoursFromIdeas =
    hoursPerActionedIdea === undefined || inputs.actionedIdeas === null ? null : inputs.actionedIdeas * hoursPerActionedIdea * factor;
  const valueFromAnswers = hourlyCost === undefined ? null : hoursSaved * hourlyCost;
  // Explicit ledger values beat a per-idea guess; using both would count the same ideas twice.
  const valueFromIdeas =
    inputs.ledgerValue !== null
      ? inputs.ledgerValue * factor
      : hoursFromIdeas !== null && hourlyCost !== undefined
        ? hoursFromIdeas * hourlyCost
        : null;
  const parts = [valueFromAnswers, valueFromIdeas].filter((v): v is number => v !== null);
  const value = parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0);
  const roi = value === null || cost === null || cost === 0 ? null : (value - cost) / cost;
  const paybackMonths = value === null || cost === null || value <= 0 || inputs.months <= 0 ? null : cost / (value / inputs.months);
  return { factor, hoursSaved, hoursFromIdeas, valueFromAnswers, valueFromIdeas, value, cost, roi, paybackMonths, projection: project(inputs, config.orgSize, hoursSaved, value) };
}

function project(inputs: BusinessCaseInputs, orgSize: number | undefined, hoursSaved: number, value: number | null): Projection | null {
  if (orgSize === undefined || inputs.activePeople <= 0 || inputs.months <= 0) return null;
  const scale = orgSize / inputs.activePeople;
  const perYear = (12 / inputs.months) * scale;
  return { orgSize, scale, hoursSavedPerYear: hoursSaved * perYear, valuePerYear: value === null ? null : value * perYear };
}

/**
 * Moderator time plus licences over the period. A cost component the user did not set is not
 * counted (and said so); one that is set but cannot be priced (moderator hours without an hourly
 * cost) makes the whole cost null, because a partial cost would flatter the ROI.
 */
function programCost(months: number, config: BusinessCaseAssumptions, warnings: string[]): number | null {
  const { moderatorHoursPerMonth: modHours, licenceCostPerMonth: licence, hourlyCost } = config;
  if (modHours === undefined && licence === undefined) {
    warnings.push('business case: no program cost (set businessCase.moderatorHoursPerMonth and/or licenceCostPerMonth), so cost, ROI and payback are not computed');
    return null;
  }
  if (modHours !== undefined && hourlyCost === undefined) {
    warnings.push('business case: moderator hours are set but businessCase.hourlyCost is not, so the program cost, ROI and payback are not computed');
    return null;
  }
  if (months <= 0) {
    warnings.push('business case: the period has no length, so the program cost is not computed');
    return null;
  }
  if (modHours === undefined) warnings.push('business case: moderator time is not in the cost (businessCase.moderatorHoursPerMonth is not set)');
  if (licence === undefined) warnings.push('business case: licences are not in the cost (businessCase.licenceCostPerMonth is not set)');
  const moderation = modHours === undefined || hourlyCost === undefined ? 0 : modHours * hourlyCost;
  return months * (moderation + (licence ?? 0));
}

function explainValueGaps(inputs: BusinessCaseInputs, config: BusinessCaseAssumptions, warnings: string[]): void {
  if (config.hourlyCost === undefined) warnings.push('business case: businessCase.hourlyCost is not set, so time saved is given in hours only, not in money');
  if (inputs.ledgerValue !== null) {
    if (config.hoursPerActionedIdea !== undefined) warnings.push('business case: the ideas ledger has values, so they are used for the value of ideas instead of businessCase.hoursPerActionedIdea');
  } else if (inputs.actionedIdeas === null) {
    warnings.push('business case: ideas were not computed, so actioned ideas add no value');
  } else if (config.hoursPerActionedIdea === undefined) {
    warnings.push('business case: neither ledger values nor businessCase.hoursPerActionedIdea are given, so actioned ideas add no value');
  }
  if (config.currency === undefined) warnings.push('business case: businessCase.currency is not set, so money amounts carry no currency');
}

function explainResultGaps(inputs: BusinessCaseInputs, config: BusinessCaseAssumptions, base: Scenario, cost: number | null, warnings: string[]): void {
  if (cost === 0) warnings.push('business case: the program cost is 0, so the ROI is not computed');
  if (cost !== null && base.value !== null && base.value <= 0) warnings.push('business case: the value is 0, so there is no payback');
  if (config.orgSize === undefined) warnings.push('business case: businessCase.orgSize is not set, so there is no scale-up projection');
  else if (inputs.activePeople <= 0) warnings.push('business case: no active people in the period, so there is no scale-up projection');
}

function assumptionsTable(inputs: BusinessCaseInputs, config: BusinessCaseAssumptions): Assumption[] {
  const currency = config.currency ?? '(currency not set)';
  const fromConfig = (key: keyof BusinessCaseAssumptions, label: string, value: number | string | undefined, unit: string): Assumption => ({
    key,
    label,
    value: value ?? null,
    unit,
    source: value === undefined ? 'not set' : `config: businessCase.${key}`,
  });
  const minutesDefault = config.minutesSavedPerAnsweredQuestion === DEFAULT_MINUTES_SAVED_PER_ANSWER;
  const metric = (key: string, label: string, value: number | null, unit: string, path: string): Assumption => ({ key, label, value, unit, source: `metrics: ${path}` });
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
    fromConfig('currency', 'Currency of money amounts', config.currency, ''),
    ...(['low', 'base', 'high'] as const).map((name) => ({
      key: `${name}Factor`,
      label: `${name[0]?.toUpperCase() ?? ''}${name.slice(1)} scenario: benefits (time saved, value of ideas) multiplied by`,
      value: SCENARIO_FACTORS[name],
      unit: '×',
      source: 'tool: fixed scenario factor; costs are the same in every scenario',
    })),
    metric('answeredThreads', 'Answered questions in the period', inputs.answeredThreads, 'questions', 'conversations.questions.answered'),
    metric('months', 'Months in the period', inputs.months, 'months', 'period'),
    metric('actionedIdeas', 'Actioned ideas in the period', inputs.actionedIdeas, 'ideas', 'ideas.funnel.actioned'),
    metric('ledgerValue', 'Value of ideas from the ideas ledger (used instead of hours per idea when set)', inputs.ledgerValue, currency, 'ideas.ledgerValue'),
    metric('activePeople', 'Active people in the pilot (basis of the projection)', inputs.activePeople, 'people', 'engagement.totals.activePeople'),
    metric('contributors', 'Contributors in the pilot', inputs.contributors, 'people', 'engagement.totals.contributors'),
  ];
}
