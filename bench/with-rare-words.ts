/**
 * A kept dataset with rare words added, for measuring duplicate efforts (issue 16, item 3): the
 * bench generator writes its texts from phrase banks, so no word of its corpus is held by 2 to 200
 * texts and no pair is ever a candidate. This copies FILE.duckdb to OUT.duckdb and appends to each
 * thread starter `words` words drawn, by a hash of the post's id (so the same file always gives
 * the same words), from a vocabulary of `vocabulary` made-up words with a Zipf-like law
 * (P(rank r) ∝ 1/r, as real vocabularies have), so that many words are held by a few texts.
 *
 *   npx tsx bench/with-rare-words.ts FILE.duckdb OUT.duckdb [words=3] [vocabulary=200000]
 */
import { copyFile, rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';

async function main(): Promise<void> {
  const [from, to, words = '3', vocabulary = '200000'] = process.argv.slice(2);
  if (!from || !to)
    throw new Error('usage: npx tsx bench/with-rare-words.ts FILE.duckdb OUT.duckdb [words] [vocabulary]');
  await rm(to, { force: true });
  await copyFile(from, to);
  const instance = await DuckDBInstance.create(to, { autoinstall_known_extensions: 'false' });
  const connection = await instance.connect();
  // Rank = floor(V^u) for a uniform u is log-uniform over 1..V: P(r) ∝ 1/r. A word is a letter
  // and the rank in base 36 with letters only (no bare number, no stop word, nothing folded away).
  await connection.run(
    `UPDATE activities SET text = concat_ws(' ', text, (
       SELECT string_agg('q' || translate(lower(to_base(floor(pow($v::DOUBLE, (hash(activity_id || '#' || w) % 1000003) / 1000003.0))::BIGINT, 36)),
                                          '0123456789', 'ghjkmnprtv') || 'x', ' ')
       FROM range($n::INTEGER) r(w)))
     WHERE kind = 'post'`,
    { v: Number(vocabulary), n: Number(words) },
  );
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS posts, any_value(text) AS example FROM activities WHERE kind = 'post'`,
  );
  process.stdout.write(
    `${JSON.stringify(reader.getRowObjectsJS()[0], (_, v) => (typeof v === 'bigint' ? Number(v) : v))}\n`,
  );
  connection.closeSync();
  instance.closeSync();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
