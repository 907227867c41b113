import type { Sections } from '../../metrics/registry.js';
import type { Period } from '../../metrics/types.js';
import { SCHEMA_VERSION, type MetricsDocument, type Provenance } from './document.js';

/** Sections that may be missing from a document (null, with a warning); the others always are computed. */
export const LATER_SECTIONS = ['ideas', 'moderation', 'recognition', 'network', 'redundancy', 'businessCase'] as const;
export type LaterSection = (typeof LATER_SECTIONS)[number];

/** Sections written only when computed (documents built by hand in tests may leave them out). */
type OptionalSection = 'comparisons' | 'movement';

/** The computed sections: the first four always, the later ones when computed. */
export type DocumentSections = Omit<Sections, LaterSection | OptionalSection> &
  Partial<Pick<Sections, LaterSection | OptionalSection>>;

/** What the metrics run gave (metrics/run-metrics.ts). */
export interface ComputedMetrics {
  sections: DocumentSections;
  /** Why measured figures are null. */
  measureWarnings: readonly string[];
  /** The estimates' caveats. */
  estimateWarnings: readonly string[];
}

/** What the caller knows about the run. */
export interface BuildOptions {
  /** The tool's version (package.json). */
  version: string;
  /** ISO 8601 UTC; the caller derives it from SOURCE_DATE_EPOCH when set (no clock read here). */
  generatedAt: string;
  /** Tool, config hash and input hashes of the run (the CLI computes them; see cli/provenance.ts). */
  provenance: Provenance;
  period: Period;
  /** The run's own remarks (period, side files); they come between the measures' and the estimates' warnings. */
  runWarnings?: readonly string[];
}

/**
 * Assembles metrics.json (spec §8) from the computed sections, in the document's order. Every
 * figure that is null has a line in `warnings` saying why; a later section not computed is null.
 */
export function assembleDocument(metrics: ComputedMetrics, options: BuildOptions): MetricsDocument {
  const { sections } = metrics;
  const missing = LATER_SECTIONS.filter((section) => sections[section] === undefined);
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: options.generatedAt,
    tool: { name: 'pilot-report', version: options.version },
    provenance: options.provenance,
    period: { ...options.period },
    sources: sections.sources,
    identities: sections.identities,
    engagement: sections.engagement,
    conversations: sections.conversations,
    ideas: sections.ideas ?? null,
    moderation: sections.moderation ?? null,
    recognition: sections.recognition ?? null,
    network: sections.network ?? null,
    redundancy: sections.redundancy ?? null,
    businessCase: sections.businessCase ?? null,
    ...(sections.comparisons ? { comparisons: sections.comparisons } : {}),
    ...(sections.movement ? { movement: sections.movement } : {}),
    baseline: null,
    targets: [],
    warnings: [
      ...metrics.measureWarnings,
      ...missing.map(notComputed),
      ...(options.runWarnings ?? []),
      ...metrics.estimateWarnings,
    ],
  };
}

function notComputed(section: LaterSection): string {
  return `${section}: null: not computed by this version of pilot-report`;
}
