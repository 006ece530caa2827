/**
 * Why a partner file cannot be read, in words a data steward can act on. Messages name rows,
 * columns and header names but never cell values: the cells of a raw upload are personal data.
 */
export const SOURCE_FILE_ERROR_CODES = [
  'empty_file',
  'header_only',
  'no_header',
  'ragged_row',
  'duplicate_column',
  'too_many_columns',
  'unsupported_encoding',
  'invalid_encoding',
  'binary_content',
  'unsupported_format',
  'wrong_delimiter',
  'unclosed_quote',
  'record_too_large',
  'file_too_large',
  'zip_bomb',
  'invalid_xlsx',
  'formula_cell',
] as const;
export type SourceFileErrorCode = (typeof SOURCE_FILE_ERROR_CODES)[number];

export const isSourceFileErrorCode = (code: unknown): code is SourceFileErrorCode => (SOURCE_FILE_ERROR_CODES as readonly unknown[]).includes(code);

export class SourceFileError extends Error {
  override readonly name = 'SourceFileError';

  constructor(
    readonly code: SourceFileErrorCode,
    message: string,
    /** 1-based row number as a spreadsheet shows it (the line where a CSV record starts). */
    readonly row?: number,
    /** 1-based column position. */
    readonly column?: number,
  ) {
    super(message);
  }

  toJSON(): { code: SourceFileErrorCode; message: string; row?: number; column?: number } {
    return { code: this.code, message: this.message, row: this.row, column: this.column };
  }
}

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "column 7 (G, 'situation')": position first, since header names may repeat or be blank. */
export function describeColumn(column: number, headerName?: string): string {
  const name = headerName ? `, '${headerName}'` : '';
  return `column ${column} (${columnLetter(column)}${name})`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
