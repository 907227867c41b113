/**
 * Page content written as one block per page instead of one per operator.
 *
 * pdfkit writes every content operator (a colour, a move, a text run) into the page's stream as
 * its own byte array (the string copied byte by byte), with its length bookkeeping, and joins the
 * thousands of arrays when the page ends: about 3 % of the sample pilot's PDF time (bench/README.md,
 * s14-d). Here the page's stream keeps the operators as strings and hands pdfkit their bytes once,
 * when the page is finalized: the same bytes in the same order (each operator followed by a
 * newline, as pdfkit writes it).
 */

/** What this module reads of pdfkit's stream object (`page.content`, a PDFReference; internals). */
interface ContentStream {
  write(chunk: unknown): unknown;
  finalize(): unknown;
}

const buffered = new WeakSet<object>();

/** Buffers the content of the current page and of every page added to `pdf` later. */
export function bufferPageContent(pdf: PDFKit.PDFDocument): void {
  const current = (): void => {
    // A document made with autoFirstPage: false has no page yet.
    const page: unknown = Reflect.get(pdf, 'page');
    const content: unknown = typeof page === 'object' && page !== null ? Reflect.get(page, 'content') : undefined;
    if (isContentStream(content)) buffer(content);
  };
  current();
  pdf.on('pageAdded', current);
}

function buffer(stream: ContentStream): void {
  if (buffered.has(stream)) return;
  buffered.add(stream);
  const write = stream.write;
  const finalize = stream.finalize;
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    // pdfkit's own conversion keeps the low byte of each UTF-16 unit, as latin1 does.
    const bytes = Buffer.from(`${pending.join('\n')}\n`, 'latin1');
    pending = [];
    Reflect.apply(write, stream, [bytes]);
  };
  Reflect.set(stream, 'write', (chunk: unknown): unknown => {
    if (typeof chunk === 'string') {
      pending.push(chunk);
      return undefined;
    }
    flush();
    return Reflect.apply(write, stream, [chunk]);
  });
  Reflect.set(stream, 'finalize', (): unknown => {
    flush();
    return Reflect.apply(finalize, stream, []);
  });
}

function isContentStream(value: unknown): value is ContentStream {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'write') === 'function' &&
    typeof Reflect.get(value, 'finalize') === 'function'
  );
}
