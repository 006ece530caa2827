import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readAllRows } from './open-text';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../../fixtures/bad-input', name));

describe('format, encoding, delimiter and header detection', () => {
  it.each([
    [',', 'csv', 'id,country,note\n1,MD,"a, b; c"\n2,UA,x|y\n'],
    [';', 'csv', 'id;country;note\n1;MD;a, b| c\n2;UA;x, y\n'],
    ['\t', 'tsv', 'id\tcountry\tnote\n1\tMD\ta, b; c\n2\tUA\tx|y\n'],
    ['|', 'csv', 'id|country|note\n1|MD|a, b; c\n2|UA|x, y\n'],
  ])('detects %j as the delimiter (%s) despite other separators inside cells', async (delimiter, format, text) => {
    const { file, rows } = await readAllRows(text);
    expect(file.delimiter).toBe(delimiter);
    expect(file.format).toBe(format);
    expect(file.header).toEqual(['id', 'country', 'note']);
    expect(rows.map((r) => r.cells[1])).toEqual(['MD', 'UA']);
  });

  it('picks the separator that is consistent, not the one that is frequent', async () => {
    const text = 'nom;adresse;age\nDupont;"12, rue A, Paris";17\nMartin;3, rue B, Lyon;30\nDurand;rue C;41\n';
    const { file, rows } = await readAllRows(text);
    expect(file.delimiter).toBe(';');
    expect(rows[1].cells).toEqual(['Martin', '3, rue B, Lyon', '30']);
  });

  it('is not confused by rows whose last cells are empty', async () => {
    const text = 'id;age;notes;left\n1;17;;\n2;30;x;\n3;;;\n4;41;y;2024\n';
    const { file, rows } = await readAllRows(text);
    expect(file.delimiter).toBe(';');
    expect(rows.map((r) => r.cells)).toEqual([
      ['1', '17', '', ''],
      ['2', '30', 'x', ''],
      ['3', '', '', ''],
      ['4', '41', 'y', '2024'],
    ]);
  });

  it('drops a UTF-8 byte order mark: it is handled, not an error', async () => {
    const { file, rows } = await readAllRows(fixture('bom-semicolon.csv'));
    expect(file.encoding).toBe('utf-8');
    expect(file.header).toEqual(['id', 'gender', 'age']);
    expect(rows[0].cells).toEqual(['1', 'F', '17']);
  });

  it('finds the header below a title line and a blank line, and says so', async () => {
    const { file, rows } = await readAllRows(fixture('title-then-header.csv'));
    expect(file.headerRowNumber).toBe(3);
    expect(file.headerRow).toBe(2);
    expect(file.header).toEqual(['id', 'gender', 'age']);
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 5]);
    expect(file.warnings).toEqual(['The header is on row 3; the title rows above it were skipped.']);
  });

  it('decodes Windows-1252 (French accents, the euro sign, curly apostrophes)', async () => {
    const bytes = iconv.encode('Nom;Prénom;Nationalité;Montant\nLEFÈVRE;Hélène;Côte d’Ivoire;12 €\nDUPONT;Zoë;Moldavie;5 €\n', 'win1252');
    const { file, rows } = await readAllRows(bytes);
    expect(file.encoding).toBe('windows-1252');
    expect(file.header).toEqual(['Nom', 'Prénom', 'Nationalité', 'Montant']);
    expect(rows[0].cells).toEqual(['LEFÈVRE', 'Hélène', 'Côte d’Ivoire', '12 €']);
  });

  it('reads on as Windows-1252 a file whose first accent comes after a plain-ASCII start', async () => {
    const ascii = 'id;city\n' + Array.from({ length: 8000 }, (_, i) => `${i};Paris\n`).join('');
    const bytes = Buffer.concat([Buffer.from(ascii), iconv.encode('8000;Orléans\n8001;Besançon\n', 'win1252')]);
    const { file, rows } = await readAllRows(bytes);
    expect(rows.slice(-2).map((r) => r.cells[1])).toEqual(['Orléans', 'Besançon']);
    expect(file.encoding).toBe('windows-1252');
    expect(file.warnings).toEqual(['The first rows were plain ASCII, read as UTF-8; from row 8002 on the file is not UTF-8 and was read as windows-1252.']);
  });

  it('decodes UTF-16 with a byte order mark (Excel "Unicode text")', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('id\tname\n1\tZoë\n', 'utf-16le')]);
    const { file, rows } = await readAllRows(bytes);
    expect(file).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', format: 'tsv' });
    expect(rows[0].cells).toEqual(['1', 'Zoë']);
  });

  it('keeps multi-byte characters cut between chunks intact and counts rows across quoted line breaks', async () => {
    const text = 'id,notes\n1,"first line\nsecond line"\n2,ééééééééé\n3,"a ""quoted"" word"\n';
    const { rows } = await readAllRows(Buffer.from(text), undefined);
    expect(rows.map((r) => [r.rowNumber, r.cells[1]])).toEqual([
      [2, 'first line\nsecond line'],
      [4, 'ééééééééé'],
      [5, 'a "quoted" word'],
    ]);
  });

  it('skips blank lines between rows but keeps their row numbers', async () => {
    const { rows } = await readAllRows('a,b\n1,2\n\n,\n3,4\r\n');
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 5]);
  });

  it('names blank header cells by position with a warning', async () => {
    const { file } = await readAllRows('id,,age\n1,x,3\n');
    expect(file.header).toEqual(['id', 'Column 2', 'age']);
    expect(file.warnings[0]).toMatch(/column 2 \(B\) has no name in the header \(row 1\)/);
  });

  it('a single-column file without separators is read as one column', async () => {
    const { file, rows } = await readAllRows('country\nMD\nUA\n');
    expect(file.header).toEqual(['country']);
    expect(rows.map((r) => r.cells)).toEqual([['MD'], ['UA']]);
  });
});
