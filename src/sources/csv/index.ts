import { InputError } from '../../errors.js';
import type { SourceRecord } from '../../model/types.js';
import { openCsv } from '../shared/csv-records.js';
import type { InputFile, InputTree, Source, SourceContext } from '../types.js';
import {
  ENGINE_MIN_BYTES,
  INSERT_BATCH_ROWS,
  readCsvInEngine,
  type EngineLoad,
  type SentSoFar,
} from './engine-read.js';
import { mapRow, type RowContext } from './map-row.js';
import { findMappingFile, loadMappingFile, MAPPING_FILE, MAPPING_HINT, type CsvMapping } from './mapping.js';
import { compileTimestampFormat } from './timestamp-format.js';

export { MAPPING_FILE, parseCsvMapping, type CsvMapping } from './mapping.js';

const CSV_FILE = /\.(csv|tsv)$/i;

/**
 * A generic chat-log CSV from a tool pilot-report does not know, read through a column mapping.
 * `mapping` comes from the config; without one, each CSV needs a `pilot-report.csv.json` beside
 * it. A config mapping wins over a mapping file. Detection only fires when a mapping file is
 * present (a bare CSV is too common to claim); `csv:path` forces the kind.
 */
export function createCsvSource(
  mapping: CsvMapping | null = null,
  engineMinBytes = ENGINE_MIN_BYTES,
  engineBatchRows = INSERT_BATCH_ROWS,
): Source {
  return {
    kind: 'csv',
    title: 'generic CSV chat log',
    // A mapping without a reaction column records none (the account says so, see capabilitiesOf).
    records: { messages: true, reactions: true, wiki: false },
    // Read like Yammer's CSV (csv-parse, one record per row).
    readSecondsPerMb: 0.1,
    folderExport: false,
    accounts: {
      label: 'the CSV export',
      adjective: 'CSV',
      userNames: false,
      handleIsEmailLocalPart: false,
      aliasPrefixes: [],
      normalizeId: (id) => id,
    },
    detect: async (input) => {
      for (const file of input.files) if (CSV_FILE.test(file.name) && (await findMappingFile(input, file))) return true;
      return false;
    },
    read: (input, ctx) => readCsvInput(input, ctx, mapping, { minBytes: engineMinBytes, batchRows: engineBatchRows }),
  };
}

/** The registry's instance: mappings come from `pilot-report.csv.json` files. */
export const csvSource = createCsvSource();

async function* readCsvInput(
  input: InputTree,
  ctx: SourceContext,
  configMapping: CsvMapping | null,
  inEngine: EngineSizes,
): AsyncGenerator<SourceRecord> {
  const files = input.files.filter((f) => CSV_FILE.test(f.name));
  if (files.length === 0) throw new InputError(input.displayPath, null, 'holds no .csv file');
  const sent: SentSoFar = { identities: new Map(), spaces: new Map() };
  for (const file of files) {
    const found = configMapping ? null : await findMappingFile(input, file);
    if (!configMapping && !found) {
      throw new InputError(file.displayPath, null, 'has no column mapping', {
        hint: `give one in the config (csvMapping) or in ${MAPPING_FILE} beside the file: ${MAPPING_HINT}`,
      });
    }
    const mapping = configMapping ?? (found ? await loadMappingFile(found) : null);
    if (mapping) yield* readCsvFile(file, mapping, ctx, sent, inEngine);
  }
}

/** Files from `minBytes` on are loaded by SQL (engine-read.ts), `batchRows` rows per insert. */
interface EngineSizes {
  minBytes: number;
  batchRows: number;
}

