/**
 * Streaming byte-to-text decoding for line-based exports (CSV): UTF-8 with or without a BOM,
 * UTF-16 LE/BE with a BOM (Excel's "Unicode text"), and a fallback to Windows-1252 for files that
 * are not valid UTF-8 (Excel's "CSV" on a Western Windows). Line ends are normalized to `\n` so
 * that line numbers count CRLF, LF and lone CR the same way, even when a file mixes them.
 */
import { TextDecoder } from 'node:util';
import type { Problem } from '../types.js';

/** The encoding a file was read with. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The detail of the one problem reported for a file that is not valid UTF-8. */
export const NOT_UTF8_DETAIL = 'not UTF-8; read as Windows-1252';

/**
 * Decodes a byte stream into text chunks with `\n` line ends. Reports at most one problem per
 * file (for the Windows-1252 fallback). Bytes before the first invalid UTF-8 sequence are already
 * decoded as UTF-8; the rest of the file is read as Windows-1252.
 */
export class TextStreamDecoder {
  private mode: TextEncodingName | 'sniff' = 'sniff';
  private pending: Buffer = Buffer.alloc(0);
  private utf16: TextDecoder | null = null;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private carriageReturn = false;

  constructor(
    private readonly file: string,
    private readonly report: (problem: Problem) => void,
  ) {}

  /** Decodes the next bytes; may return '' while it waits for enough bytes to decide. */
  push(bytes: Buffer): string {
    return this.lines(this.decode(bytes, false));
  }

  /** Flushes what is left at the end of the stream. */
  end(): string {
    const text = this.lines(this.decode(Buffer.alloc(0), true));
    const tail = this.carriageReturn ? '\n' : '';
    this.carriageReturn = false;
    return text + tail;
  }

  private decode(bytes: Buffer, final: boolean): string {
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, bytes]) : bytes;
    this.pending = Buffer.alloc(0);
    if (this.mode === 'sniff') {
      if (data.length < 3 && !final) {
        this.pending = data;
        return '';
      }
      data = this.sniff(data);
    }
    if (this.mode === 'utf-16le' || this.mode === 'utf-16be') {
      this.utf16 ??= new TextDecoder(this.mode, { ignoreBOM: true });
      return this.utf16.decode(data, { stream: !final });
    }
    if (this.mode === 'windows-1252') return decodeWindows1252(data);
    return this.decodeUtf8(data, final);
  }

  /** Strips a byte-order mark and picks the encoding it announces (UTF-8 when there is none). */
  private sniff(data: Buffer): Buffer {
    if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
      this.mode = 'utf-8';
      return data.subarray(3);
    }
    if (data[0] === 0xff && data[1] === 0xfe) {
      this.mode = 'utf-16le';
      return data.subarray(2);
    }
    if (data[0] === 0xfe && data[1] === 0xff) {
      this.mode = 'utf-16be';
      return data.subarray(2);
    }
    this.mode = 'utf-8';
    return data;
  }

  private decodeUtf8(data: Buffer, final: boolean): string {
    // A multi-byte character may straddle two chunks: keep its first bytes for the next call.
    const cut = final ? data.length : completeUtf8Length(data);
    try {
      const text = this.utf8.decode(data.subarray(0, cut));
      this.pending = Buffer.from(data.subarray(cut));
      return text;
    } catch {
      this.mode = 'windows-1252';
      this.report({ file: this.file, line: null, reason: 'encoding', detail: NOT_UTF8_DETAIL });
      return decodeWindows1252(data);
    }
  }

  private lines(text: string): string {
    let joined = this.carriageReturn ? `\r${text}` : text;
    this.carriageReturn = joined.endsWith('\r');
    if (this.carriageReturn) joined = joined.slice(0, -1);
    return joined.replace(/\r\n?/g, '\n');
  }
}

// Windows-1252 bytes 0x80-0x9F (where it differs from ISO-8859-1); undefined bytes keep their
// C1 code point. Node's TextDecoder('windows-1252') decodes as ISO-8859-1, so it is not used.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(data: Buffer): string {
  return data.toString('latin1').replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

/** The length of the prefix of `data` that does not end inside a UTF-8 multi-byte sequence. */
function completeUtf8Length(data: Buffer): number {
  const max = Math.min(3, data.length);
  for (let back = 1; back <= max; back++) {
    const byte = data[data.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? data.length - back : data.length;
  }
  return data.length;
}
