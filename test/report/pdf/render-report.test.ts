import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pdfTimestamp, renderReport, writeReport } from '../../../src/report/pdf/index.js';
import { readPdf } from '../../helpers/pdf-text.js';
import { renderedText } from '../../helpers-fast/rendered-pdf.js';
import { noConversationEvidence } from '../json/documents.js';
import { sectionsOnly } from '../../helpers-fast/section-pdf.js';
import { sampleDocument } from './sample-document.js';

const generatedAt = new Date('2026-04-02T08:00:00Z');

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('renderReport', () => {
  it('prints the KPI values and section titles of the document as text', async () => {
    const { pages } = await renderedText(sampleDocument(), { generatedAt });
    const text = pages.join('\n');
    // Cover, executive summary, engagement, conversations, appendix (2 pages).
    expect(pages).toHaveLength(7);
    for (const title of [
      'Internal social media pilot report',
      'Contents',
      'Executive summary',
      'Engagement',
      'Conversations and moderation',
      'Appendix: method and data',
      'Data coverage per source',
    ]) {
      expect(text).toContain(title);
    }
    // Tiles: 137 active, 58 contributors, 24/30 questions answered = "80%", 3.25 h -> "3.3 h".
    expect(pages[1]).toMatch(/137 Active people/);
    expect(pages[1]).toMatch(/58 Contributors/);
    expect(pages[1]).toMatch(/80% Questions answered/);
    expect(pages[1]).toMatch(/3\.3 h Median time to first response/);
    expect(pages[1]).toContain('42% of everyone active'); // 58 / 137 = 0.423
    // Without a baseline the change is the last month against the one before: 110 - 95 = +15.
    expect(pages[1]).toContain('Mar 2026: +15 vs Feb 2026');
    // Conversations table: p90 41.5 h -> "42 h", replies per thread 2.5, 40 - 31 = 9 unanswered.
    expect(text).toMatch(/90th percentile time to first response 42 h/);
    expect(text).toMatch(/Replies per thread 2\.5/);
    expect(text).toMatch(/Unanswered 9/);
    // Data quality: 50 skipped, reasons sorted by name.
    expect(text).toContain('50: bot 12, deleted 38');
    expect(text).toContain('1 Jan 2026 – 31 Mar 2026');
    expect(text).toContain('Page 1 of 7');
    expect(text).toContain('Page 7 of 7');
    // Chart text (axis title, legend, month labels) is drawn into the page as real text, once.
    expect(pages[2]).toContain('People (distinct)');
    expect(pages[2]).toContain('Month (UTC)');
    expect(pages[2]?.split('Active people and contributors per month')).toHaveLength(2);
  });

  it('draws Cyrillic, Chinese and Latin names with diacritics as extractable text', async () => {
    const { pages, items } = await renderedText(sampleDocument(), { generatedAt });
    const text = pages.join('\n');
    expect(text).toContain('Олена Коваленко');
    expect(text).toMatch(/王伟 ?asks: who owns the onboarding wiki\?/);
    expect(text).toContain('Zoë Łukasz fan club');
    expect(text).toContain('exports/slack/Команда');
    // The CJK characters come from a different embedded face than the Latin text around them.
    const all = items.flat();
    const cjk = all.find((item) => item.str.includes('王伟'));
    const latin = all.find((item) => item.str.includes('Zoë'));
    expect(cjk?.fontName).toBeDefined();
    expect(cjk?.fontName).not.toBe(latin?.fontName);
  });

  it('never shows text from a private space', async () => {
    const data = sampleDocument();
    const [, privateThread] = data.conversations.unanswered;
    if (privateThread) privateThread.title = 'secret merger plans';
    const { pages } = await readPdf(await renderReport(data, { generatedAt }));
    expect(pages.join('\n')).not.toContain('secret merger plans');
    expect(pages.join('\n')).toContain('(not shown: private space)');
  });

  it('gives byte-identical files for two renders with the same SOURCE_DATE_EPOCH', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1775116800'); // 2026-04-02T08:00:00Z
    const first = await renderReport(sampleDocument(), { generatedAt: new Date('2030-01-01T00:00:00Z') });
    const second = await renderReport(sampleDocument(), { generatedAt: new Date('2030-01-01T00:00:00Z') });
    expect(first.equals(second)).toBe(true);
    vi.stubEnv('SOURCE_DATE_EPOCH', '1775116801');
    const later = await renderReport(sampleDocument(), { generatedAt: new Date('2030-01-01T00:00:00Z') });
    expect(later.equals(first)).toBe(false);
    const { info, pages } = await readPdf(first);
    expect(info['CreationDate']).toBe('D:20260402080000Z');
    expect(info['ModDate']).toBe('D:20260402080000Z');
    // The printed date follows SOURCE_DATE_EPOCH too, not the (later) generatedAt.
    expect(pages[0]).toContain('Generated 2 Apr 2026');
  });

  it('writes Title, Author and Subject metadata', async () => {
    // The metadata do not depend on the sections drawn: one is enough (helpers-fast/section-pdf.ts).
    const template = sectionsOnly(['executive-summary']);
    const { info } = await readPdf(
      await renderReport(sampleDocument(), { generatedAt, template, title: 'Pilot Ω report' }),
    );
    expect(info['Title']).toBe('Pilot Ω report');
    expect(info['Author']).toBe('pilot-report');
    expect(info['Subject']).toBe('Pilot sponsorship report, 1 Jan 2026 – 31 Mar 2026');
  });

  it('renders a document with no sources, no threads and no months without NaN or undefined', async () => {
    const data = sampleDocument();
    data.sources = [];
    data.warnings = [];
    data.engagement.monthly = [];
    data.engagement.totals = {
      ...data.engagement.totals,
      activePeople: 0,
      contributors: 0,
      posts: null,
      replies: null,
    };
    data.conversations = {
      ...noConversationEvidence('2026-04-01T00:00:00.000Z'),
      threads: 0,
      answered: 0,
      answeredRate: null,
      medianHoursToFirstResponse: null,
      p90HoursToFirstResponse: null,
      repliesPerThread: null,
      unanswered: [],
      questions: {
        threads: 0,
        answered: 0,
        answeredRate: null,
        medianHoursToFirstResponse: null,
        p90HoursToFirstResponse: null,
        unanswered: [],
        ...noConversationEvidence('2026-04-01T00:00:00.000Z').questions,
      },
    };
    const { pages } = await readPdf(await renderReport(data, { generatedAt }));
    const text = pages.join('\n');
    expect(text).not.toMatch(/NaN|undefined|null|Infinity/);
    expect(text).toContain('Engagement: not shown, the period holds no month with data.');
    expect(text).toContain('Conversations and moderation: not shown, no thread was started in the period.');
    expect(text).toContain('No input source was read.');
    expect(text).toContain('No sources were read');
    expect(text).toMatch(/— Questions answered Questions answered: not measured in this period\./);
  });
});

describe('writeReport', () => {
  it('writes the rendered bytes to the file', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1775116800');
    const folder = await mkdtemp(join(tmpdir(), 'pilot-report-pdf-'));
    try {
      const file = join(folder, 'report.pdf');
      // Writing is the same whatever is drawn: a report of one section is enough (helpers-fast/section-pdf.ts).
      const options = { generatedAt, template: sectionsOnly(['executive-summary']) };
      await writeReport(sampleDocument(), file, options);
      const written = await readFile(file);
      expect(written.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
      expect(written.equals(await renderReport(sampleDocument(), options))).toBe(true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('pdfTimestamp', () => {
  it('takes SOURCE_DATE_EPOCH seconds when valid and generatedAt otherwise', () => {
    expect(pdfTimestamp(generatedAt, '0').toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(pdfTimestamp(generatedAt, ' 1775116800 ').toISOString()).toBe('2026-04-02T08:00:00.000Z');
    expect(pdfTimestamp(generatedAt, 'yesterday')).toBe(generatedAt);
    expect(pdfTimestamp(generatedAt, undefined)).toBe(generatedAt);
  });
});
