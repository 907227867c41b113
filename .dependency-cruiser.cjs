// The import rules of ../shared/design/house-style.md ("The pipeline is the layout"), checked by
// `npm run lint:layers`. Dependencies point one way:
//
//   cli -> report -> metrics -> config -> model
//      \-> sources ------------------------^
//
// cli may import anything; report presents metrics (and config texts); metrics read the dataset
// through model and get their knobs from config; sources map exports onto model; config validates
// the written config; model knows DuckDB and nothing above it. `src/errors.ts`, `src/version.ts`
// and a bottom `src/time/` (calendar arithmetic, issue 17 item 3) may be imported by every layer.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'cli-is-the-top',
      comment: 'Only cli imports cli: it is the entry point and the only place that sets the exit code.',
      severity: 'error',
      from: { path: '^src/(?!cli/)' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'report-not-sources',
      comment: 'report renders the metrics document; reading exports is the sources layer, driven by cli.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/sources/' },
    },
    {
      name: 'metrics-not-up',
      comment: 'A metric is a function of the dataset and its config: no report, no sources, no cli.',
      severity: 'error',
      from: { path: '^src/metrics/' },
      to: { path: '^src/(report|sources)/' },
    },
    {
      name: 'sources-only-model',
      comment: 'A source adapter maps an export onto the model; it knows no config, metrics or report.',
      severity: 'error',
      from: { path: '^src/sources/' },
      to: { path: '^src/(config|metrics|report)/' },
    },
    {
      name: 'config-only-model',
      comment: 'config validates the written config; metric knobs and defaults live in config, below metrics.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/(metrics|sources|report)/' },
    },
    {
      name: 'model-is-the-bottom',
      comment:
        'model (the dataset) imports nothing above it. One exception: the SourceKind type comes from the source ' +
        'registry (type-only, nothing runs across), so that a source is one folder and one registry line.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: {
        path: '^src/(config|sources|metrics|report)/',
        pathNot: '^src/sources/registry[.]ts$',
      },
    },
    {
      name: 'model-takes-only-types-from-the-registry',
      comment: 'What model takes from the source registry is a type, never code.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/sources/registry[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'time-is-the-bottom',
      comment: 'Calendar arithmetic is used by every layer and imports none of them.',
      severity: 'error',
      from: { path: '^src/time/' },
      to: { path: '^src/(config|sources|model|metrics|report)/' },
    },
    {
      name: 'no-test-code-in-src',
      comment: 'The product does not import its tests or scripts.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts|bench)/' },
    },
    {
      name: 'duckdb-only-in-model',
      comment: 'Only model knows DuckDB; metrics reach it through the small query helper (model/query.ts).',
      severity: 'error',
      from: { path: '^src/(?!model/)' },
      to: { path: '^node_modules/@duckdb/' },
    },
    {
      name: 'pdfkit-only-in-report-pdf',
      comment: 'Only report/pdf draws PDF.',
      severity: 'error',
      from: { path: '^src/(?!report/pdf/)' },
      to: { path: '^node_modules/pdfkit/' },
    },
    {
      name: 'no-skia-in-src',
      comment: 'Skia (@napi-rs/canvas) is a development dependency: only the tests\' reference chart rendering uses it.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^node_modules/@napi-rs/canvas/' },
    },
    {
      name: 'chartjs-only-in-report-charts',
      comment: 'Only report/charts draws charts.',
      severity: 'error',
      from: { path: '^src/(?!report/charts/)' },
      to: { path: '^node_modules/chart[.]js/' },
    },
    {
      name: 'commander-and-prompts-only-in-cli',
      comment: 'Flags and prompts are the command line; every other layer gets plain values.',
      severity: 'error',
      from: { path: '^src/(?!cli/)' },
      to: { path: '^node_modules/(commander|@inquirer)/' },
    },
    {
      name: 'no-fs-in-metrics-and-model',
      comment: 'metrics and model work on the dataset, not on files.',
      severity: 'error',
      // model/scratch.ts manages DuckDB's own scratch folder (spill files), the dataset's storage.
      from: { path: '^src/(metrics|model)/', pathNot: '^src/model/scratch[.]ts$' },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Core modules stay in so that the fs rule sees them.
    includeOnly: { path: ['^src/', '^node_modules/', '^(node:)?fs(/promises)?$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
