import type { Query } from '../../model/query.js';
import type { Period } from '../types.js';
import { contentOf } from './clean-text.js';
import type { ComparedItems } from './compared-items.js';
import { redundancyTexts } from './queries.js';

/**
 * The compared content (see {@link contentOf}: links, mentions, greetings removed) of the wanted
 * items, by item index. The comparison keeps texts as term ids only, so a model that reads whole
 * sentences gets them streamed out of DuckDB again, for these items only.
 */
export async function comparedTexts(
  query: Query,
  period: Period,
  cap: number,
  items: ComparedItems,
  wanted: readonly number[],
): Promise<Map<number, string>> {
  const indexOf = new Map<string, number>();
  for (const k of wanted) indexOf.set(`${items.isPage[k] === 1 ? 'p' : 't'}:${items.ids[k] ?? ''}`, k);
  const texts = new Map<number, string>();
  for await (const batch of redundancyTexts(query, period.since, period.until, cap)) {
    for (const row of batch) {
      const k = indexOf.get(`${row.is_page ? 'p' : 't'}:${row.item_id}`);
      if (k !== undefined) texts.set(k, contentOf(row.body));
    }
  }
  return texts;
}
