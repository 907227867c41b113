import type { BusinessCaseConfig, WrittenConfig } from '../../config/schema.js';
import type { IdentitySuggestion } from '../../metrics/setup/identity-suggestions.js';
import { csvRow } from '../../report/csv-safe.js';
import type { InitAnswers } from './prompts.js';
import type { Survey } from './survey.js';

/** The file init writes identity suggestions to, beside the config. */
export const SUGGESTED_PEOPLE_FILE = 'people.suggested.csv';

/** What each business-case input means and where to find it, written beside the ones left unset (not those with a default). */
export const BUSINESS_CASE_NOTES: Readonly<
  Record<Exclude<keyof BusinessCaseConfig, '$notes' | 'minutesSavedPerAnsweredQuestion' | 'activeShare'>, string>
> = {
  currency: 'ISO 4217 code of every money amount, e.g. EUR, USD or GBP.',
  hourlyCost:
    'Loaded cost of one employee hour in `currency` (salary plus overhead; Finance or HR has it). Without it page 2 shows no money.',
  hoursPerActionedIdea:
    'Hours of work one actioned idea saves or is worth, on average (ask the idea owners). Without it actioned ideas are counted, not valued.',
  moderatorHoursPerMonth:
    'Hours per month the champions and moderators spend running the community: the cost side of the case.',
  licenceCostPerMonth: 'Licence cost per month in `currency`; 0 when the tools are paid for already.',
  orgSize: 'Number of employees, for the scale-up projection.',
};

/** What init writes and says, from what it found and what it was told. */
export interface Proposal {
  /** Keys to set over the defaults in the starter config. */
  config: WrittenConfig;
  /** `people.suggested.csv`, or null when there is nothing to suggest (or a people file exists). */
  suggestedPeople: string | null;
  /** Lines of the "next steps" checklist. */
  nextSteps: string[];
}

/** The pilot's name when nobody says: the first label of the most common e-mail domain (`aurora.example` -> `Aurora`). */
export function defaultPilotName(keys: readonly string[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const key of keys) {
    const label = key.includes('@') ? key.split('@')[1]?.split('.')[0] : undefined;
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? fallback;
  return best.charAt(0).toUpperCase() + best.slice(1);
}

/** The defaults the prompts offer and `--yes` takes. */
export function defaultAnswers(survey: Survey, folderName: string): InitAnswers {
  return {
    pilotName: defaultPilotName(
      survey.active.map((p) => p.key),
      folderName,
    ),
    currency: null,
    hourlyCost: null,
    moderators: [...survey.moderatorsByRole],
  };
}

/** Side files found by header (paths relative to the config's folder). */
export interface SideFilesFound {
  people: string | null;
  ideasLedger: string | null;
}

/** The config keys, suggestion file and checklist init writes. */
export function buildProposal(survey: Survey, side: SideFilesFound, answers: InitAnswers): Proposal {
  const businessCase: BusinessCaseConfig = { minutesSavedPerAnsweredQuestion: 15 };
  if (answers.currency !== null) businessCase.currency = answers.currency;
  if (answers.hourlyCost !== null) businessCase.hourlyCost = answers.hourlyCost;
  const unset = Object.entries(BUSINESS_CASE_NOTES).filter(([key]) => !(key in businessCase));
  if (unset.length > 0) businessCase.$notes = Object.fromEntries(unset);
  // Moderators the people file names are moderators already (roles and the config add up).
  const moderators = answers.moderators.filter((key) => !survey.moderatorsByRole.includes(key));
  // Wiki bots by name are written out too, so that the decision is visible where it is changed
  // (`!Name`); accounts an export flags as bots are bots whatever the config says.
  const bots = survey.bots.filter((b) => !b.excluded || b.byUserName);
  const config: WrittenConfig = {
    ...(side.people ? { people: side.people } : {}),
    ...(side.ideasLedger ? { ideasLedger: side.ideasLedger } : {}),
    botAccounts: bots.map((b) => b.account),
    moderators,
    report: { title: `${answers.pilotName} pilot: {period}` },
    businessCase,
  };
  const suggestedPeople =
    side.people === null && survey.suggestions.length > 0 ? suggestedPeopleCsv(survey.suggestions) : null;
  return {
    config,
    suggestedPeople,
    nextSteps: nextSteps(
      survey,
      side,
      answers,
      unset.map(([key]) => key),
      suggestedPeople !== null,
    ),
  };
}

/** A people file of the suggestions, with the evidence in a column the reader ignores. */
export function suggestedPeopleCsv(suggestions: readonly IdentitySuggestion[]): string {
  const lines = [csvRow(['email', 'name', 'department', 'role', 'aliases', 'evidence'])];
  for (const s of suggestions) {
    // Without an e-mail the anchor's own identity is an alias too, or the row would match nobody.
    const aliases = s.anchor.email ? s.aliases : [s.anchor.personId, ...s.aliases];
    lines.push(csvRow([s.anchor.email ?? '', s.anchor.name ?? '', '', '', aliases.join(';'), s.evidence.join('; ')]));
  }
  return `${lines.join('\n')}\n`;
}

function nextSteps(
  survey: Survey,
  side: SideFilesFound,
  answers: InitAnswers,
  unset: readonly string[],
  suggested: boolean,
): string[] {
  const steps: string[] = [];
  if (unset.length > 0)
    steps.push(
      `Fill in businessCase ${unset.join(', ')} (a note under businessCase.$notes says what each is); without hourlyCost and currency page 2 shows no money.`,
    );
  if (suggested)
    steps.push(
      `Check ${SUGGESTED_PEOPLE_FILE} (${survey.suggestions.length} person(s) with accounts that look like one), rename it to people.csv and set "people": "people.csv".`,
    );
  else if (side.people === null)
    steps.push(
      'Add a people file (email, name, department, role, aliases) and set "people": it merges accounts, gives departments and names moderators.',
    );
  if (side.people !== null && !survey.peopleHaveDepartments)
    steps.push(`Add a department column to ${side.people}: the silo page needs departments.`);
  if (answers.moderators.length === 0)
    steps.push(
      'Name the moderators ("moderators" in the config, or the role moderator in the people file): the moderation page needs them.',
    );
  if (survey.bots.some((b) => !b.excluded))
    steps.push(
      'Check botAccounts: accounts whose messages look machine-made are proposed there; remove any that is a person.',
    );
  if (side.ideasLedger === null)
    steps.push(
      'Optional: an idea ledger (idea, stage, date, note, value) records outcomes decided outside the tools; set "ideasLedger".',
    );
  steps.push('Check report.title: {period} becomes the report period.');
  steps.push('Run pilot-report validate, then pilot-report analyze.');
  return steps;
}
