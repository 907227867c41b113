import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_KINDS } from '../../src/sources/registry.js';
import { REPO_ROOT } from '../helpers/cli.js';

/**
 * Issue 17: a source is one folder and one registry line. Code outside a source's folder and the
 * registry asks the registry (capabilities, traits, thread links, reading cost) instead of naming
 * a kind, so adding a source touches nothing else. This test finds a kind written as a string
 * (`'slack'`, `"mediawiki"`, `` `teams:` ``, `'csv:'`) in code outside those homes; comments are not code.
 */

/** Where a kind's name may be written, with why. */
const ALLOWED: Record<string, string> = {
  'src/sources/registry.ts': 'the registry names every kind',
  'src/config/schema.ts': "the config keys' descriptions show users examples (`csv:` inputs, `yammer:1488`)",
  'src/metrics/ideas/schema.ts': 'a field description in metrics.json lists the kinds as examples',
  // metrics.json's schema is a published contract that lists the kinds; metrics may not import the
  // registry, so document-schema.ts checks at compile time that this enum infers to SourceKind.
  'src/metrics/data-quality-schema.ts':
    "metrics.json's `sources[].kind` enum (checked against the registry's SourceKind)",
};

function sourceFiles(): string[] {
  return readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `src/${file.split(path.sep).join('/')}`)
    .sort();
}

/** The file's text without comments: `//` to the end of a line, and `/* ... *\/` blocks. */
function codeOf(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('source kinds are named only in their homes', () => {
  const kinds = SOURCE_KINDS.join('|');
  const named = new RegExp(`['"\`](?:${kinds})['"\`:]`);
  const home = new RegExp(`^src/sources/(?:${kinds})/`);

  it('finds a kind named in code (the check can fail)', () => {
    expect(named.test(codeOf("if (row.source === 'mediawiki') skip();"))).toBe(true);
    expect(named.test(codeOf("// a comment about 'slack'\nconst x = 1;"))).toBe(false);
    expect(named.test(codeOf('/** `teams:<id>` in a doc comment */ const y = 2;'))).toBe(false);
  });

  it('no code outside src/sources/<kind>/ and the allowed files names a kind', () => {
    const offenders = sourceFiles()
      .filter((file) => !home.test(file) && !(file in ALLOWED))
      .flatMap((file) =>
        codeOf(readFileSync(path.join(REPO_ROOT, file), 'utf8'))
          .split('\n')
          .filter((line) => named.test(line))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('every allowed file exists', () => {
    const files = new Set(sourceFiles());
    expect(Object.keys(ALLOWED).filter((file) => !files.has(file))).toEqual([]);
  });
});
