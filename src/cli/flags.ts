/** The analyze command's flags as commander parses them (camel-cased long names). */
export interface AnalyzeFlags {
  out?: string;
  json?: string;
  pdf?: string;
  markdown?: string;
  pptx?: string;
  communityPost?: string;
  config?: string;
  period?: string;
  since?: string;
  until?: string;
  asOf?: string;
  tz?: string;
  people?: string;
  ideas?: string;
  baseline?: string;
  template?: string;
  dataset?: string;
  memoryLimit?: string;
  includePrivate?: boolean;
  anonymize?: boolean;
  recognize?: string;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
}

/** Flags under their config key names; flags not given stay undefined so lower layers show through. */
export function flagsToConfig(flags: AnalyzeFlags): Record<string, unknown> {
  return {
    out: flags.out,
    json: flags.json,
    pdf: flags.pdf,
    markdown: flags.markdown,
    pptx: flags.pptx,
    communityPost: flags.communityPost,
    period: flags.period,
    since: flags.since,
    until: flags.until,
    asOf: flags.asOf,
    timeZone: flags.tz,
    people: flags.people,
    ideasLedger: flags.ideas,
    baseline: flags.baseline,
    template: flags.template,
    dataset: flags.dataset,
    memoryLimit: flags.memoryLimit,
    includePrivate: flags.includePrivate,
    anonymize: flags.anonymize,
    recognize: flags.recognize,
    strict: flags.strict,
  };
}
