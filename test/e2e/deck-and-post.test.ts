/**
 * `--pptx` and `--community-post` on the bundled sample pilot. The deck is opened as what it is,
 * a zip of XML, with yauzl (not the jszip it was written with); every figure is checked against
 * metrics.json of the same run, formatted here independently of the report's formatters.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { sampleEveryOutput, sampleEveryOutputArgs } from '../helpers/shared-run.js';
import { readPdf } from '../helpers/pdf-text.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { decodeXml, textRuns, zipEntries, type ZipEntry } from '../helpers/zip-entries.js';

afterAll(removeTempDirs);

/** runCli's SOURCE_DATE_EPOCH, 1767225600, as written in the deck. */
const EPOCH_ISO = '2026-01-01T00:00:00Z';

/** Series of a chart part: name and the numbers of its value cache. */
function chartSeries(xml: string): { name: string; values: number[] }[] {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
    const body = m[1] ?? '';
    const name = decodeXml(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(body)?.[1] ?? '');
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(body)?.[1] ?? '';
    return { name, values: [...val.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])) };
  });
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

describe('the sample pilot with --pptx and --community-post', () => {
  // The UTC run is the built binary's run with every output, shared with parquet-dataset.test.ts.
  let out: string;
  const tokyo = makeTempDir('pilot-report-deck-tz-');
  let result: CliResult;
  let again: CliResult;
  let metrics: Record<string, any>;
  let deck: Buffer;
  let entries: ZipEntry[];
  let part: (name: string) => string;
  let post: string;

  beforeAll(async () => {
    const shared = await sampleEveryOutput();
    ({ out, result } = shared);
    // The same command in a process whose machine time zone is Tokyo (ICU reads TZ once per process).
    again = runCli(sampleEveryOutputArgs(tokyo), { env: { TZ: 'Asia/Tokyo' } });
    metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    deck = readFileSync(path.join(out, 'deck.pptx'));
    entries = await zipEntries(deck);
    part = (name) => {
      const entry = entries.find((e) => e.name === name);
      if (!entry) throw new Error(`no ${name} in the deck`);
      return entry.data.toString('utf8');
    };
    post = readFileSync(path.join(out, 'post.md'), 'utf8');
  }, 120_000);

  it('exits 0 and says where the deck and the post went', () => {
    expect(result.code).toBe(0);
    expect(again.code).toBe(0);
    expect(result.stderr).toContain('deck.pptx');
    expect(result.stderr).toContain('post.md');
  });

  it('has five slides, listed in the presentation', () => {
    const slides = entries.filter((e) => /^ppt\/slides\/slide\d+\.xml$/.test(e.name));
    expect(slides).toHaveLength(5);
    expect(part('ppt/presentation.xml').match(/<p:sldId /g)).toHaveLength(5);
  });

  it('fills {period} in the title on every slide, as the PDF does', () => {
    const slides = entries
      .filter((e) => /^ppt\/slides\/slide\d+\.xml$/.test(e.name))
      .map((e) => textRuns(part(e.name)).join(' '));
    // The sample config's title is "Aurora pilot: {period}" over March to October 2026.
    expect(slides.join('\n')).not.toContain('{period}');
    expect(slides.filter((text) => text.includes('Aurora pilot: March to October 2026'))).toHaveLength(5);
  });

  it('draws its charts as native, editable charts: chart XML with a workbook behind it, no pictures', () => {
    const charts = entries.filter((e) => /^ppt\/charts\/chart\d+\.xml$/.test(e.name));
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      const xml = chart.data.toString('utf8');
      expect(xml).toContain('<c:chartSpace');
      expect(xml).toContain('<c:barChart>');
      expect(xml).toContain('<c:externalData');
    }
    expect(entries.filter((e) => /^ppt\/embeddings\/.*\.xlsx$/.test(e.name))).toHaveLength(3);
    const slideRels = entries
      .filter((e) => /^ppt\/slides\/_rels\//.test(e.name))
      .map((e) => e.data.toString('utf8'))
      .join('\n');
    for (const chart of charts) expect(slideRels).toContain(`relationships/chart" Target="/${chart.name}"`);
    const slides = entries
      .filter((e) => /^ppt\/slides\/slide\d+\.xml$/.test(e.name))
      .map((e) => e.data.toString('utf8'))
      .join('\n');
    expect(
      slides.match(/graphicData uri="http:\/\/schemas\.openxmlformats\.org\/drawingml\/2006\/chart"/g),
    ).toHaveLength(3);
    expect(slides).not.toContain('<p:pic');
    expect(entries.filter((e) => e.name.startsWith('ppt/media/'))).toEqual([]);
  });

  it('shows the headline KPIs of metrics.json on the first slide, each value above its label', () => {
    const runs = textRuns(part('ppt/slides/slide1.xml'));
    const base = metrics.businessCase.scenarios.base;
    const hours = metrics.conversations.medianHoursToFirstResponse as number;
    const expected: [string, string][] = [
      [count(metrics.engagement.totals.activePeople), 'Active people'],
      [count(metrics.engagement.totals.contributors), 'Contributors'],
      [`${Math.round(metrics.conversations.questions.answeredRate * 100)}%`, 'Questions answered'],
      [hours < 10 ? `${hours.toFixed(1)} h` : `${count(hours)} h`, 'Median time to first response'],
      [count(metrics.ideas.funnel.actioned), 'Ideas actioned'],
      [count(base.hoursSaved), 'Hours saved (estimate)'],
    ];
    for (const [value, label] of expected) {
      const at = runs.indexOf(label);
      expect(at, label).toBeGreaterThan(0);
      expect(runs[at - 1], label).toBe(value);
    }
    // Both configured targets are met in the sample pilot; the deck says so beside the figure.
    expect(runs).toContain(`Target ≥ ${count(metrics.targets[0].expected)}: met`);
  });

  it('charts exactly the numbers of metrics.json', () => {
    const monthly = chartSeries(part('ppt/charts/chart1.xml'));
    expect(monthly).toEqual([
      { name: 'Active people', values: metrics.engagement.monthly.map((m: any) => m.activePeople) },
      { name: 'Contributors', values: metrics.engagement.monthly.map((m: any) => m.contributors) },
    ]);
    const funnel = metrics.ideas.funnel;
    // A horizontal chart draws its first category at the bottom: the deck lists stages from the last.
    expect(chartSeries(part('ppt/charts/chart2.xml'))).toEqual([
      { name: 'Ideas', values: [funnel.actioned, funnel.decided, funnel.endorsed, funnel.discussed, funnel.raised] },
    ]);
    const scenarios = metrics.businessCase.scenarios;
    const names = ['low', 'base', 'high'];
    expect(chartSeries(part('ppt/charts/chart3.xml'))).toEqual([
      { name: 'Value', values: names.map((n) => scenarios[n].value) },
      { name: 'Cost', values: names.map((n) => scenarios[n].cost) },
    ]);
  });

  it('prints the same figures as the PDF of the same run: tiles and every cell of the scenario table', async () => {
    const pdf = (await readPdf(readFileSync(path.join(out, 'report.pdf')))).pages.join('\n');
    const tiles = textRuns(part('ppt/slides/slide1.xml'));
    for (const label of [
      'Active people',
      'Questions answered',
      'Median time to first response',
      'Hours saved (estimate)',
    ]) {
      expect(pdf, label).toContain(tiles[tiles.indexOf(label) - 1]);
    }
    const cells = textRuns(part('ppt/slides/slide3.xml')).filter((t) => /\d/.test(t) && t.length < 30);
    expect(cells.length).toBeGreaterThanOrEqual(30); // ten rows of three scenarios
    for (const cell of cells) expect(pdf, cell).toContain(cell);
  });

  it('states the money line of the business case in the currency of metrics.json', () => {
    const text = textRuns(part('ppt/slides/slide3.xml')).join(' ');
    const { base } = metrics.businessCase.scenarios;
    const currency = metrics.businessCase.currency;
    expect(text).toContain(
      `${count(base.value)} ${currency} of value against ${count(base.cost)} ${currency} of program cost, a return of ${Math.round(base.roi * 100)}%`,
    );
  });

  it('lists every source with the records read and used on the sources slide', () => {
    const text = textRuns(part('ppt/slides/slide5.xml')).join('\n');
    for (const source of metrics.sources) {
      expect(text).toContain(`${source.kind}: ${source.path} (`);
      expect(text).toContain(`${count(source.records.used)} of ${count(source.records.read)} records used`);
    }
  });

  it('is byte-identical under SOURCE_DATE_EPOCH whatever the machine time zone, with every date that instant', async () => {
    expect(readFileSync(path.join(tokyo, 'out/deck.pptx')).equals(deck)).toBe(true);
    expect(readFileSync(path.join(tokyo, 'out/post.md'), 'utf8')).toBe(post);
    expect(new Set(entries.map((e) => e.stamp))).toEqual(new Set(['2026-01-01 00:00:00']));
    expect(part('docProps/core.xml')).toContain(
      `<dcterms:created xsi:type="dcterms:W3CDTF">${EPOCH_ISO}</dcterms:created>`,
    );
    expect(part('docProps/core.xml')).toContain(
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${EPOCH_ISO}</dcterms:modified>`,
    );
    const workbook = entries.find((e) => e.name.endsWith('.xlsx'));
    const inner = await zipEntries(workbook?.data ?? Buffer.alloc(0));
    expect(new Set(inner.map((e) => e.stamp))).toEqual(new Set(['2026-01-01 00:00:00']));
    const innerCore = inner.find((e) => e.name === 'docProps/core.xml')?.data.toString('utf8') ?? '';
    expect([...innerCore.matchAll(/<dcterms:(?:created|modified)[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual([
      EPOCH_ISO,
      EPOCH_ISO,
    ]);
  });

  it('thanks the community with the figures of metrics.json and the titles of the ideas actioned', () => {
    const q = metrics.conversations.questions;
    expect(post).toMatch(/^## Thank you, Aurora Manufacturing community!\n/);
    expect(post).toContain(
      `${count(q.answered)} of ${count(q.threads)} questions asked here got an answer from a colleague (${Math.round(q.answeredRate * 100)}%)`,
    );
    expect(post).toContain(`${count(metrics.ideas.funnel.actioned)} ideas were put into practice`);
    const actioned = metrics.ideas.items.filter((i: any) => i.actionedAt !== null && i.space !== '(private space)');
    expect(actioned.length).toBeGreaterThan(0);
    for (const idea of actioned) expect(post).toContain(`“${idea.title.slice(0, 40)}`);
  });

  it('names the first five helpers of metrics.json (nothing is anonymized here) and counts the rest', () => {
    const helpers = metrics.recognition.helpers as { name: string }[];
    const line = post.split('\n').find((l) => l.startsWith('- **Helpers**')) ?? '';
    expect(line).toContain(
      helpers
        .slice(0, 5)
        .map((h) => h.name)
        .join(', '),
    );
    if (helpers.length > 5) expect(line).toMatch(new RegExp(`and (${helpers.length - 5} more|others)$`));
  });

  it('is the post the README shows', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const quoted = /The sample pilot's post[^\n]*\n\n((?:>[^\n]*\n)+)/.exec(readme)?.[1] ?? '';
    expect(
      quoted
        .split('\n')
        .map((l) => l.replace(/^> ?/, ''))
        .join('\n'),
    ).toBe(post);
  });

  it('lists the deck and the post among the outputs in the Markdown summary', () => {
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toContain(`- Slide deck: \`${path.join(out, 'deck.pptx')}\``);
    expect(summary).toContain(`- Community post: \`${path.join(out, 'post.md')}\``);
    expect(summary).toContain(`- PDF report: \`${path.join(out, 'report.pdf')}\``);
  });
});
