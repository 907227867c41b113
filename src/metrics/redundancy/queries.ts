import type { Query } from '../../model/query.js';

/** A thread starter or a wiki page, with the text it is compared on (capped). */
export interface ItemRow extends Record<string, string | number | boolean | null | readonly (string | number | null)[]> {
  item_id: string;
  kind: 'thread' | 'wikiPage';
  space_id: string;
  space_name: string;
  is_private: boolean;
  first_at: string;
  last_at: string;
  /** Thread title or page title, when there is one. */
  title: string | null;
  /** Title and text joined, at most `$cap` characters. */
  body: string;
  /** Authors (thread starter) or editors (page), person ids. */
  people: readonly string[];
}

/**
 * Items that may duplicate each other: thread starters (message sources) started in the period,
 * and wiki pages revised before the period end. Wiki dumps keep no page text, so a page is its
 * title plus the summary of its first revision (MediaWiki's "Created page with ..." carries the
 * page's opening words). Only these texts leave DuckDB, cut to `$cap` characters.
 */
export function redundancyItems(query: Query, since: string, until: string, cap: number): Promise<ItemRow[]> {
  return query.all<ItemRow>(
    `
    WITH thread_items AS (
      SELECT activity_id AS item_id, 'thread' AS kind, space_id, occurred_at AS first_at, occurred_at AS last_at,
             nullif(trim(title), '') AS title, concat_ws(' ', title, text) AS body, [person_id] AS people
      FROM activities
      WHERE kind = 'post' AND source <> 'mediawiki'
        AND occurred_at >= $since::TIMESTAMPTZ AND occurred_at < $until::TIMESTAMPTZ),
    page_items AS (
      SELECT thread_id AS item_id, 'wikiPage' AS kind, any_value(space_id) AS space_id,
             min(occurred_at) AS first_at, max(occurred_at) AS last_at,
             nullif(trim(arg_max(title, occurred_at)), '') AS title,
             concat_ws(' ', arg_max(title, occurred_at), arg_min(text, occurred_at)) AS body,
             list(DISTINCT person_id ORDER BY person_id) AS people
      FROM activities
      WHERE kind IN ('page_create', 'page_edit') AND occurred_at < $until::TIMESTAMPTZ
      GROUP BY thread_id),
    items AS (SELECT * FROM thread_items UNION ALL SELECT * FROM page_items)
    SELECT i.item_id, i.kind, i.space_id, coalesce(s.name, i.space_id) AS space_name, coalesce(s.is_private, false) AS is_private,
           i.first_at, i.last_at, i.title, left(i.body, $cap::INTEGER) AS body, i.people
    FROM items i LEFT JOIN spaces s USING (space_id)
    WHERE trim(i.body) <> ''
    ORDER BY i.first_at, i.item_id`,
    { since, until, cap },
  );
}

/** Display names of the given persons. */
export async function personNames(query: Query, ids: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await query.all<{ person_id: string; name: string | null }>(
    `WITH wanted AS (SELECT unnest(string_split($ids, chr(10))) AS person_id)
     SELECT person_id, name FROM persons WHERE person_id IN (SELECT person_id FROM wanted)`,
    { ids: ids.join('\n') },
  );
  return new Map(rows.map((r) => [r.person_id, r.name]));
}
