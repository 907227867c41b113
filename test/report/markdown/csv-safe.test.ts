import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../../src/report/csv-safe.js';

describe('csvCell', () => {
  it('prefixes a quote to text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    // A leading CR is escaped and, being a line break, also quoted.
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('leaves ordinary text and numbers alone, quoting only what needs it', () => {
    expect(csvCell('Ana Ruiz')).toBe('Ana Ruiz');
    expect(csvCell('a = b')).toBe('a = b');
    expect(csvCell('Sales, EMEA')).toBe('"Sales, EMEA"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('joins a row', () => {
    expect(csvRow(['id-1', '=1+1', 3, null])).toBe("id-1,'=1+1,3,");
  });
});
