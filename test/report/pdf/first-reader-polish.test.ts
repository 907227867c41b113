import { describe, expect, it } from 'vitest';
import { renderReport, type RenderOptions } from '../../../src/report/pdf/index.js';
import { safeTitle, shownTitle } from '../../../src/report/pdf/sections/common.js';
import type { MetricsDocument } from '../../../src/report/json/document.js';
import { readPdf } from '../../helpers/pdf-text.js';
import { renderedText } from '../../helpers-fast/rendered-pdf.js';
import { sectionsOnly } from '../../helpers-fast/section-pdf.js';
import type { SectionId } from '../../../src/report/pdf/template.js';
import {
  richDocument,
  richIdeas,
  richIdentities,
  richNetwork,
  richRecognition,
  richRedundancy,
} from './rich-document.js';

const options: RenderOptions = {
  generatedAt: new Date('2026-04-02T08:00:00Z'),
  identities: richIdentities(),
  config: { minGroupSize: 5 },
};

/**
 * Text of the rendered report, pages joined (drawn once per worker for the same document): the whole
 * report, or only `sections` when a test reads the section that draws what it changed.
 */
async function reportText(data: MetricsDocument, sections?: readonly SectionId[]): Promise<string> {
  const template = sections ? sectionsOnly(sections) : undefined;
  return (await renderedText(data, template ? { ...options, template } : options)).pages.join(' ');
}

// Exactly 100 code points, as metrics.json keeps a longer text: the last word is cut ("tick").
const CUT = 'Route after-hours support calls to an on-call rotation instead of the shared mailbox, so urgent tick';
const CUT_THREAD =
  'Has anyone mapped which KB article answers which of the top 20 support questions & links the right K';

describe('shownTitle', () => {
  it('marks a title of exactly 100 code points as cut, and leaves shorter ones alone', () => {
    expect(CUT).toHaveLength(100);
    // It ends at the last whole word: "so urgent…", not the typo-like "so urgent tick…".
    expect(shownTitle(CUT)).toBe(`${CUT.slice(0, CUT.lastIndexOf(' '))}…`);
    expect(shownTitle(CUT.slice(0, 99))).toBe(CUT.slice(0, 99));
    // A cut that ends on a blank: the blank goes before the ellipsis.
    expect(shownTitle(`${'a'.repeat(98)} b`.slice(0, 100).replace(/b$/, ' '))).toBe(`${'a'.repeat(98)}…`);
  });

  it('counts code points, not UTF-16 units', () => {
    // 99 astral letters are 198 UTF-16 units but 99 code points: not cut. 100 of them are.
    expect(shownTitle('𝔸'.repeat(99))).toBe('𝔸'.repeat(99));
    expect(shownTitle('𝔸'.repeat(100))).toBe(`${'𝔸'.repeat(100)}…`);
  });

  it('cuts further to a maximum length, the ellipsis included', () => {
    expect(shownTitle('Quiet hours for the shop-floor chat', 12)).toBe('Quiet hours…');
    expect(shownTitle('Short', 12)).toBe('Short');
  });

  it('drops a full stop where the cut falls after one: "summary…", not "summary.…"', () => {
    // The sample pilot's unanswered threads printed "Brussels leadership wants a summary.…": the
    // kept text ended in "summary. N", and the cut went back to the last whole word.
    const text =
      'Does it apply to contractors? Brussels leadership wants a summary. Nothing changes for weekend crews.';
    expect(shownTitle(text, 69)).toBe('Does it apply to contractors? Brussels leadership wants a summary…');
    // Three dots typed by the author go with it; a question mark stays.
    expect(shownTitle('Who maintains the search... the old team?', 30)).toBe('Who maintains the search…');
    expect(shownTitle('Who owns it? Nobody knows', 15)).toBe('Who owns it?…');
  });

  it('never shows a private space’s title, cut or not', () => {
    expect(safeTitle('(private space)', CUT, '(private)')).toBe('(private)');
    expect(safeTitle('Ops', CUT, '(private)')).toBe(`${CUT.slice(0, CUT.lastIndexOf(' '))}…`);
  });
});

describe('cut titles in the PDF', () => {
  it('end with an ellipsis in the stories, stalled ideas, unanswered threads and duplicates', async () => {
    const data = richDocument();
    const ideas = richIdeas();
    // i2 is the most recently actioned public idea (first story); i6 is stalled.
    ideas.items = ideas.items.map((item) => (item.id === 'i2' || item.id === 'i6' ? { ...item, title: CUT } : item));
    data.ideas = { ...ideas };
    const redundancy = richRedundancy();
    const [cluster] = redundancy.clusters;
    if (cluster) cluster.items = cluster.items.map((item) => (item.id === 'r1' ? { ...item, title: CUT } : item));
    data.redundancy = { ...redundancy };
    data.conversations.questions.unanswered = data.conversations.questions.unanswered.map((thread) =>
      thread.id === 't4' ? { ...thread, title: CUT_THREAD } : thread,
    );
    const { pages } = await readPdf(await renderReport(data, options));
    const text = pages.join(' ');
    // Stories (page 2) quote the title cut at a word: “…so urgent…” (Ops).
    expect(pages[1]).toContain('so urgent…” (Ops)');
    // Stalled ideas table, duplicates table and the story: three times in all; the half word never.
    expect(text.split('so urgent…').length - 1).toBe(3);
    expect(text).not.toMatch(/so urgent tick/);
    expect(text).toContain('links the right…');
    // Titles shorter than 100 code points print as they are.
    expect(text).toContain('“Digital shift handover checklist” (Ops)');
    expect(text).toContain('who owns the onboarding wiki? 1 Feb 2026');
  });
});

