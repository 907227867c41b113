import { describe, expect, it } from 'vitest';
import type { RedundancyCluster } from '../../../src/metrics/redundancy/index.js';
import { renderReport, type RenderOptions } from '../../../src/report/pdf/index.js';
import { ITEMS_SHOWN, itemLines, reasonLine, suggestion } from '../../../src/report/pdf/sections/duplicates.js';
import { readPdf } from '../../helpers/pdf-text.js';
import { renderedText } from '../../helpers-fast/rendered-pdf.js';
import { sectionsOnly } from '../../helpers-fast/section-pdf.js';
import { richDocument, richRenderOptions, richRedundancy } from './rich-document.js';

// The duplicate efforts are drawn in "Across the organization": that section alone
// (helpers-fast/section-pdf.ts) prints what the full report prints there.
const options: RenderOptions = { ...richRenderOptions(), template: sectionsOnly(['organization']) };

/** The rich document's cluster grown to `count` items (thread k in space `Team k`). */
function bigCluster(count: number): RedundancyCluster {
  const [base] = richRedundancy().clusters;
  if (!base) throw new Error('the rich document has a cluster');
  const [first] = base.items;
  if (!first) throw new Error('the rich cluster has items');
  const items = Array.from({ length: count }, (_, k) => ({
    ...first,
    id: `t${k}`,
    spaceId: `s:${k}`,
    space: `Team ${k}`,
    title: `Shared forklift booking sheet, copy number ${k} for this team`,
  }));
  return { ...base, items, spaces: count };
}

describe('duplicate-effort clusters in the PDF', () => {
  it('gives each cluster a one-line suggestion: the action, the spaces and where it started first', () => {
    const cluster = bigCluster(3);
    const dated = {
      ...cluster,
      people: 4,
      action: 'writeFaq' as const,
      items: cluster.items.map((item, k) => ({ ...item, firstAt: `2026-0${5 - k}-10T09:00:00.000Z` })),
    };
    // Team 2 started first (2026-03-10), then Team 1 (April), then Team 0 (May).
    expect(suggestion(dated, 'UTC')).toBe(
      'Suggestion: write an FAQ or wiki page: the same thing keeps coming back; connect the 4 people behind it in Team 2, Team 1 and Team 0 (it started first in Team 2 on 10 Mar 2026).',
    );
  });

  it('counts private spaces in the suggestion instead of naming them, and hides the shared words', () => {
    const cluster = bigCluster(3);
    const privately = (k: number) => ({ space: '(private space)', firstAt: `2026-0${3 + k}-10T09:00:00.000Z` });
    const mixed = {
      ...cluster,
      people: 2,
      action: 'linkThreads' as const,
      sharedTerms: [],
      items: [
        { ...cluster.items[0]!, ...privately(1) },
        { ...cluster.items[2]!, firstAt: '2026-03-01T09:00:00.000Z' },
      ],
    };
    expect(suggestion(mixed, 'UTC')).toBe(
      'Suggestion: link the two threads, so that whoever finds one finds the other; connect the 2 people behind it in Team 2 and a private space (it started first in Team 2 on 1 Mar 2026).',
    );
    expect(reasonLine(mixed)).toBe('Why: they share rare words (not shown: a private space is involved).');
    // Even when metrics.json lists words (an older or edited file), a private item hides them.
    expect(reasonLine({ ...mixed, sharedTerms: ['liblzma', 'mac'] })).toBe(
      'Why: they share rare words (not shown: a private space is involved).',
    );
    expect(reasonLine({ ...cluster, sharedTerms: ['liblzma', 'mac'] })).toBe(
      'Why: both use the rare words “liblzma”, “mac”.',
    );
  });

  it('lists at most 4 items of a cluster, then how many more', () => {
    expect(ITEMS_SHOWN).toBe(4);
    expect(itemLines(bigCluster(219)).split('\n')).toEqual([
      'Team 0: Shared forklift booking sheet, copy number 0 for this team (2 replies)',
      'Team 1: Shared forklift booking sheet, copy number 1 for this team (2 replies)',
      'Team 2: Shared forklift booking sheet, copy number 2 for this team (2 replies)',
      'Team 3: Shared forklift booking sheet, copy number 3 for this team (2 replies)',
      'and 215 more, listed in metrics.json',
    ]);
    expect(itemLines(bigCluster(4)).split('\n')).toHaveLength(4);
  });

  it('lists cross-posts apart, by person, with the spaces and the time between', async () => {
    const text = (await renderedText(richDocument(), options)).pages.join(' ');
    expect(text).toContain('4 posts were left out as recurring templates.');
    expect(text).toContain('Cross-posts (7)');
    expect(text).toContain('Ana Ruiz in Ops and Logistics, 3 min apart: Canteen closed on Friday');
    expect(text).toContain('and 6 more (metrics.json lists up to 1).');
  });

  it('says "1 post was" for a single template left out', async () => {
    const doc = richDocument();
    if (!doc.redundancy) throw new Error('the rich document has duplicate efforts');
    const one = { ...doc, redundancy: { ...doc.redundancy, templatesLeftOut: 1 } };
    const text = (await renderedText(one, options)).pages.join(' ');
    expect(text).toContain('1 post was left out as recurring templates.');
    expect(text).not.toContain('1 posts');
  });

  it('keeps a cluster of 219 items to the pages a small cluster takes', async () => {
    const small = richDocument();
    const big = richDocument();
    big.redundancy = { ...richRedundancy(), clusters: [bigCluster(219)] };
    const smallPages = (await renderedText(small, options)).pages;
    const bigPages = (await readPdf(await renderReport(big, options))).pages;
    expect(bigPages.length).toBe(smallPages.length);
    const text = bigPages.join(' ');
    expect(text).toContain('and 215 more, listed in metrics.json');
    expect(text).not.toContain('copy number 4 ');
  });
});

describe('the method behind the duplicate efforts', () => {
  it('reads a section matched by meaning (LSA) and prints its method, which names the matcher', async () => {
    const method =
      'Two posts also match by meaning (LSA). Matcher: rare terms and LSA over the export itself; no language model is used.';
    const document = richDocument();
    document['redundancy'] = { ...richRedundancy(), matcher: 'rare-terms+lsa', method };
    const text = (await readPdf(await renderReport(document, options))).pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Matcher: rare terms and LSA over the export itself');
    expect(text).toContain('Cross-posts (7)');
  });
});
