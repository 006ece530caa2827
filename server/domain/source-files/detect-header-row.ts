import type { RawRecord } from './csv-splitter';
import { SourceFileError } from './source-file-error';

export const HEADER_SEARCH_ROWS = 30;
const NUMBER_OR_DATE = /^[-+]?[\d\s.,/:-]+$/;

function nonEmptyCells(record: RawRecord): string[] {
  return record.cells.map((c) => c.trim()).filter((c) => c !== '');
}

/** Number of cells up to the last non-empty one. */
export function usedWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1].trim() === '') width--;
  return width;
}

function looksLikeHeader(record: RawRecord, tableWidth: number): boolean {
  const cells = nonEmptyCells(record);
  if (cells.length === 0) return false;
  if (tableWidth > 1 && cells.length < Math.max(2, Math.ceil(tableWidth * 0.5))) return false;
  const labels = cells.filter((c) => !NUMBER_OR_DATE.test(c));
  const distinct = new Set(cells.map((c) => c.toLowerCase()));
  return labels.length >= cells.length * 0.7 && distinct.size >= cells.length * 0.5;
}

/**
 * Index (in `records`) of the header: the first row that names the columns, i.e. spans most of
 * the table's width with distinct, mostly non-numeric cells. Report titles and blank lines above
 * it are skipped.
 */
export function detectHeaderRow(records: readonly RawRecord[]): number {
  // No data row is wider than the header (that would be a ragged row), so the widest row sets it.
  const tableWidth = Math.max(0, ...records.map((r) => usedWidth(r.cells)));
  const index = records.findIndex((r) => looksLikeHeader(r, tableWidth));
  if (index < 0) {
    throw new SourceFileError(
      'no_header',
      `No header row found in the first ${Math.min(records.length, HEADER_SEARCH_ROWS)} rows: the first row of the table must name its columns.`,
    );
  }
  return index;
}
