/**
 * Benchmark exports: a Yammer network export, a Slack workspace export and a MediaWiki dump of a
 * given size, written by the seeded generators of scripts/generate and cached under bench/data/
 * (same size and seed -> same bytes, so a second run skips generation). A cache entry counts only
 * once its manifest is written, after the last byte: an interrupted generation is redone.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeMediaWikiDump } from '../scripts/generate/mediawiki-writer.js';
import type { Department } from '../scripts/generate/model.js';
import { Rng } from '../scripts/generate/prng.js';
import { writeSlackExport } from '../scripts/generate/slack-writer.js';
import type { ExportStats } from '../scripts/generate/stats.js';
import { TextFactory } from '../scripts/generate/text.js';
import { writeYammerExport } from '../scripts/generate/yammer-writer.js';

/** Bumped whenever what this file writes changes, so stale caches are regenerated. */
const GENERATOR_VERSION = 2;

export type BenchKind = 'yammer' | 'slack' | 'mediawiki';

/** What the pipeline must find in an export: the generator's own tally, independent of the reader. */
export interface ExpectedCounts {
  /** Message rows / day-file objects / revisions written. */
  records: number;
  /** Records that become activities by default (posts + replies, or wiki revisions). */
  contributions: number;
  posts: number;
  replies: number;
  /** Reaction triples (Slack only). */
  reactions: number;
  /** Wiki revisions (0 for message exports). */
  wikiEdits: number;
}

/** A generated export on disk. */
export interface BenchExport {
  kind: BenchKind;
  /** Messages or revisions asked for. */
  size: number;
  seed: number;
  /** The path to give `pilot-report analyze` (a folder, or the dump file). */
  input: string;
  /** Total bytes on disk and number of files. */
  bytes: number;
  files: number;
  expected: ExpectedCounts;
  /** Seconds the generation took (0 when it came from the cache). */
  generatedSeconds: number;
}

interface Manifest {
  version: number;
  kind: BenchKind;
  size: number;
  seed: number;
  bytes: number;
  files: number;
  expected: ExpectedCounts;
}

/** Returns the export of that kind, size and seed under `root`, generating it when not cached. */
export async function ensureExport(root: string, kind: BenchKind, size: number, seed: number): Promise<BenchExport> {
  const dir = join(root, `${kind}-${size}-s${seed}`);
  const input = kind === 'mediawiki' ? join(dir, 'wiki-history.xml') : dir;
  const cached = await readManifest(dir, kind, size, seed);
  if (cached)
    return {
      kind,
      size,
      seed,
      input,
      bytes: cached.bytes,
      files: cached.files,
      expected: cached.expected,
      generatedSeconds: 0,
    };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const started = performance.now();
  const expected = await writeExport(kind, dir, input, size, seed);
  const generatedSeconds = (performance.now() - started) / 1000;
  const { bytes, files } = await treeSize(dir);
  const manifest: Manifest = { version: GENERATOR_VERSION, kind, size, seed, bytes, files, expected };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { kind, size, seed, input, bytes, files, expected, generatedSeconds };
}

async function readManifest(dir: string, kind: BenchKind, size: number, seed: number): Promise<Manifest | null> {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return null;
  const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (
    !isManifest(parsed) ||
    parsed.version !== GENERATOR_VERSION ||
    parsed.kind !== kind ||
    parsed.size !== size ||
    parsed.seed !== seed
  )
    return null;
  // A cheap integrity check: a file deleted or truncated since generation changes the total.
  const { bytes, files } = await treeSize(dir);
  return bytes === parsed.bytes && files === parsed.files ? parsed : null;
}

function isManifest(value: unknown): value is Manifest {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    'expected' in value &&
    'bytes' in value &&
    'files' in value
  );
}

async function writeExport(
  kind: BenchKind,
  dir: string,
  input: string,
  size: number,
  seed: number,
): Promise<ExpectedCounts> {
  if (kind === 'yammer') {
    const { stats } = await writeYammerExport(dir, { messages: size, seed, texts: new RichTextFactory(seed, size) });
    return fromStats(stats);
  }
  if (kind === 'slack') {
    const { stats } = await writeSlackExport(dir, { messages: size, seed, texts: new RichTextFactory(seed + 1, size) });
    return fromStats(stats);
  }
  // Five revisions per page (the writer's default), by a few hundred editors.
  const editors = Array.from({ length: 300 }, (_, i) => `Editor ${i + 1}`);
  const result = await writeMediaWikiDump(input, { seed, pages: Math.ceil(size / 5), revisionsPerPage: 5, editors });
  const edits = result.revisions - result.anonymous;
  return { records: result.revisions, contributions: edits, posts: 0, replies: 0, reactions: 0, wikiEdits: edits };
}

function fromStats(stats: ExportStats): ExpectedCounts {
  return {
    records: stats.records,
    contributions: stats.contributions,
    posts: stats.posts,
    replies: stats.replies,
    reactions: stats.reactions,
    wikiEdits: 0,
  };
}

/** Bytes and regular files under `dir`, the manifest excluded. */
async function treeSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name === 'manifest.json') continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

/** Lines quoted from "earlier messages", with the characters real exports are full of. */
const QUOTES: readonly string[] = [
  '> Zitat: „Können wir das bis Freitag klären?“',
  '> As Zoë said: "the numbers don\'t add up, see the sheet"',
  '> 田中さん: 来週のレビューで確認します。',
  '> Re: "Q3 — final", 3 attachments',
  '> Ça dépend du budget, on en reparle lundi ?',
];

const CLOSINGS: readonly string[] = [
  'Thanks! 👍',
  'Cheers,\nÅsa',
  'Grüße aus München 🥨',
  'Merci 🙏',
  '-- sent from mobile',
  'Best, Jürgen',
  '🎉🎉',
];

/**
 * The generator's phrase banks make one-line ASCII messages; real bodies are longer and messier.
 * This factory wraps them, deterministically, in quotes, blank lines, commas, double quotes,
 * non-Latin scripts and emoji, so the CSV reader meets quoted multi-line fields and the JSON reader
 * meets escapes and surrogate pairs. The generated counts do not depend on text, only bytes do.
 */
class RichTextFactory extends TextFactory {
  private readonly decor: Rng;

  constructor(seed: number, size: number) {
    const rng = new Rng(seed).fork('bench-text');
    // Uniqueness checks compare every starter pair: only affordable on small exports.
    super(rng.fork('phrases'), size < 5000);
    this.decor = rng.fork('decor');
  }

  override starter(department: Department, suffix = ''): string {
    return this.decorate(super.starter(department, suffix));
  }

  override reply(): string {
    return this.decorate(super.reply());
  }

  private decorate(text: string): string {
    const r = this.decor;
    const parts: string[] = [];
    if (r.chance(0.3)) parts.push(r.pick(QUOTES), '');
    parts.push(text);
    if (r.chance(0.25))
      parts.push(`Details, "as discussed": item ${r.int(1, 40)}, owner TBD, due ${r.int(1, 28)}.${r.int(1, 12)}.`);
    if (r.chance(0.4)) parts.push('', r.pick(CLOSINGS));
    return parts.join('\n');
  }
}
