import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { partnerRows } from './partner-rows';
import type { PartnerProfile } from './types';

// Fixed so that two runs with the same seed write the same workbook properties.
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PLAIN_INTEGER = /^(0|-?[1-9]\d{0,8})$/;

/** Typed cells, as a spreadsheet really holds them: numbers as numbers, dates as dates. */
function toCell(text: string): string | number | Date | null {
  if (text === '') return null;
  const date = ISO_DATE.exec(text);
  if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
  if (PLAIN_INTEGER.test(text)) return Number(text);
  return text;
}

interface ZipEntryInput extends NodeJS.EventEmitter {
  // exceljs pipes into a readable-stream v2 PassThrough, which predates `writableNeedDrain`.
  _writableState?: { needDrain: boolean; length: number };
}

/**
 * exceljs's sheet buffer writes into the zip without honouring backpressure (it ignores write()'s
 * return value), so rows drawn faster than zlib compresses them would pile up in memory. We wait
 * on the zip entry's own buffer and on the consumer before drawing more.
 */
async function waitForZip(sheet: unknown, out: PassThrough): Promise<void> {
  const entry = (sheet as { stream?: { pipes?: ZipEntryInput[] } }).stream?.pipes?.[0];
  const state = entry?._writableState;
  // Letting a few MB queue keeps zlib busy; waiting at every 16 KB makes the writer far slower.
  if (entry && state && state.needDrain && state.length > 4 * 1024 * 1024) await once(entry, 'drain');
  if (out.writableNeedDrain) await once(out, 'drain');
}

/**
 * XLSX through exceljs's streaming writer: rows are committed as they are drawn and the producer
 * waits whenever the zip or the consumer has not taken the bytes yet, so memory stays flat.
 */
export function xlsxStream(profile: PartnerProfile, rows: number, seed: number | string): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.creator = 'synthetic generator';
  const sheet = workbook.addWorksheet('Cases');

  const produce = async (): Promise<void> => {
    sheet.addRow([...profile.columns]).commit();
    let n = 0;
    for (const cells of partnerRows(profile, rows, seed)) {
      const row = sheet.addRow(cells.map(toCell));
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      });
      row.commit();
      if (++n % 500 === 0) {
        if (out.destroyed) return;
        await waitForZip(sheet, out);
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  produce().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
