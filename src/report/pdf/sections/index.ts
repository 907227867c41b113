import { conversationsSection } from './conversations.js';
import { dataQualitySection } from './data-quality.js';
import { monthlyActivitySection } from './monthly-activity.js';
import { summarySection } from './summary.js';
import type { ReportSection } from './types.js';

/** The report's sections in order. A new section is one file here and one line below. */
export const REPORT_SECTIONS: readonly ReportSection[] = [
  summarySection,
  monthlyActivitySection,
  conversationsSection,
  dataQualitySection,
];

export type { ReportSection, SectionContext } from './types.js';
