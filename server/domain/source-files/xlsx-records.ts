import { dirname } from 'node:path';
import { Readable, type Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RawRecord } from './csv-splitter';
import { SealedTempFile } from './sealed-temp-file';
import { SourceFileError } from './source-file-error';
import { xlsxCellText } from './xlsx-cell-text';
import { InflateBudget, type XlsxLimits } from './xlsx-limits';

/** The exceljs streaming-reader internals this module drives (exceljs 4.4, pinned). */
interface WorkbookParts {
  _parseRels(text: AsyncIterable<unknown>): Promise<void>;
  _parseWorkbook(text: AsyncIterable<unknown>): Promise<void>;
  _parseSharedStrings(text: AsyncIterable<unknown>): AsyncGenerator<unknown>;
  _parseStyles(text: AsyncIterable<unknown>): Promise<void>;
  _parseWorksheet(text: AsyncIterable<unknown>, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
}

interface ZipEntry extends Readable {
  path: string;
}

// exceljs's own unzipper, resolved from exceljs so both always agree on the version.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const unzipper = require(require.resolve('unzipper', { paths: [dirname(require.resolve('exceljs/package.json'))] })) as {
  Parse(options: { forceStream: boolean }): Transform;
};

const SHEET_PATH = /^xl\/worksheets\/sheet(\d+)\.xml$/;

function firstSheetPath(parts: WorkbookParts): string | null {
  const rId = parts.model?.sheets?.[0]?.rId;
  const target = parts.workbookRels?.find((rel) => rel.Id === rId)?.Target;
  if (!target) return null;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

async function drain(stream: Readable): Promise<void> {
  for await (const _ of stream) {
    // Inflated only to be counted: an unused entry can be a bomb too.
  }
}

async function* sheetRows(parts: WorkbookParts, text: AsyncIterable<unknown>, sheetNo: string): AsyncGenerator<RawRecord> {
  for (const { value: sheet } of parts._parseWorksheet(text, sheetNo)) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: string[] = new Array(Math.max(0, values.length - 1));
      for (let i = 1; i < values.length; i++) cells[i - 1] = xlsxCellText(values[i], row.number, i);
      yield { rowNumber: row.number, cells };
    }
  }
}

/**
 * The first sheet's rows, streamed. Every zip entry is inflated through the same budget. The
 * sheet is parsed at once when the parts it needs (relations, workbook, styles for dates, shared
 * strings) came before it in the zip; otherwise it is set aside in a sealed temporary file.
 */
export async function* xlsxRecords(bytes: AsyncIterable<Buffer>, limits: XlsxLimits, compressedBytes: () => number): AsyncGenerator<RawRecord> {
  const parts = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  }) as unknown as WorkbookParts;
  const budget = new InflateBudget(limits, compressedBytes);
  const input = Readable.from(bytes);
  const zip = unzipper.Parse({ forceStream: true });
  // unzipper reports a truncated archive on itself, not on the entry being read: pass it on, or
  // the sheet parser would wait forever for the rest of the entry.
  let current: Transform | null = null;
  let failed: Error | null = null;
  zip.on('error', (error) => {
    failed = error;
    current?.destroy(error);
  });
  input.on('error', (error) => zip.destroy(error));
  input.pipe(zip);
  const seen = new Set<string>();
  let deferred: { file: SealedTempFile; sheetNo: string } | null = null;
  try {
    for await (const entry of zip as AsyncIterable<ZipEntry>) {
      const text = entry.pipe(budget.meter());
      current = text;
      entry.on('error', (error) => text.destroy(error));
      if (failed) throw failed;
      const sheet = SHEET_PATH.exec(entry.path);
      seen.add(entry.path);
      if (entry.path === 'xl/_rels/workbook.xml.rels') await parts._parseRels(text);
      else if (entry.path === 'xl/workbook.xml') await parts._parseWorkbook(text);
      else if (entry.path === 'xl/styles.xml') await parts._parseStyles(text);
      else if (entry.path === 'xl/sharedStrings.xml') for await (const _ of parts._parseSharedStrings(text));
      else if (sheet && !deferred && entry.path === (firstSheetPath(parts) ?? 'xl/worksheets/sheet1.xml')) {
        const ready = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'].every((p) => seen.has(p));
        if (ready) {
          yield* sheetRows(parts, text, sheet[1]);
          return;
        }
        deferred = { file: await SealedTempFile.write(text), sheetNo: sheet[1] };
      } else await drain(text);
    }
    if (!deferred) throw new SourceFileError('invalid_xlsx', 'The workbook has no worksheet: it is not a valid XLSX file.');
    yield* sheetRows(parts, deferred.file.read(), deferred.sheetNo);
  } catch (error) {
    if (error instanceof SourceFileError) throw error;
    // Parser messages can quote document content, so they are not passed on.
    throw new SourceFileError('invalid_xlsx', 'The workbook could not be read: it is damaged or not an XLSX file.');
  } finally {
    input.destroy();
    zip.destroy();
    await deferred?.file.remove();
  }
}