async function* readCsvFile(
  file: InputFile,
  mapping: CsvMapping,
  ctx: SourceContext,
  sent: SentSoFar,
  sizes: EngineSizes,
): AsyncGenerator<SourceRecord> {
  const parseTime = compileTimestampFormat(mapping.timestampFormat ?? 'iso');
  if (typeof parseTime === 'string')
    throw new InputError(file.displayPath, null, `cannot be read: ${parseTime}`, { hint: MAPPING_HINT });
  const rowCtx: RowContext = {
    mapping,
    parseTime,
    file,
    defaultSpace: mapping.spaceName ?? baseName(file.name),
    includePrivate: ctx.options.includePrivate,
    threadOf: new Map(),
  };
  const inEngine = await readCsvInEngine(file, rowCtx, ctx, sent, sizes.minBytes, sizes.batchRows);
  if (inEngine) {
    ctx.fileRead(file.displayPath);
    checkMapping(mapping, ctx, file.displayPath, 1);
    yield* finishInEngine(inEngine, file.displayPath, ctx);
    return;
  }
  const table = await openCsv(file, ctx.problem);
  ctx.fileRead(file.displayPath);
  checkColumns(mapping, table.columns, file.displayPath, table.headerLine);
  checkMapping(mapping, ctx, file.displayPath, table.headerLine);
  for await (const item of table.rows()) {
    const at = { file: file.displayPath, line: item.line };
    if (item.type === 'malformed') {
      ctx.skip('malformed', at, item.detail); // openCsv already reported the problem
      continue;
    }
    const outcome = mapRow(item.fields, item.line, rowCtx);
    if (!outcome.use) {
      if (outcome.problem) ctx.problem({ ...at, reason: outcome.reason, detail: outcome.detail });
      ctx.skip(outcome.reason, at, outcome.detail);
      continue;
    }
    // A space turns private for good once a private row is seen; the last version sent wins.
    const wasPrivate = sent.spaces.get(outcome.space.id);
    if (wasPrivate === undefined || (outcome.space.isPrivate && !wasPrivate)) {
      sent.spaces.set(outcome.space.id, outcome.space.isPrivate);
      yield { type: 'space', space: outcome.space };
    }
    const email = sent.identities.get(outcome.identity.id);
    if (email === undefined || (email === null && outcome.identity.email !== null)) {
      sent.identities.set(outcome.identity.id, outcome.identity.email);
      yield { type: 'identity', identity: outcome.identity };
    }
    yield { type: 'activity', activity: outcome.activity };
  }
}

/** What the mapping itself tells the reader: no reactions, or replies that cannot be joined. */
function checkMapping(mapping: CsvMapping, ctx: SourceContext, file: string, headerLine: number): void {
  if (!mapping.reactionTo) ctx.withoutReactions();
  if (!mapping.messageId && (mapping.parentId || mapping.threadId || mapping.reactionTo)) {
    const detail =
      'the mapping names no messageId column, so replies and reactions cannot be joined to the messages they answer';
    ctx.problem({ file, line: headerLine, reason: 'mapping', detail });
  }
}

/**
 * The accounting of a file loaded by SQL, and the rows SQL left, in file order: skips with their
 * problem, activities for load.ts to screen and append (their identities and spaces are in).
 */
async function* finishInEngine(load: EngineLoad, file: string, ctx: SourceContext): AsyncGenerator<SourceRecord> {
  ctx.engine?.inserted(load.inserted);
  for (const { line, outcome } of load.leftovers) {
    const at = { file, line };
    if (outcome.use) yield { type: 'activity', activity: outcome.activity };
    else {
      if (outcome.problem) ctx.problem({ ...at, reason: outcome.reason, detail: outcome.detail });
      ctx.skip(outcome.reason, at, outcome.detail);
    }
  }
  await load.laterRowsWin();
}

/** Every mapped column must be in the header: a typo would otherwise silently empty a field. */
function checkColumns(mapping: CsvMapping, columns: readonly string[], file: string, headerLine: number): void {
  const { timestampFormat: _format, spaceName: _name, ...columnKeys } = mapping;
  for (const [key, column] of Object.entries(columnKeys)) {
    if (column !== undefined && !columns.includes(column.trim().toLowerCase())) {
      throw new InputError(file, headerLine, `column "${column}" (mapping ${key}) is not in the header`, {
        hint: `the header has: ${columns.join(', ') || '(nothing)'}`,
      });
    }
  }
}

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1).replace(/\.(csv|tsv)$/i, '');
}
