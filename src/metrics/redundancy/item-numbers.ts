import type { Query } from '../../model/query.js';

/**
 * How `itemsSql` (queries.ts) numbers the items' spaces and authors (equal numbers, equal ids): `joined`,
 * each id ranked among the distinct ids and joined back; `hashed`, each id hashed into a
 * non-negative INTEGER, without a join. DuckDB builds the joins' hash tables on the items, texts
 * and all (it takes the distinct ids, which it estimates larger, as the probe side): on 1M Yammer
 * messages the two joins were 0.8-1.0 s of the texts' query's 1.4-1.7 s of CPU (bench/README.md
 * s15-c). Hashed numbers are exact only while no two ids share one: {@link itemNumbers} checks it.
 */
export type ItemNumbers = 'joined' | 'hashed';

/** The numbers hashed ids take: [0, 2^31 - 1), an Int32Array's (a test narrows it to force clashes). */
export const HASHED_NUMBERS = 2 ** 31 - 1;

/** The space's number, as `itemsSql` (queries.ts) with `numbers` gives it. */
export function spaceNo(numbers: ItemNumbers): string {
  return numbers === 'joined' ? 'n.space_no' : '(hash(i.space_id) % $numbers::UBIGINT)::INTEGER AS space_no';
}

/** The author's number, as `itemsSql` (queries.ts) with `numbers` gives it. */
export function authorNo(numbers: ItemNumbers): string {
  return numbers === 'joined' ? 'p.author_no' : '(hash(i.author) % $numbers::UBIGINT)::INTEGER AS author_no';
}

/**
 * `hashed` when no two spaces (NULL included) and no two persons of the activities share a hashed
 * number, else `joined`: the numbers `itemsSql` can give exactly (0.06 s of CPU on 1M Yammer
 * messages).
 */
export async function itemNumbers(query: Query): Promise<ItemNumbers> {
  const [row] = await query.all<{ distinct: boolean | null }>(
    `SELECT count(DISTINCT space_id) + max((space_id IS NULL)::INTEGER) = count(DISTINCT hash(space_id) % $numbers::UBIGINT)
            AND count(DISTINCT person_id) = count(DISTINCT hash(person_id) % $numbers::UBIGINT) FILTER (WHERE person_id IS NOT NULL) AS distinct
     FROM activities`,
    { numbers: HASHED_NUMBERS },
  );
  return row?.distinct === true ? 'hashed' : 'joined';
}
