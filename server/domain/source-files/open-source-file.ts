import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import type { SourceFormat } from '../profiling/types';
import { ByteSource } from './byte-source';
import { CsvSplitter, type RawRecord } from './csv-splitter';
import { decodeText } from './decode-text';
import { assertReadableText, detectEncoding } from './detect-encoding';
import { detectContainer } from './detect-format';
import { type Delimiter, detectDelimiter } from './detect-delimiter';
import { HEADER_SEARCH_ROWS, detectHeaderRow } from './detect-header-row';
import { RecordPieces } from './record-pieces';
import { type SourceRow, buildHeader, fitRows, isBlankRecord } from './source-header';
import { type FilePiece, type PieceLayout, splitPiece } from './split-piece';
import { SourceFileError, formatBytes } from './source-file-error';
import { xlsxRecords } from './xlsx-records';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-limits';

export interface SourceFileOptions {
  /** Largest accepted upload in bytes (as handed over, i.e. after decryption). */
  sizeLimit?: number;
  /** Size of the input when known: an oversized file is refused before a byte is read. */
  totalBytes?: number;
  /** Separator declared by the partner; detected when absent. */
  delimiter?: Delimiter;
  xlsxLimits?: Partial<XlsxLimits>;
  maxColumns?: number;
  /** Longest CSV record, in characters; beyond it a quote is almost surely left open. */
  maxRecordChars?: number;
}

export type { SourceRow, FilePiece, PieceLayout };

export interface SourceFile {
  format: SourceFormat;
  encoding: string;
  delimiter: string | null;
  /** 0-based index of the header among the file's rows (headerRowNumber - 1). */
  headerRow: number;
  headerRowNumber: number;
  header: string[];
  warnings: string[];
  /** Raw bytes consumed so far (for progress). */
  bytesRead(): number;
  /** How text pieces of this file are split; null for XLSX, whose pieces are rows. */
  layout: PieceLayout | null;
  /** The data rows after the header, streamed; iterate once (this, batches() or pieces()). */
  rows(): AsyncGenerator<SourceRow>;
  /** The same rows a chunk's worth at a time: one await per batch instead of one per row. */
  batches(): AsyncGenerator<SourceRow[]>;
  /**
   * The same rows in pieces of about `pieceChars` characters, for CSV and TSV cut only where records
   * end and left unsplit: splitting, the bulk of reading, can then run on several threads.
   */
  pieces(pieceChars?: number): AsyncGenerator<FilePiece>;
  /** Stops reading and releases the input (needed only when rows() is not run to the end). */
  close(): Promise<void>;
}

const SAMPLE_BYTES = 64 * 1024;

/** Decoded text and the splitter reading it, which pieces() can take over once the header is found. */
interface DelimitedText {
  text: AsyncIterator<string>;
  delimiter: string;
  splitter: CsvSplitter;
  /** The text has run out and the splitter has given its last records. */
  ended: boolean;
}

/** The records of each decoded chunk together: parsing a million rows awaits once per chunk. */
async function* csvBatches(source: DelimitedText): AsyncGenerator<RawRecord[]> {
  for (let next = await source.text.next(); !next.done; next = await source.text.next()) {
    const batch = source.splitter.push(next.value);
    if (batch.length > 0) yield batch;
  }
  source.ended = true;
  const last = source.splitter.end();
  if (last.length > 0) yield last;
}

const PIECE_CHARS = 1024 * 1024;
const XLSX_PIECE_ROWS = 2000;

async function* singletons(records: AsyncGenerator<RawRecord>): AsyncGenerator<RawRecord[]> {
  for await (const record of records) yield [record];
}

function decodeSample(sample: Buffer, encoding: string, complete: boolean): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(sample, { stream: !complete });
  return iconv.decode(sample, encoding);
}

/**
 * Opens a partner upload: detects format, encoding, delimiter and header row from the first
 * bytes and rows, then streams the data rows. Any problem is a SourceFileError naming the row
 * and column. Memory stays flat whatever the file's size.
 */
