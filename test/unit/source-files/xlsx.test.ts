import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { generatePartnerFile } from '../../../server/domain/synthetic';
import { readAll } from '../synthetic/read-stream';
import { failure, readAllRows } from './open-text';
import { WORKBOOK_PARTS, buildZip, inlineRow, sheetEntry } from './zip-builder';

const sealedTempFiles = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith('source-sheet-'));

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('Data'));
  book.addWorksheet('Other').addRow(['not read']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('XLSX', () => {
  it('reads a generated htcds workbook to the same rows as the CSV of the same seed', async () => {
    const options = { profile: 'htcds' as const, rows: 400, seed: 21 };
    const xlsx = await readAll(generatePartnerFile({ ...options, format: 'xlsx' }));
    const csv = await readAll(generatePartnerFile(options));
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    const before = sealedTempFiles();
    const fromXlsx = await readAllRows(xlsx);
    const fromCsv = await readAllRows(csv);
    expect(fromXlsx.file).toMatchObject({ format: 'xlsx', delimiter: null, headerRow: 0 });
    expect(fromXlsx.file.header).toEqual(fromCsv.file.header);
    expect(fromXlsx.rows.map((r) => r.cells)).toEqual(fromCsv.rows.map((r) => r.cells));
    expect(fromXlsx.rows[0].rowNumber).toBe(2);
    // exceljs writes the sheet before the workbook parts, so it went through a sealed temp file.
    expect(sealedTempFiles()).toEqual(before);
  });

  it('reads the first sheet only, dates as ISO text, numbers, booleans and rich text as text', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['Registre des victimes 2024']);
      sheet.addRow([]);
      sheet.addRow(['case', 'arrived', 'age', 'minor', 'notes', 'ratio']);
      sheet.addRow(['C-1', new Date(Date.UTC(2024, 2, 5)), 17, true, { richText: [{ text: 'two ' }, { text: 'parts' }] }, 0.1 + 0.2]);
      sheet.addRow(['C-2', new Date(Date.UTC(2024, 2, 5, 14, 30)), 30, false]);
    });
    const { file, rows } = await readAllRows(bytes);
    expect(file.headerRowNumber).toBe(3);
    expect(file.header).toEqual(['case', 'arrived', 'age', 'minor', 'notes', 'ratio']);
    expect(rows.map((r) => r.cells)).toEqual([
      ['C-1', '2024-03-05', '17', 'TRUE', 'two parts', '0.3'],
      ['C-2', '2024-03-05T14:30:00', '30', 'FALSE', '', ''],
    ]);
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 5]);
  });

  it('refuses formula cells with their row and column', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['id', 'age', 'next']);
      sheet.addRow(['A', 17, 1]);
      sheet.addRow(['B', 30, { formula: 'B3+1', result: 31 }]);
    });
    const error = await failure(bytes);
    expect(error).toMatchObject({ code: 'formula_cell', row: 3, column: 3 });
    expect(error.message).toMatch(/^Row 3, column 3 \(C\): the cell starts like a spreadsheet formula/);
  });

  it('refuses text cells that a spreadsheet would run as formulas', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['id', 'notes']);
      sheet.addRow(['A', "=cmd|' /C calc'!A0"]);
    });
    expect(await failure(bytes)).toMatchObject({ code: 'formula_cell', row: 2, column: 2 });
  });

  it('refuses a cell beyond the header width', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['id', 'age']);
      sheet.addRow(['A', 17]);
      sheet.addRow(['B', 30, 'stray note']);
    });
    expect(await failure(bytes)).toMatchObject({ code: 'ragged_row', row: 3, column: 3 });
  });

  it.each([
    ['after the workbook parts (parsed as it streams)', 'last'],
    ['before the workbook parts (set aside in a sealed temp file)', 'first'],
  ])('stops a zip bomb whose sheet comes %s', async (_label, order) => {
    const sheet = sheetEntry({
      head: inlineRow(1, ['id', 'note']),
      repeat: { chunk: inlineRow(2, ['1', 'aaaaaaaaaaaaaaaaaaaa']), times: 1_000_000 },
    });
    const bomb = await buildZip(order === 'first' ? [sheet, ...WORKBOOK_PARTS] : [...WORKBOOK_PARTS, sheet]);
    // About 85 MB of XML in well under 1 MB of zip.
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = sealedTempFiles();
    const error = await failure(bomb);
    expect(error.code).toBe('zip_bomb');
    expect(error.message).toMatch(/compressed \d+ times \(at most 100 is accepted\): it looks like a zip bomb/);
    expect(sealedTempFiles()).toEqual(before);
  }, 30_000);

  it('caps the total unpacked size', async () => {
    const xlsx = await readAll(generatePartnerFile({ profile: 'htcds', rows: 3000, seed: 2, format: 'xlsx' }));
    const error = await failure(xlsx, { xlsxLimits: { maxUncompressedBytes: 512 * 1024 } });
    expect(error.code).toBe('zip_bomb');
    expect(error.message).toMatch(/unpacks to more than 512.0 KB/);
  });

  it('a workbook cut anywhere is a readable error (or, cut in its index only, read whole), never a hang', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['id', 'age']);
      for (let i = 0; i < 50; i++) sheet.addRow([`C-${i}`, 17 + i]);
    });
    for (let cut = 200; cut < bytes.length; cut += Math.floor(bytes.length / 23)) {
      try {
        const { rows } = await readAllRows(bytes.subarray(0, cut));
        // Every entry arrived; only the zip's central directory (read by no one) was cut.
        expect(rows).toHaveLength(50);
      } catch (error) {
        expect((error as Error).constructor.name).toBe('SourceFileError');
        expect(['invalid_xlsx', 'no_header', 'header_only']).toContain((error as { code: string }).code);
      }
    }
  }, 30_000);
});
