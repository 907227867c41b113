import type { z } from 'zod';
import type { metricsDocumentSchema } from './document-schema.js';

/** Current layout version of metrics.json (spec §8); a baseline with another version is refused. */
export const SCHEMA_VERSION = 1;

/** metrics.json as its schema (document-schema.ts) describes it: every key present. */
type WrittenDocument = z.infer<typeof metricsDocumentSchema>;

/** The keys a document may lack, see `MetricsDocument`. */
type Absent = 'comparisons' | 'movement' | 'baseline';

/**
 * The whole metrics.json document (spec §8). The computed sections come from the metric registry
 * (metrics/registry.ts); a later section (ideas to business case) not computed is `null`, with the
 * reason in `warnings`. The type is the document schema's, from which the JSON Schema is generated
 * too, so the two cannot differ; but `comparisons`, `movement` and `baseline` may be absent here:
 * the report draws a document without them (an omitted part says so: report/pdf/sections/
 * comparisons.ts), and documents built by hand in tests leave them out. A run writes all three.
 */
export type MetricsDocument = Omit<WrittenDocument, Absent> & Partial<Pick<WrittenDocument, Absent>>;

/** How to reproduce a metrics.json: the same tool version, config and input bytes give the same file. */
export type Provenance = WrittenDocument['provenance'];

/** One input file as read by the run (a zip archive counts as one file). */
export type ProvenanceInput = Provenance['inputs'][number];

/** `--baseline`: which run this one is compared with, and the KPIs' changes. */
export type BaselineSection = NonNullable<WrittenDocument['baseline']>;

/** One KPI against the baseline run. */
export type BaselineKpi = BaselineSection['kpis'][number];
