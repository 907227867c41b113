import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What the tests read back from a rendered PDF. */
export interface PdfContents {
  /** Text per page, items joined by single spaces (runs of whitespace collapsed). */
  pages: string[];
  /** The font names pdfjs saw per text item, page by page (to check which face drew what). */
  items: Array<Array<{ str: string; fontName: string }>>;
  info: Record<string, unknown>;
}

/** Extracts text and metadata with pdfjs (the legacy build runs on Node 20). */
export async function readPdf(buffer: Buffer): Promise<PdfContents> {
  const document = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  const items: PdfContents['items'] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const texts = content.items.flatMap((item) => ('str' in item ? [{ str: item.str, fontName: item.fontName }] : []));
    items.push(texts);
    pages.push(
      texts
        .map((item) => item.str)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  const metadata = await document.getMetadata();
  const info: Record<string, unknown> =
    typeof metadata.info === 'object' && metadata.info !== null ? { ...metadata.info } : {};
  await document.destroy();
  return { pages, items, info };
}
