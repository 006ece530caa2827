import { formulaCellError } from './formula-cells';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Excel stores dates as day numbers; exceljs turns them into UTC Dates. Midnight → a plain date. */
function dateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  if (seconds === 0) return day;
  return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function numberText(value: number): string {
  // Binary doubles: 0.1 + 0.2 shows as Excel shows it (15 significant digits), not 0.30000000000000004.
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

/**
 * One cell of a streamed sheet as text. Formulas are refused, whatever their cached result:
 * partner exports have no reason to contain them.
 */
export function xlsxCellText(value: unknown, row: number, column: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if ('formula' in cell || 'sharedFormula' in cell) throw formulaCellError(row, column);
    if (Array.isArray(cell.richText)) {
      return (cell.richText as { text?: string }[]).map((part) => part.text ?? '').join('');
    }
    if (typeof cell.text === 'string') return cell.text;
    if (typeof cell.error === 'string') return cell.error;
  }
  return String(value);
}
