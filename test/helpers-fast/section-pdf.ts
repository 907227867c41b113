/**
 * A report drawn with only some of its sections, for tests that read one section. A full render of
 * the rich document costs about 1.1 s of CPU and reading it back 0.3 s; one section alone costs
 * 0.1-0.3 s. Each section starts on a fresh page and draws only from the document and the render
 * options (render-report.ts, drawSections), so its pages hold the text the full report prints for
 * it, and the cover and contents stay page 1: `pages[1]` is still the first section's first page.
 * Tests about the report as a whole (contents, privacy, anonymity, byte identity) draw it all.
 */
import { loadTemplate, type ReportTemplate } from '../../src/report/pdf/index.js';
import type { SectionId } from '../../src/report/pdf/template.js';

let defaultTemplate: ReportTemplate | null = null;

/** The default template (or `base`) drawing the cover, the contents and `sections`, in that order. */
export function sectionsOnly(sections: readonly SectionId[], base?: ReportTemplate): ReportTemplate {
  defaultTemplate ??= loadTemplate('default');
  const template = base ?? defaultTemplate;
  return { ...template, theme: { ...template.theme, sectionOrder: [...sections] } };
}
