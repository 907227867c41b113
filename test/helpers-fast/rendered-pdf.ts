/**
 * Reports rendered once per worker and shared by the tests that draw the same one. A render of the
 * rich document costs about 1 s of CPU and reading its text back 0.3 s; several tests draw the
 * very same inputs and only look at different pages. The fast project runs with `isolate: false`,
 * so this cache lives as long as its worker, across files too.
 *
 * A render is a pure function of the document, the options and SOURCE_DATE_EPOCH (all three make
 * the key), so a cached one is the one the test would have drawn. Tests about that purity itself
 * (two renders give the same bytes) call `renderReport` twice on their own. Callers get copies: a
 * test that edits what it read cannot change what the next one reads.
 */
import type { MetricsDocument } from '../../src/report/json/document.js';
import { renderReport, type RenderOptions } from '../../src/report/pdf/index.js';
import { readPdf, type PdfContents } from '../helpers/pdf-text.js';

const renders = new Map<string, Promise<Buffer>>();
const contents = new Map<string, Promise<PdfContents>>();

/** The inputs of a render as text; Maps and Sets by their entries, so that unequal ones differ. */
function keyOf(data: MetricsDocument, options: RenderOptions): string {
  return JSON.stringify([data, options, process.env['SOURCE_DATE_EPOCH'] ?? null], (_key, value: unknown) => {
    if (value instanceof Map) return { map: [...value.entries()] };
    if (value instanceof Set) return { set: [...value] };
    if (typeof value === 'function') throw new Error('a render option that is a function cannot be a cache key');
    return value;
  });
}

/** The PDF of `renderReport(data, options)`, drawn once for the same inputs. */
export async function renderedReport(data: MetricsDocument, options: RenderOptions): Promise<Buffer> {
  const key = keyOf(data, options);
  let render = renders.get(key);
  if (!render) {
    render = renderReport(data, options);
    renders.set(key, render);
    // A failed render is not kept: the next test draws it again and sees the error itself.
    render.catch(() => renders.delete(key));
  }
  return Buffer.from(await render);
}

/** The text and metadata of `renderReport(data, options)` (helpers/pdf-text.ts), read once for the same inputs. */
export async function renderedText(data: MetricsDocument, options: RenderOptions): Promise<PdfContents> {
  const key = keyOf(data, options);
  let read = contents.get(key);
  if (!read) {
    read = renderedReport(data, options).then(readPdf);
    contents.set(key, read);
    read.catch(() => contents.delete(key));
  }
  const { pages, items, info } = await read;
  return { pages: [...pages], items: items.map((page) => page.map((item) => ({ ...item }))), info: { ...info } };
}
