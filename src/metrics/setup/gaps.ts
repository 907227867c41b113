/**
 * Parts of the report that stay empty for want of a setting, with the one line that says how to
 * fill each. `validate` lists them, `analyze` warns about them once, and the PDF section that
 * stays empty prints the same line, so the three never disagree.
 */

/** A part of the report the data alone cannot fill. */
export type ReportGap = 'moderators' | 'departments' | 'businessCase';

/** How to fill each part, in one line. */
export const FILL_HINTS: Readonly<Record<ReportGap, string>> = {
  moderators:
    'name the moderators in the config ("moderators": their e-mails) or give them the role moderator in the people file.',
  departments: 'add a department column to the people file (email, name, department) and set "people" in the config.',
  businessCase:
    'set businessCase.hourlyCost and businessCase.currency in the config (pilot-report init writes a note on each input).',
};

/** What stays empty without the setting. */
export const GAP_EFFECTS: Readonly<Record<ReportGap, string>> = {
  moderators: 'no moderators: the moderation part of the report stays empty',
  departments: 'no departments: the department and silo part of the report stays empty',
  businessCase: 'no business-case inputs: the report shows no money',
};

/** What the gaps are decided from. */
export interface GapFacts {
  moderators: number;
  /** Active persons with a known department. */
  withDepartment: number;
  hourlyCost: number | undefined;
  currency: string | undefined;
}

/** The gaps, in report order. */
export function reportGaps(facts: GapFacts): ReportGap[] {
  const gaps: ReportGap[] = [];
  if (facts.withDepartment === 0) gaps.push('departments');
  if (facts.moderators === 0) gaps.push('moderators');
  if (facts.hourlyCost === undefined || facts.currency === undefined) gaps.push('businessCase');
  return gaps;
}

/** `<effect>; to fill it, <hint>` */
export function gapLine(gap: ReportGap): string {
  return `${GAP_EFFECTS[gap]}; to fill it, ${FILL_HINTS[gap]}`;
}
