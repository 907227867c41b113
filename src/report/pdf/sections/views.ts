import type { BusinessCase } from '../../../metrics/business-case-schema.js';
import type { IdeaItem, Ideas } from '../../../metrics/ideas/result.js';
import type { Moderation } from '../../../metrics/moderation.js';
import type { Network } from '../../../metrics/network/index.js';
import type { Recognition } from '../../../metrics/recognition/result.js';

/**
 * The parts of the document's typed sections the report draws. The sections are typed end to end
 * (report/json/document.ts), so nothing is re-read here: a section is null only when it was not
 * computed, and the report says so in its place.
 */

/** An idea as the report reads it: everything but its evidence trail. */
export type IdeaItemView = Omit<IdeaItem, 'evidence'>;

/** The parts of `Ideas` the report draws. */
export type IdeasView = Pick<
  Ideas,
  | 'funnel'
  | 'conversion'
  | 'medianDaysToDecision'
  | 'medianDaysToAction'
  | 'daysInStage'
  | 'stalled'
  | 'declined'
  | 'open'
  | 'oldestOpen'
  | 'byDepartment'
  | 'ledgerValue'
> & {
  items: IdeaItemView[];
};

/** The parts of `Moderation` the report draws (moderator names are never printed). */
export type ModerationView = Pick<
  Moderation,
  | 'threads'
  | 'answered'
  | 'moderatorFirstResponseShare'
  | 'medianHoursToFirstResponse'
  | 'withModerator'
  | 'withoutModerator'
  | 'monthly'
  | 'warnings'
> & {
  /** How many moderators were found. */
  moderatorCount: number;
};

/** The parts of `Recognition` the report draws (not the per-person table). */
export type RecognitionView = Pick<
  Recognition,
  'thoughtLeaders' | 'helpers' | 'connectors' | 'connectorsBy' | 'rising' | 'personas' | 'warnings'
> & {
  formula: string;
};

/** The parts of `Network` the report draws. */
export type NetworkView = Pick<
  Network,
  'people' | 'connectedPeople' | 'ties' | 'density' | 'topBrokers' | 'departments' | 'warnings'
>;

/** Moderation without the moderators' names: only how many there are. */
export function moderationView(moderation: Moderation | null): ModerationView | null {
  if (!moderation) return null;
  const {
    threads,
    answered,
    moderatorFirstResponseShare,
    medianHoursToFirstResponse,
    withModerator,
    withoutModerator,
    monthly,
    warnings,
  } = moderation;
  return {
    threads,
    answered,
    moderatorFirstResponseShare,
    medianHoursToFirstResponse,
    withModerator,
    withoutModerator,
    monthly,
    warnings,
    moderatorCount: moderation.moderators.length,
  };
}

/** Recognition with its score formula at the top level. */
export function recognitionView(recognition: Recognition | null): RecognitionView | null {
  if (!recognition) return null;
  const { thoughtLeaders, helpers, connectors, connectorsBy, rising, personas, warnings } = recognition;
  return {
    thoughtLeaders,
    helpers,
    connectors,
    connectorsBy,
    rising,
    personas,
    warnings,
    formula: recognition.score.formula,
  };
}

/** The value of assumption `key` when it is a number (e.g. `moderatorHoursPerMonth`). */
export function assumptionNumber(businessCase: BusinessCase, key: string): number | null {
  const found = businessCase.assumptions.find((entry) => entry.key === key);
  return typeof found?.value === 'number' ? found.value : null;
}
