import { CsvSplitter } from './csv-splitter';
import type { TextPiece } from './record-pieces';
import { type SourceRow, fitRows } from './source-header';

/*
 * Splitting a piece of a delimited file, apart from opening it: reading threads load only this
 * (and what it needs), not the detection and XLSX code.
 */

const SPLIT_CHARS = 64 * 1024;

/** Rows already split, or text of whole records for splitPiece (here or on another thread). */
export type FilePiece = { rows: SourceRow[] } | TextPiece;

/** What splitting a text piece needs to know of its file. */
export interface PieceLayout {
  delimiter: string;
  header: string[];
  headerRowNumber: number;
  maxRecordChars: number;
}

/**
 * The data rows of a piece, as rows() would have given them, handed to `onRows` a few at a time:
 * the cells of a whole piece at once would outlive the young generation and make collection costly.
 */
export function splitPiece(piece: FilePiece, layout: PieceLayout | null, onRows: (rows: SourceRow[]) => void): void {
  if ('rows' in piece) {
    onRows(piece.rows);
    return;
  }
  const { delimiter, maxRecordChars, header, headerRowNumber } = layout!;
  const splitter = new CsvSplitter(delimiter, maxRecordChars, piece.firstLine);
  const text = piece.text;
  for (let at = 0; at < text.length; at += SPLIT_CHARS) {
    const records = splitter.push(text.slice(at, at + SPLIT_CHARS));
    if (records.length > 0) onRows(fitRows(records, header, false, headerRowNumber));
  }
  const last = splitter.end();
  if (last.length > 0) onRows(fitRows(last, header, false, headerRowNumber));
}

