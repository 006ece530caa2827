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
import { buildHeader, fitRecord, isBlankRecord } from './source-header';
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

export interface SourceRow {
  /** 1-based row number as a spreadsheet shows it. */
  rowNumber: number;
  /** Exactly one cell per header column. */
  cells: string[];
}

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
  /** The data rows after the header, streamed; iterate once (either this or batches()). */
  rows(): AsyncGenerator<SourceRow>;
  /** The same rows a chunk's worth at a time: one await per batch instead of one per row. */
  batches(): AsyncGenerator<SourceRow[]>;
  /** Stops reading and releases the input (needed only when rows() is not run to the end). */
  close(): Promise<void>;
}

const SAMPLE_BYTES = 64 * 1024;

/** The records of each decoded chunk together: parsing a million rows awaits once per chunk. */
async function* csvBatches(text: AsyncIterable<string>, delimiter: string, maxRecordChars: number): AsyncGenerator<RawRecord[]> {
  const splitter = new CsvSplitter(delimiter, maxRecordChars);
  for await (const chunk of text) {
    const batch = splitter.push(chunk);
    if (batch.length > 0) yield batch;
  }
  const last = splitter.end();
  if (last.length > 0) yield last;
}

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
      records = csvBatches(decodeText(source.chunks(), encoding, onSwitch), delimiter, options.maxRecordChars ?? 1024 * 1024);
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
    const fit = (batch: RawRecord[]): SourceRow[] => {
      const out: SourceRow[] = [];
      for (const record of batch) {
        if (!isBlankRecord(record)) out.push({ rowNumber: record.rowNumber, cells: fitRecord(record, header, padShort, headerRecord.rowNumber) });
      }
      return out;
    };
    async function* rowBatches(): AsyncGenerator<SourceRow[]> {
      try {
        const first = fit(pending.splice(0));
        if (first.length > 0) yield first;
        for await (const batch of batches) {
          const fitted = fit(batch);
          if (fitted.length > 0) yield fitted;
        }
      } finally {
        source.destroy();
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
      bytesRead: () => source.bytesRead,
      rows,
      batches: rowBatches,
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