describe('tables whose every row is below the privacy threshold', () => {
  it('become one sentence for ideas by department', async () => {
    const data = richDocument();
    const ideas = richIdeas();
    ideas.byDepartment = ideas.byDepartment.map((row) => ({
      ...row,
      suppressed: true,
      authors: null,
      raised: null,
      decided: null,
      actioned: null,
    }));
    data.ideas = { ...ideas };
    const text = await reportText(data, ['ideas']);
    expect(text).toContain(
      'Ideas by department of the author No department had 5 or more idea authors, so ideas are not broken down by department (privacy threshold).',
    );
    expect(text).not.toContain('fewer than 5 authors');
  });

  it('stay a table when only some rows are suppressed', async () => {
    // The rich document: Operations shown (5 raised, 3 decided, 2 actioned), HR suppressed.
    const text = await reportText(richDocument(), ['ideas']);
    expect(text).toContain('Operations 5 3 2 HR fewer than 5 authors');
    expect(text).not.toContain('No department had 5 or more idea authors');
  });

  it('become one sentence for the department heatmap', async () => {
    const data = richDocument();
    const network = richNetwork();
    const departments = network.departments;
    if (!departments) throw new Error('the rich network has departments');
    departments.departments = departments.departments.map((dept) => ({
      ...dept,
      people: null,
      internalInteractions: null,
      crossInteractions: null,
      suppressed: true,
      note: 'fewer than 5',
    }));
    departments.matrix = departments.matrix.map((row) => row.map(() => null));
    data.network = { ...network };
    const text = await reportText(data, ['organization']);
    expect(text).toContain(
      'No department had 5 or more people in the network, so interactions are not broken down by department (privacy threshold).',
    );
    expect(text).not.toContain('Interactions between departments');
    expect(text).not.toContain('Silos:');
  });
});

describe('rising contributors', () => {
  /** The rich document with everyone new: no score before the period. */
  function allNew(): MetricsDocument {
    const data = richDocument();
    const recognition = richRecognition();
    recognition.rising = [
      { id: 'ben@example.com', name: 'Ben Okafor', previousScore: 0, score: 21.5, gain: 21.5 },
      { id: 'ana@example.com', name: 'Ana Ruiz', previousScore: 0, score: 12, gain: 12 },
    ];
    data.recognition = { ...recognition };
    return data;
  }

  it('say there is no gain to show when the previous period holds no data', async () => {
    // Period 1 Jan – 31 Mar 2026 (three whole months), so the previous one is 1 Oct – 31 Dec 2025;
    // the sources' data starts on 3 Jan 2026.
    const text = await reportText(allNew(), ['contributors']);
    expect(text).toContain(
      'Rising: largest gain over the previous period No data in the previous period of equal length (1 Oct 2025 – 31 Dec 2025), so there is no gain to show.',
    );
    expect(text).not.toContain('Previous score');
  });

  it('keep the table when the sources have data in the previous period', async () => {
    const data = allNew();
    data.sources = data.sources.map((source) => ({ ...source, firstAt: '2025-11-15T09:00:00.000Z' }));
    const text = await reportText(data, ['contributors']);
    expect(text).toContain('Person Previous score Score Gain Ben Okafor 0.0 21.5 +21.5 Ana Ruiz 0.0 12.0 +12.0');
    expect(text).not.toContain('No data in the previous period');
  });

  it('keep the table when someone had a score before', async () => {
    // The rich document: Ben Okafor went from 3 to 21.5.
    const text = await reportText(richDocument(), ['contributors']);
    expect(text).toContain('Ben Okafor 3.0 21.5 +18.5');
    expect(text).not.toContain('No data in the previous period');
  });
});

describe('the configuration table', () => {
  it('keeps dotted setting names whole and wraps long values between fields', async () => {
    const targets = [
      {
        metric: 'engagement.totals.activePeople',
        op: '>=',
        value: 40,
        level: 'error',
        message: 'At least 40 active people over the pilot',
      },
      {
        metric: 'conversations.answeredRate',
        op: '>=',
        value: 0.7,
        level: 'warn',
        message: 'Seven in ten questions answered',
      },
    ];
    const config = { businessCase: { minutesSavedPerAnsweredQuestion: 15, licenceCostPerMonth: 0 }, targets };
    const { pages } = await renderedText(richDocument(), { ...options, config, template: sectionsOnly(['appendix']) });
    const text = pages.join(' ');
    // A name broken mid-word would read "…PerAnswe redQuestion" in the extracted text.
    expect(text).toContain('businessCase.licenceCostPerMonth 0 businessCase.minutesSavedPerAnsweredQuestion 15');
    // Targets are rows in words, never JSON.
    expect(text).toContain('targets 1 Active people ≥ 40 (error): At least 40 active people over the pilot');
    expect(text).toContain('targets 2 Answered threads ≥ 70% (warning): Seven in ten questions answered');
    expect(text).not.toContain('"message"');
  });
});

describe('the period retention under the retention chart', () => {
  it('prints the figure with its 95 % range when the period before had contributors, and nothing when it had none', async () => {
    const data = richDocument();
    // 33 of 45 came back: Wilson 95 % computed apart (Python, z = 1.959964): 0.5896 to 0.8404.
    data.engagement.totals.retentionInterval = { value: 33 / 45, low: 0.5896, high: 0.8404, n: 45 };
    const text = (await reportText(data, ['engagement'])).replace(/\s+/g, ' ');
    expect(text).toContain(
      "Over the period, the previous period's contributors who contributed again: 73% (59–84%, n = 45).",
    );
    data.engagement.totals.retentionInterval = { value: null, low: null, high: null, n: 0 };
    expect(await reportText(data, ['engagement'])).not.toContain('Over the period, the previous period');
  });
});
