/**
 * What profiling learns about a partner file. Shared by the profiling job, the mapping
 * suggestions and the admin UI. Values of identifier columns are never kept: `values` is null.
 */
export type SourceFormat = 'csv' | 'tsv' | 'xlsx';

export type InferredType = 'empty' | 'integer' | 'decimal' | 'boolean' | 'date' | 'code' | 'text';

export type IdentifierKind =
  | 'name'
  | 'phone'
  | 'email'
  | 'address'
  | 'document_number'
  | 'case_number'
  | 'birth_date'
  | 'precise_date'
  | 'free_text';

export interface ValueCount {
  value: string;
  count: number;
}

export interface ColumnProfile {
  /** 0-based position in the source header. */
  index: number;
  /** Header text as found in the file (trimmed). */
  name: string;
  inferredType: InferredType;
  nonEmpty: number;
  empty: number;
  distinctCount: number;
  /** True when more distinct values existed than the cap kept. */
  distinctCapped: boolean;
  /** Most frequent first; null when the column is an identifier (values are never stored). */
  values: ValueCount[] | null;
  /** Set when the column looks like a direct identifier. */
  identifier: { kind: IdentifierKind; reason: string } | null;
  /** Statistics that are safe to show even for identifier columns. */
  stats: { minLength: number; maxLength: number; meanLength: number };
}

export interface FileProfile {
  format: SourceFormat;
  encoding: string;
  delimiter: string | null;
  /** 0-based index of the header row among the file's rows. */
  headerRow: number;
  rowCount: number;
  columns: ColumnProfile[];
  /** Cap on distinct values kept per column. */
  distinctCap: number;
  warnings: string[];
}
