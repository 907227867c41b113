import type { SectionId } from '../template.js';
import { appendixSection } from './appendix.js';
import { businessCaseSection } from './business-case.js';
import { comparisonsSection } from './comparisons.js';
import { contributorsSection } from './contributors.js';
import { conversationsSection } from './conversations.js';
import { engagementSection } from './engagement.js';
import { executiveSummarySection } from './executive-summary.js';
import { ideasSection } from './ideas.js';
import { organizationSection } from './organization.js';
import type { ReportSection } from './types.js';

/** Every section, in the default order. A new section is one file here and one line below. */
export const REPORT_SECTIONS: readonly ReportSection[] = [
  executiveSummarySection,
  engagementSection,
  conversationsSection,
  ideasSection,
  contributorsSection,
  organizationSection,
  comparisonsSection,
  businessCaseSection,
  appendixSection,
];

/** The sections a template lists, in its order (ids it does not list are left out). */
export function orderedSections(order: readonly SectionId[]): ReportSection[] {
  return order.flatMap((id) => REPORT_SECTIONS.filter((section) => section.id === id));
}

export type { ReportContext, ReportSection, SectionContext } from './types.js';
