import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { CsvSplitter } from '../../../server/domain/source-files/csv-splitter';

function splitInChunks(text: string, cuts: number[], delimiter: string): string[][] {
  const splitter = new CsvSplitter(delimiter);
  const records: string[][] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const at = Math.min(cut, text.length);
    records.push(...splitter.push(text.slice(from, at)).map((r) => r.cells));
    from = at;
  }
  records.push(...splitter.push(text.slice(from)).map((r) => r.cells));
  records.push(...splitter.end().map((r) => r.cells));
  return records;
}

const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\n', '\r\n', 'x', '1'), maxLength: 8 });

describe('CsvSplitter', () => {
  it('agrees with csv-parse on any quoted CSV, however the text is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(300), { maxLength: 6 }),
        (rows, delimiter, eol, cuts) => {
          const text = stringify(rows, { delimiter, record_delimiter: eol === '\n' ? 'unix' : 'windows', quoted_string: true });
          const expected = parse(text, { delimiter, relax_column_count: true }) as string[][];
          expect(splitInChunks(text, cuts, delimiter)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports the line each record starts on', () => {
    const splitter = new CsvSplitter(',');
    const records = [...splitter.push('a,b\r\n"x\ny",2\n'), ...splitter.push('3,4'), ...splitter.end()];
    expect(records.map((r) => r.rowNumber)).toEqual([1, 2, 4]);
    expect(records[1].cells).toEqual(['x\ny', '2']);
  });

  it('keeps a quote inside an unquoted cell as text, as spreadsheets do', () => {
    const splitter = new CsvSplitter(';');
    expect(splitter.push('5" tall;"ok"tail\n').map((r) => r.cells)).toEqual([['5" tall', 'oktail']]);
  });

  it('waits for more text when a chunk ends inside a quoted cell or on a lone CR', () => {
    const splitter = new CsvSplitter(',');
    expect(splitter.push('a,"b')).toEqual([]);
    expect(splitter.push('c"\r')).toEqual([]);
    expect(splitter.push('\nd,e')).toEqual([{ rowNumber: 1, cells: ['a', 'bc'] }]);
    expect(splitter.end()).toEqual([{ rowNumber: 2, cells: ['d', 'e'] }]);
  });
});
