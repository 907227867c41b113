/** Ends a pdfkit document and resolves with every byte it wrote. */
export async function finishPdf(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  pdf.end();
  return done;
}

/** Options of a test document whose bytes depend on its drawing alone (fixed dates, pages kept for revisiting). */
export const FIXED_PDF_OPTIONS = {
  size: 'A4',
  margin: 50,
  bufferPages: true,
  info: { CreationDate: new Date(0), ModDate: new Date(0) },
} as const;