export async function openSourceFile(input: Readable, options: SourceFileOptions = {}): Promise<SourceFile> {
  if (options.totalBytes !== undefined && options.sizeLimit !== undefined && options.totalBytes > options.sizeLimit) {
    input.destroy();
    throw new SourceFileError('file_too_large', `The file is ${formatBytes(options.totalBytes)}, over the ${formatBytes(options.sizeLimit)} limit.`);
  }
  const source = new ByteSource(input, options.sizeLimit);
  let records: AsyncGenerator<RawRecord[]> | null = null;
  let delimited: DelimitedText | null = null;
  const maxRecordChars = options.maxRecordChars ?? 1024 * 1024;
  const warnings: string[] = [];
  try {
    const sample = await source.peek(SAMPLE_BYTES);
    const complete = sample.length < SAMPLE_BYTES;
    if (sample.length === 0) throw new SourceFileError('empty_file', 'The file is empty (0 bytes).');
    let encoding = 'utf-8';
    let delimiter: Delimiter | null = null;
    if (detectContainer(sample) === 'xlsx') {
      records = singletons(xlsxRecords(source.chunks(), { ...DEFAULT_XLSX_LIMITS, ...options.xlsxLimits }, () => source.bytesRead));
    } else {
      const detected = detectEncoding(sample, complete);
      encoding = detected.encoding;
      const text = decodeSample(sample, encoding, complete);
      if (text.trim() === '') throw new SourceFileError('empty_file', 'The file is empty: it holds only blank lines.');
      assertReadableText(text, encoding);
      delimiter = detectDelimiter(text, complete, options.delimiter);
      const onSwitch = (to: string, row: number): void => {
        encoding = to;
        warnings.push(`The first rows were plain ASCII, read as UTF-8; from row ${row} on the file is not UTF-8 and was read as ${to}.`);
      };
      delimited = {
        text: decodeText(source.chunks(), encoding, onSwitch)[Symbol.asyncIterator](),
        delimiter,
        splitter: new CsvSplitter(delimiter, maxRecordChars),
        ended: false,
      };
      records = csvBatches(delimited);
    }

    // Record by record until the header is found; what is left of the batch comes first after it.
    const batches = records;
    let buffered: RawRecord[] = [];
    let at = 0;
    const nextRecord = async (): Promise<RawRecord | null> => {
      while (at >= buffered.length) {
        const next = await batches.next();
        if (next.done) return null;
        buffered = next.value;
        at = 0;
      }
      return buffered[at++];
    };
    const head: RawRecord[] = [];
    while (head.length < HEADER_SEARCH_ROWS) {
      const next = await nextRecord();
      if (next === null) break;
      if (!isBlankRecord(next)) head.push(next);
    }
    if (head.length === 0) throw new SourceFileError('empty_file', 'The file is empty: it holds no rows.');
    const headerIndex = detectHeaderRow(head);
    const headerRecord = head[headerIndex];
    if (headerRecord.rowNumber > 1) {
      warnings.push(`The header is on row ${headerRecord.rowNumber}; the ${headerIndex > 0 ? 'title rows' : 'blank rows'} above it were skipped.`);
    }
    const header = buildHeader(headerRecord, options.maxColumns ?? 1000, warnings);
    const pending = head.slice(headerIndex + 1);
    if (pending.length === 0) {
      for (let next = await nextRecord(); next !== null; next = await nextRecord()) {
        if (!isBlankRecord(next)) {
          pending.push(next);
          break;
        }
      }
    }
    pending.push(...buffered.slice(at));
    buffered = [];
    if (pending.length === 0) {
      throw new SourceFileError('header_only', `The file has a header (row ${headerRecord.rowNumber}) but no data rows.`, headerRecord.rowNumber);
    }

    const format: SourceFormat = delimiter === null ? 'xlsx' : delimiter === '\t' ? 'tsv' : 'csv';
    const padShort = format === 'xlsx';
    const fit = (batch: RawRecord[]): SourceRow[] => fitRows(batch, header, padShort, headerRecord.rowNumber);
    const rest = delimited;
    async function* pieces(pieceChars = PIECE_CHARS): AsyncGenerator<FilePiece> {
      try {
        const first = fit(pending.splice(0));
        if (rest === null) {
          // XLSX rows come one by one, already split: gathered into pieces of rows.
          let group = first;
          for await (const batch of batches) {
            group.push(...fit(batch));
            if (group.length >= XLSX_PIECE_ROWS) {
              yield { rows: group };
              group = [];
            }
          }
          if (group.length > 0) yield { rows: group };
          return;
        }
        if (first.length > 0) yield { rows: first };
        if (rest.ended) return;
        const unsplit = rest.splitter.takePending();
        const cutter = new RecordPieces(rest.delimiter, { maxRecordChars, pieceChars, firstLine: unsplit.line, carry: unsplit.text });
        for (let next = await rest.text.next(); !next.done; next = await rest.text.next()) {
          const piece = cutter.push(next.value);
          if (piece) yield piece;
        }
        const last = cutter.end();
        if (last.text.length > 0) yield last;
      } finally {
        source.destroy();
      }
    }
    const layout = delimiter === null ? null : { delimiter, header, headerRowNumber: headerRecord.rowNumber, maxRecordChars };
    // Rows read here come the same way as on reading threads: pieces, split.
    async function* rowBatches(): AsyncGenerator<SourceRow[]> {
      for await (const piece of pieces()) {
        const split: SourceRow[][] = [];
        splitPiece(piece, layout, (rows) => split.push(rows));
        yield* split;
      }
    }
    async function* rows(): AsyncGenerator<SourceRow> {
      for await (const batch of rowBatches()) yield* batch;
    }
    return {
      format, delimiter, header, warnings,
      // A getter: a file that looked ASCII may turn out to be Windows-1252 further down.
      get encoding() {
        return encoding;
      },
      headerRow: headerRecord.rowNumber - 1,
      headerRowNumber: headerRecord.rowNumber,
      layout,
      bytesRead: () => source.bytesRead,
      rows,
      batches: rowBatches,
      pieces,
      close: async () => {
        await batches.return(undefined);
        source.destroy();
      },
    };
  } catch (error) {
    await records?.return(undefined).catch(() => undefined);
    source.destroy();
    throw error;
  }
}
