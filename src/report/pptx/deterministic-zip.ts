/**
 * Makes an Office file (a zip of XML) byte-identical for identical content. pptxgenjs stamps the
 * wall clock into docProps/core.xml, into the workbook embedded behind every chart (itself a zip),
 * and into every zip entry's date; it also adds entries in the order asynchronous chart workbooks
 * finish. This rewrites the stamps to one instant and the entries to one order.
 */
import JSZip from 'jszip';

const CORE_DATES = /(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:\2>)/g;
/** Office readers expect the content-types part first; the rest go in code-point order. */
const FIRST = '[Content_Types].xml';

/** The zip `bytes` rebuilt with every date set to `stamp` (whole seconds, UTC) and entries sorted. */
export async function deterministicZip(bytes: Uint8Array, stamp: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((name) => !source.files[name]?.dir).sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
  const target = new JSZip();
  // Zip dates have a two-second resolution and no zone; JSZip writes them in UTC.
  const date = new Date(Math.floor(stamp.getTime() / 1000) * 1000);
  for (const name of names) {
    const entry = source.file(name);
    if (!entry) continue;
    const content = await entry.async('uint8array');
    target.file(name, await normalizedPart(name, content, date), { date, createFolders: false });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
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
