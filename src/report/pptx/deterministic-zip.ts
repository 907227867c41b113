/**
 * Makes an Office file (a zip of XML) byte-identical for identical content. pptxgenjs stamps the
 * wall clock into docProps/core.xml, into the workbook embedded behind every chart (itself a zip),
 * and into every zip entry's date; it also adds entries in the order asynchronous chart workbooks
 * finish; and it numbers charts with a counter that lives as long as the process, so a second deck
 * drawn in the same process has chart4.xml where the first had chart1.xml. This rewrites the
 * stamps to one instant, the chart numbers to 1..n and the entries to one order.
 */
import JSZip from 'jszip';

const CORE_DATES = /(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g;
/** Office readers expect the content-types part first; the rest go in code-point order. */
const FIRST = '[Content_Types].xml';

/** The zip `bytes` rebuilt with every date set to `stamp` (whole seconds, UTC) and entries sorted. */
export async function deterministicZip(bytes: Uint8Array, stamp: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const stored = Object.keys(source.files).filter((name) => !source.files[name]?.dir);
  const renumber = chartRenumbering(stored);
  const names = stored
    .map((name) => ({ stored: name, name: renumber(name) }))
    .sort((a, b) => order(a.name) - order(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const target = new JSZip();
  // Zip dates have a two-second resolution and no zone; JSZip writes them in UTC.
  const date = new Date(Math.floor(stamp.getTime() / 1000) * 1000);
  for (const { stored: storedName, name } of names) {
    const entry = source.file(storedName);
    if (!entry) continue;
    const content = await entry.async('uint8array');
    // Parts refer to charts and their workbooks by file name only in relationships and content types.
    const renamed =
      name.endsWith('.rels') || name === FIRST
        ? Buffer.from(renumber(Buffer.from(content).toString('utf8')), 'utf8')
        : content;
    target.file(name, await normalizedPart(name, renamed, date), { date, createFolders: false });
  }
  return target.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
const CHART_FILES = /\b(chart|Microsoft_Excel_Worksheet)(\d+)\.(xml|xlsx)\b/g;

/** Rewrites chart and chart-workbook file names (in names or text) to number the charts 1..n in their order. */
function chartRenumbering(names: readonly string[]): (text: string) => string {
  const numbers = names
    .flatMap((name) => {
      const match = CHART_PART.exec(name);
      return match ? [Number(match[1])] : [];
    })
    .sort((a, b) => a - b);
  const next = new Map(numbers.map((n, i) => [n, i + 1]));
  return (text) =>
    text.replace(CHART_FILES, (whole, stem: string, n: string, ext: string) => {
      const renumbered = next.get(Number(n));
      return renumbered === undefined ? whole : `${stem}${renumbered}.${ext}`;
    });
}

function order(name: string): number {
  return name === FIRST ? 0 : 1;
}

async function normalizedPart(name: string, content: Uint8Array, date: Date): Promise<Uint8Array> {
  if (name.endsWith('docProps/core.xml')) {
    const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return Buffer.from(Buffer.from(content).toString('utf8').replace(CORE_DATES, `$1${iso}$3`), 'utf8');
  }
  // The workbook behind a chart is a zip of its own, stamped the same way.
  if (name.endsWith('.xlsx')) return deterministicZip(content, date);
  return content;
}
