import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivityKind } from '../../src/model/types.js';
import { folderTree, singleFileTree } from '../../src/sources/input-tree.js';
import { DETECTION_ORDER, SOURCE_KINDS, SOURCES, type SourceKind } from '../../src/sources/registry.js';
import type { InputTree } from '../../src/sources/types.js';
import { runSource } from './mediawiki/run-source.js';

const root = path.resolve(import.meta.dirname, '../..');
const sourcesDir = path.join(root, 'src/sources');

/** Adapter folders: a folder of src/sources with an index.ts (shared readers have none). */
function adapterFolders(): string[] {
  return readdirSync(sourcesDir, { withFileTypes: true })
    .filter(
      (d) =>
        d.isDirectory() && statSync(path.join(sourcesDir, d.name, 'index.ts'), { throwIfNoEntry: false })?.isFile(),
    )
    .map((d) => d.name)
    .sort();
}

/** One real export per kind, from the sample pilot where it has one. */
const SAMPLES: Record<SourceKind, () => Promise<InputTree>> = {
  yammer: () => folderTree(path.join(root, 'fixtures/sample-pilot/yammer')),
  slack: () => folderTree(path.join(root, 'fixtures/sample-pilot/slack')),
  mediawiki: () => singleFileTree(path.join(root, 'fixtures/sample-pilot/wiki/aurora-wiki.xml')),
  teams: () => folderTree(path.join(root, 'test/fixtures/teams/channel-page-rules/export')),
  csv: () => folderTree(path.join(root, 'test/fixtures/csv/replies-reaction-private-bad-rows')),
};

describe('the source registry (a source is one folder and one registry line)', () => {
  it('has one entry per adapter folder, each under its own kind', () => {
    expect([...SOURCE_KINDS].sort()).toEqual(adapterFolders());
    for (const kind of SOURCE_KINDS) {
      expect(SOURCES[kind].kind).toBe(kind);
      expect(SOURCES[kind].title.trim()).not.toBe('');
    }
  });

  it('detection tries every source once, the generic CSV last', () => {
    expect([...DETECTION_ORDER].sort()).toEqual([...SOURCE_KINDS].sort());
    expect(new Set(DETECTION_ORDER).size).toBe(DETECTION_ORDER.length);
    expect(DETECTION_ORDER.at(-1)).toBe('csv');
  });

  it.each(SOURCE_KINDS.map((kind) => [kind]))(
    'detection in registry order picks %s for its own export',
    async (kind) => {
      const tree = await SAMPLES[kind]();
      try {
        let detected: SourceKind | null = null;
        for (const candidate of DETECTION_ORDER) {
          if (await SOURCES[candidate].detect(tree)) {
            detected = candidate;
            break;
          }
        }
        expect(detected).toBe(kind);
      } finally {
        await tree.close();
      }
    },
  );

  // The metrics rely on what a kind declares: threads are `post` activities, wiki figures are
  // page creations and edits, reactions are null unless a loaded kind records them.
  it.each(SOURCE_KINDS.map((kind) => [kind]))('%s records what it declares, and nothing it does not', async (kind) => {
    const tree = await SAMPLES[kind]();
    try {
      const run = await runSource(SOURCES[kind], tree);
      const kinds = new Set<ActivityKind>(run.activities.map((a) => a.kind));
      const has = (...wanted: ActivityKind[]): boolean => wanted.some((k) => kinds.has(k));
      expect({
        messages: has('post', 'reply'),
        reactions: has('reaction'),
        wiki: has('page_create', 'page_edit'),
      }).toEqual(SOURCES[kind].records);
    } finally {
      await tree.close();
    }
  });
});
