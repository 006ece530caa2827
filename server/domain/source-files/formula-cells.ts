import { SourceFileError, describeColumn } from './source-file-error';

/**
 * Formula injection ("CSV injection"): a cell that a spreadsheet would run as a formula when the
 * data is opened again, e.g. `=cmd|' /C calc'!A0`, `@SUM(…)`, `+HYPERLINK(…)`.
 *
 * Decision: such a file is refused, not neutralised. Nothing in a partner export has a reason to
 * be a formula, so one means a broken or hostile export; rewriting the cell would silently change
 * partner data. Cells starting with `-` or `+` that are numbers, phone numbers or missing-value
 * markers (`-99`, `+33 6 12 34 56 78`) are ordinary data and pass.
 */
// After the sign: a function call or a cell reference right away, or a DDE call (`cmd|'…'!A0`).
const FORMULA_BODY = /^[-+@](?:[A-Za-z_][A-Za-z0-9_.]*\(|\$?[A-Za-z]{1,3}\$?\d+\b)|[A-Za-z0-9_]\|'|'![$A-Za-z]/;

export function looksLikeFormula(cell: string): boolean {
  let start = 0;
  while (start < cell.length && (cell.charCodeAt(start) === 32 || cell.charCodeAt(start) === 9)) start++;
  const first = cell.charCodeAt(start);
  if (first === 61 /* = */) return cell.length - start > 1;
  if (first !== 43 /* + */ && first !== 45 /* - */ && first !== 64 /* @ */) return false;
  return FORMULA_BODY.test(start === 0 ? cell : cell.slice(start));
}

export function formulaCellError(row: number, column: number, headerName?: string): SourceFileError {
  return new SourceFileError(
    'formula_cell',
    `Row ${row}, ${describeColumn(column, headerName)}: the cell starts like a spreadsheet formula. Formulas are never evaluated and files containing them are refused; remove the formula (or type its result) and upload the file again.`,
    row,
    column,
  );
}

/** Throws on the first formula-like cell of a record. */
export function assertNoFormula(cells: readonly string[], row: number, header?: readonly string[]): void {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i].charCodeAt(0);
    // Cheap first-character filter: almost every cell is rejected here.
    if ((c === 61 || c === 43 || c === 45 || c === 64 || c === 32 || c === 9) && looksLikeFormula(cells[i])) {
      throw formulaCellError(row, i + 1, header?.[i]);
    }
  }
}
