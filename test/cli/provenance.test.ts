import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/defaults.js';
import {
  canonicalJson,
  computeProvenance,
  configHash,
  hashStream,
  runOutputs,
  sha256Hex,
} from '../../src/cli/provenance.js';
import { InputError } from '../../src/errors.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

// Every temp folder this file makes is removed when it is done, also after a failure.
afterAll(removeTempDirs);

// FIPS 180-2 test vectors.
const SHA256_ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const SHA256_EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function folder(files: Record<string, string>): string {
  const dir = makeTempDir('pilot-report-provenance-');
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

function withCwd<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  return run().finally(() => process.chdir(before));
}

describe('hashing', () => {
  it('gives the known sha256 of "abc" and of nothing', async () => {
    expect(sha256Hex('abc')).toBe(SHA256_ABC);
    expect(sha256Hex('')).toBe(SHA256_EMPTY);
    expect(await hashStream(Readable.from([Buffer.from('a'), Buffer.from('bc')]))).toEqual({
      sha256: SHA256_ABC,
      bytes: 3,
    });
  });

  it('hashes a stream chunk by chunk to the same value as the whole', async () => {
    const text = 'x'.repeat(100_000);
    const chunks = Array.from({ length: 100 }, () => Buffer.from('x'.repeat(1000)));
    expect(await hashStream(Readable.from(chunks))).toEqual({ sha256: sha256Hex(text), bytes: 100_000 });
  });

  it('writes canonical JSON with sorted keys at every level and no undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: true, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('hashes equal configs equally whatever their key order, and different configs differently', () => {
    const one = normalizeConfig({ timeZone: 'Europe/Berlin', strict: true });
    const two = normalizeConfig({ strict: true, timeZone: 'Europe/Berlin' });
    expect(configHash(one)).toBe(configHash(two));
    expect(configHash(one)).toBe(sha256Hex(canonicalJson(one)));
    expect(configHash(one)).not.toBe(configHash(normalizeConfig({ timeZone: 'Europe/Berlin' })));
  });
});

describe('computeProvenance', () => {
  it('lists a file, every file of a folder (sorted, paths as given) and the side files', async () => {
    const dir = folder({
      'export/Messages.csv': 'abc',
      'export/sub/Users.csv': '',
      'wiki.xml': 'abc',
      'people.csv': '',
    });
    const config = normalizeConfig({ people: 'people.csv' });
    const provenance = await withCwd(dir, () =>
      computeProvenance(['yammer:export/', 'wiki.xml', 'wiki.xml'], config, { version: '9.9.9' }),
    );
    expect(provenance).toEqual({
      tool: { name: 'pilot-report', version: '9.9.9' },
      configHash: configHash(config),
      inputs: [
        { path: 'export/Messages.csv', sha256: SHA256_ABC, bytes: 3 },
        { path: 'export/sub/Users.csv', sha256: SHA256_EMPTY, bytes: 0 },
        { path: 'wiki.xml', sha256: SHA256_ABC, bytes: 3 },
        { path: 'people.csv', sha256: SHA256_EMPTY, bytes: 0 },
      ],
    });
  });

  it("leaves the run's own outputs out of a folder input", async () => {
    const dir = folder({
      'Messages.csv': 'abc',
      'pilot-report-out/metrics.json': '{}',
      'pilot-report-out/report.pdf': '%PDF',
    });
    const config = normalizeConfig({});
    const provenance = await withCwd(dir, () =>
      computeProvenance(['.'], config, { version: '1.0.0', exclude: runOutputs(config) }),
    );
    expect(provenance.inputs).toEqual([{ path: './Messages.csv', sha256: SHA256_ABC, bytes: 3 }]);
  });

  it('throws an InputError naming a missing input', async () => {
    const dir = folder({});
    await expect(
      withCwd(dir, () => computeProvenance(['gone.zip'], normalizeConfig({}), { version: '1.0.0' })),
    ).rejects.toThrow(InputError);
    await expect(
      withCwd(dir, () => computeProvenance(['gone.zip'], normalizeConfig({}), { version: '1.0.0' })),
    ).rejects.toThrow(/^gone\.zip: does not exist/);
  });
});

describe('runOutputs', () => {
  it('lists the output folder and files but not stdout, and the files DuckDB writes beside a kept dataset', () => {
    expect(runOutputs(normalizeConfig({ json: '-', pdf: 'r.pdf', dataset: 'd.duckdb' }))).toEqual([
      './pilot-report-out/',
      'r.pdf',
      'd.duckdb',
      'd.duckdb.wal',
      'd.duckdb.tmp',
    ]);
  });
});
