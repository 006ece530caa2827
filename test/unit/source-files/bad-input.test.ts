import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFileOptions } from '../../../server/domain/source-files';
import { failure, readAllRows } from './open-text';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../../fixtures/bad-input', name));

interface Case {
  file: string;
  code: string | string[];
  message: RegExp;
  row?: number;
  column?: number;
  options?: SourceFileOptions;
}

const CASES: Case[] = [
  { file: 'empty.csv', code: 'empty_file', message: /empty \(0 bytes\)/ },
  { file: 'blank-lines.csv', code: 'empty_file', message: /only blank lines/ },
  { file: 'header-only.csv', code: 'header_only', message: /header \(row 1\) but no data rows/, row: 1 },
  { file: 'ragged-short.csv', code: 'ragged_row', message: /^Row 3 has 2 cells but the header \(row 1\) has 3/, row: 3, column: 3 },
  { file: 'ragged-extra-value.csv', code: 'ragged_row', message: /^Row 3 has 4 cells .* column 4 \(D\) holds a value under no column name/, row: 3, column: 4 },
  { file: 'duplicate-columns.csv', code: 'duplicate_column', message: /'age' appears twice .*column 2 \(B, 'Age'\) and column 4 \(D, 'age'\)/, row: 1, column: 4 },
  { file: 'formula-cmd.csv', code: 'formula_cell', message: /^Row 3, column 2 \(B, 'notes'\): the cell starts like a spreadsheet formula/, row: 3, column: 2 },
  { file: 'formula-at.csv', code: 'formula_cell', message: /^Row 3, column 3 \(C, 'score'\)/, row: 3, column: 3 },
  { file: 'unclosed-quote.csv', code: 'unclosed_quote', message: /^Row 3 opens a quoted cell that is never closed/, row: 3 },
  { file: 'inconsistent-delimiter.csv', code: 'wrong_delimiter', message: /semicolons \(';'\) but split into different numbers of columns/ },
  { file: 'binary.bin', code: 'binary_content', message: /binary data \(a NUL byte at byte 8\)/ },
  { file: 'utf32.csv', code: 'unsupported_encoding', message: /UTF-32/ },
  { file: 'old-excel.xls', code: 'unsupported_format', message: /Excel 97-2003 workbook \(\.xls\)/ },
  { file: 'high-byte-garbage.csv', code: ['unsupported_encoding', 'invalid_encoding'], message: /Save it as CSV UTF-8/ },
  { file: 'formula-cmd.csv', code: 'file_too_large', message: /larger than the 20 bytes limit/, options: { sizeLimit: 20 } },
];

describe('bad input gets a readable error saying what and where', () => {
  it.each(CASES)('$file → $code', async ({ file, code, message, row, column, options }) => {
    const error = await failure(fixture(file), options);
    expect(error).toMatchObject({ name: 'SourceFileError' });
    expect([code].flat()).toContain(error.code);
    expect(error.message).toMatch(message);
    if (row !== undefined) expect(error.row).toBe(row);
    if (column !== undefined) expect(error.column).toBe(column);
  });

  it('never quotes a cell value in a message', async () => {
    const error = await failure(fixture('formula-cmd.csv'));
    expect(error.message).not.toContain('cmd');
    const ragged = await failure('name,age\nAlice Secret,17\nBob Hidden\n');
    expect(ragged.message).not.toMatch(/Alice|Bob/);
  });

  it('a declared delimiter that leaves one column while the lines use another is a wrong delimiter', async () => {
    const error = await failure('id;gender;age\n1;F;17\n2;M;30\n', { delimiter: ',' });
    expect(error.code).toBe('wrong_delimiter');
    expect(error.message).toMatch(/declared comma-separated .* separated by semicolons \(';', 3 columns\)/);
  });

  it('refuses an oversized file before reading it when its size is known', async () => {
    const error = await failure('a,b\n1,2\n', { sizeLimit: 4, totalBytes: 2 * 1024 ** 3 });
    expect(error.code).toBe('file_too_large');
    expect(error.message).toBe('The file is 2.0 GB, over the 4 bytes limit.');
  });

  it('finds invalid UTF-8 far into the file and names its row', async () => {
    const good = 'id,notes\n' + Array.from({ length: 5000 }, (_, i) => `${i},ligne numéro ${i}\n`).join('');
    const bytes = Buffer.concat([Buffer.from(good, 'utf8'), Buffer.from([0x31, 0x2c, 0xe9, 0x74, 0xe9, 0x0a])]);
    const error = await failure(bytes);
    expect(error.code).toBe('invalid_encoding');
    expect(error.row).toBe(5002);
    expect(error.message).toMatch(/^Row 5002 contains bytes that are not valid UTF-8/);
  });

  it('a record longer than the limit (a quote left open) stops the read', async () => {
    const error = await failure(`id,notes\n1,"${'x'.repeat(5000)}\n2,y\n`, { maxRecordChars: 1000 });
    expect(error.code).toBe('record_too_large');
    expect(error.row).toBe(2);
  });

  it('a header wider than the column limit is refused', async () => {
    const header = Array.from({ length: 30 }, (_, i) => `c${i}`).join(',');
    const error = await failure(`${header}\n${'1,'.repeat(29)}1\n`, { maxColumns: 10 });
    expect(error).toMatchObject({ code: 'too_many_columns', row: 1 });
  });

  it('tolerates empty trailing cells after the header width and cells like -99 or phone numbers', async () => {
    const { rows } = await readAllRows('id;phone;score;\n1;+33 6 12 34 56 78;-99;;\n2; -5;+7;\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['1', '+33 6 12 34 56 78', '-99'],
      ['2', ' -5', '+7'],
    ]);
  });
});
