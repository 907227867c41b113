import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { registerPrimaryFonts } from '../../../src/report/pdf/fonts.js';
import { bufferPageContent } from '../../../src/report/pdf/page-content.js';
import { FIXED_PDF_OPTIONS, finishPdf } from '../../helpers-fast/pdf-bytes.js';

/** page-content.ts hands pdfkit each page's operators at once: the file must not change. */

const OPTIONS = FIXED_PDF_OPTIONS;

function draw(pdf: PDFKit.PDFDocument): void {
  registerPrimaryFonts(pdf);
  pdf
    .font('DejaVuSans')
    .fontSize(10)
    .fillColor('#333333')
    .text('First page, with text ✓ and € signs.', 50, 80, { width: 300 });
  pdf.save().rect(50, 200, 100, 40).fill('#ff8800').restore();
  pdf.addPage();
  pdf.font('DejaVuSans-Bold').fontSize(14).text('Second page', 50, 80);
  pdf.moveTo(50, 120).lineTo(300, 120).lineWidth(0.5).stroke('#999999');
  // Back to the first page, as the running headers and footers are drawn.
  pdf.switchToPage(0);
  pdf.font('DejaVuSans').fontSize(8).text('Page 1 of 2', 50, 780);
  // A binary chunk written between strings keeps its place.
  pdf.page.write(Buffer.from('% a comment\n', 'latin1'));
  pdf.text('after it', 50, 700);
}

describe('page content buffered per page', () => {
  it('writes the same bytes as pdfkit writing each operator', async () => {
    const buffered = new PDFDocument(OPTIONS);
    bufferPageContent(buffered);
    draw(buffered);
    const plain = new PDFDocument(OPTIONS);
    draw(plain);
    const [a, b] = [await finishPdf(buffered), await finishPdf(plain)];
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(b)).toBe(true);
  });

  it('takes a document made without a first page, and its pages added later', async () => {
    const late = new PDFDocument({ ...OPTIONS, autoFirstPage: false });
    bufferPageContent(late);
    late.addPage();
    draw(late);
    const plain = new PDFDocument({ ...OPTIONS, autoFirstPage: false });
    plain.addPage();
    draw(plain);
    expect((await finishPdf(late)).equals(await finishPdf(plain))).toBe(true);
  });
});
