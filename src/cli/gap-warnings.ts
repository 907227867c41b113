import type { ResolvedConfig } from '../config/defaults.js';
import { reportGaps, type ReportGap } from '../metrics/setup/gaps.js';
import type { MetricsDocument } from '../report/json/document.js';

/**
 * The gaps that leave a part of this run's report empty. A section metrics.json does not hold at
 * all (null) is left out for another reason and is not a gap.
 */
export function documentGaps(document: MetricsDocument, config: ResolvedConfig): ReportGap[] {
  const moderators = document.moderation === null ? null : document.moderation['moderators'];
  const departments = document.network === null ? true : document.network['departments'];
  return reportGaps({
    moderators: Array.isArray(moderators) ? moderators.length : 1,
    withDepartment: departments ? 1 : 0,
    hourlyCost: config.businessCase.hourlyCost,
    currency: config.businessCase.currency,
  });
}
