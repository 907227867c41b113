import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { jsTrim } from '../../../src/sources/shared/engine-csv-sql.js';
import { isNullWord } from '../../../src/sources/yammer/sql-text.js';

/** Cells whose ends are whitespace to JavaScript or not, ASCII or not, and near-`null` words. */
const CELLS = [
  '',
  'plain',
  ' a ',
  '\u00a0x',
  'x\u3000',
  '\ufeffabc',
  '\u2028a\t',
  'é',
  'ü ',
  '\u0085x\u0085', // NEL: not whitespace to String.prototype.trim
  'a\u0301',
  '\u0301a',
  '😀 ',
  ' 😀',
  'null',
  'NuLl',
  ' null',
  'nulls',
  'nul',
];

describe('the SQL text helpers', () => {
  it('trim as String.prototype.trim and read the word null as JavaScript does, cell by cell', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run('CREATE TABLE cells (k INTEGER, cell VARCHAR)');
      const appender = await connection.createAppender('cells');
      CELLS.forEach((cell, k) => {
        appender.appendInteger(k);
        appender.appendVarchar(cell);
        appender.endRow();
      });
      appender.closeSync();
      const reader = await connection.runAndReadAll(
        `SELECT ${jsTrim('cell')} AS trimmed, ${isNullWord('cell')} AS is_null FROM cells ORDER BY k`,
      );
      const rows = reader.getRowObjectsJson();
      expect(rows).toEqual(CELLS.map((cell) => ({ trimmed: cell.trim(), is_null: cell.toLowerCase() === 'null' })));
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
