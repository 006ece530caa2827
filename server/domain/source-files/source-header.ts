import type { RawRecord } from './csv-splitter';
import { usedWidth } from './detect-header-row';
import { assertNoFormula } from './formula-cells';
import { SourceFileError, describeColumn } from './source-file-error';

/**
 * Column names from the header record: trimmed, trailing empty cells dropped, blank names given
 * a positional name (with a warning), duplicates refused since a mapping addresses columns by name.
 */
export function buildHeader(record: RawRecord, maxColumns: number, warnings: string[]): string[] {
  assertNoFormula(record.cells, record.rowNumber);
  const width = usedWidth(record.cells);
  if (width > maxColumns) {
    throw new SourceFileError(
      'too_many_columns',
      `The header (row ${record.rowNumber}) has ${width} columns; at most ${maxColumns} are accepted.`,
      record.rowNumber,
    );
  }
  const header = record.cells.slice(0, width).map((cell) => cell.trim());
  const firstSeen = new Map<string, number>();
  const original = [...header];
  header.forEach((name, i) => {
    if (name === '') {
      header[i] = `Column ${i + 1}`;
      warnings.push(`${describeColumn(i + 1)} has no name in the header (row ${record.rowNumber}); it is called '${header[i]}'.`);
    }
    const key = header[i].toLowerCase();
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) {
      throw new SourceFileError(
        'duplicate_column',
        `The column name '${header[i]}' appears twice in the header (row ${record.rowNumber}): ${describeColumn(earlier + 1, original[earlier])} and ${describeColumn(i + 1, original[i])}. Rename one of them.`,
        record.rowNumber,
        i + 1,
      );
    }
    firstSeen.set(key, i);
  });
  return header;
}

/** A data row: exactly one cell per header column. */
export interface SourceRow {
  /** 1-based row number as a spreadsheet shows it. */
  rowNumber: number;
  cells: string[];
}

/** A batch of records as data rows: blank ones left out, each fitted to the header. */
export function fitRows(records: readonly RawRecord[], header: readonly string[], padShort: boolean, headerRow: number): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const record of records) {
    if (!isBlankRecord(record)) rows.push({ rowNumber: record.rowNumber, cells: fitRecord(record, header, padShort, headerRow) });
  }
  return rows;
}

export function isBlankRecord(record: RawRecord): boolean {
  for (const cell of record.cells) if (cell.trim() !== '') return false;
  return true;
}

/**
 * A data record fitted to the header. Cells past the header are accepted only when empty (the
 * trailing separators spreadsheets add); XLSX rows end at their last filled cell, so they are
 * padded, while a short CSV row means a broken line and is refused.
 */
export function fitRecord(record: RawRecord, header: readonly string[], padShort: boolean, headerRow: number): string[] {
  const width = header.length;
  const cells = record.cells;
  if (cells.length === width) {
    assertNoFormula(cells, record.rowNumber, header);
    return cells;
  }
  if (cells.length > width) {
    for (let i = width; i < cells.length; i++) {
      if (cells[i].trim() !== '') {
        throw new SourceFileError(
          'ragged_row',
          `Row ${record.rowNumber} has ${usedWidth(cells)} cells but the header (row ${headerRow}) has ${width}: ${describeColumn(i + 1)} holds a value under no column name.`,
          record.rowNumber,
          i + 1,
        );
      }
    }
    const fitted = cells.slice(0, width);
    assertNoFormula(fitted, record.rowNumber, header);
    return fitted;
  }
  if (!padShort) {
    throw new SourceFileError(
      'ragged_row',
      `Row ${record.rowNumber} has ${cells.length} cells but the header (row ${headerRow}) has ${width}. A cell may hold an unquoted separator or a line break.`,
      record.rowNumber,
      cells.length + 1,
    );
  }
  const padded = cells.concat(new Array<string>(width - cells.length).fill(''));
  assertNoFormula(padded, record.rowNumber, header);
  return padded;
}
