/**
 * The business case's program cost and the warnings that say which input is missing for which
 * figure (split from business-case.ts, which computes the figures themselves).
 */
import type { BusinessCaseAssumptions, BusinessCaseInputs } from './business-case.js';
import type { Scenario } from './business-case-schema.js';

/**
 * Moderator time plus licences over the period. A cost component the user did not set is not
 * counted (and said so); one that is set but cannot be priced (moderator hours without an hourly
 * cost) makes the whole cost null, because a partial cost would flatter the ROI.
 */
export function programCost(months: number, config: BusinessCaseAssumptions, warnings: string[]): number | null {
  const { moderatorHoursPerMonth: modHours, licenceCostPerMonth: licence, hourlyCost } = config;
  if (modHours === undefined && licence === undefined) {
    warnings.push(
      'business case: no program cost (set businessCase.moderatorHoursPerMonth and/or licenceCostPerMonth), so cost, ROI and payback are not computed',
    );
    return null;
  }
  if (modHours !== undefined && hourlyCost === undefined) {
    warnings.push(
      'business case: moderator hours are set but businessCase.hourlyCost is not, so the program cost, ROI and payback are not computed',
    );
    return null;
  }
  if (months <= 0) {
    warnings.push('business case: the period has no length, so the program cost is not computed');
    return null;
  }
  if (modHours === undefined)
    warnings.push('business case: moderator time is not in the cost (businessCase.moderatorHoursPerMonth is not set)');
  if (licence === undefined)
    warnings.push('business case: licences are not in the cost (businessCase.licenceCostPerMonth is not set)');
  const moderation = modHours === undefined || hourlyCost === undefined ? 0 : modHours * hourlyCost;
  return months * (moderation + (licence ?? 0));
}

export function explainValueGaps(
  inputs: BusinessCaseInputs,
  config: BusinessCaseAssumptions,
  warnings: string[],
): void {
  if (config.hourlyCost === undefined)
    warnings.push(
      'business case: businessCase.hourlyCost is not set, so time saved is given in hours only, not in money',
    );
  if (inputs.ledgerValue !== null) {
    // Nothing to warn: ideas with a ledger value use it, the others hours per idea (see buildScenario).
  } else if (inputs.actionedIdeas === null) {
    warnings.push('business case: ideas were not computed, so actioned ideas add no value');
  } else if (config.hoursPerActionedIdea === undefined) {
    warnings.push(
      'business case: neither ledger values nor businessCase.hoursPerActionedIdea are given, so actioned ideas add no value',
    );
  }
  if (config.currency === undefined)
    warnings.push('business case: businessCase.currency is not set, so money amounts carry no currency');
}

export function explainResultGaps(
  inputs: BusinessCaseInputs,
  config: BusinessCaseAssumptions,
  base: Scenario,
  cost: number | null,
  warnings: string[],
): void {
  if (cost === 0) warnings.push('business case: the program cost is 0, so the ROI is not computed');
  if (cost !== null && base.value !== null && base.value <= 0)
    warnings.push('business case: the value is 0, so there is no payback');
  else if (cost !== null && base.value !== null && base.breakEvenMonth === null)
    warnings.push(
      'business case: the value so far does not cover the cost so far in any month of the period (base case), so there is no payback within the period',
    );
  if (config.orgSize === undefined)
    warnings.push('business case: businessCase.orgSize is not set, so there is no scale-up projection');
  else if (inputs.activePeople <= 0)
    warnings.push('business case: no active people in the period, so there is no scale-up projection');
}
