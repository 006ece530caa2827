import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { PoolClient } from 'pg';
import type { AnonymizedOutput } from '../../domain/anonymization';
import { publishedColumns, type StandardDefinition } from '../../domain/standard';
import type { BlobStore, StoredBlob } from '../../storage/blob-store';
import type { OutputVerification } from './output-verification';
import { columnOf, copyCells, forEachCopyLineBytes, releaseRecordsQuery, textOf } from './stream-release-records';

const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (value: string): string => (NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const TAB = 9;
const BACKSLASH = 92;
const N = 78;
const COMMA = 44;
const NEWLINE = 10;
const BATCH_BYTES = 1 << 20;

interface WrittenClass {
  /** Per piece: the labels run as CSV text (empty for other pieces), and its bytes. */
  text: string[];
  bytes: Buffer[];
  length: number;
}

/** A line's pieces in column order: consecutive QIs (their labels, per class) or consecutive other columns, as read. */
type Piece = { kind: 'labels'; qis: number[] } | { kind: 'cells'; first: number; count: number };

/** Cells of each line: id, the sensitive value (if any), then every non-QI column in the standard's order. */
function outputPlan(standard: StandardDefinition, output: AnonymizedOutput, sensitive: string | undefined) {
  const pieces: Piece[] = [];
  const columns: string[] = [];
  const first = sensitive ? 2 : 1;
  for (const v of standard.variables) {
    const q = output.qis.indexOf(v.name);
    const last = pieces[pieces.length - 1];
    if (q >= 0 && last?.kind === 'labels') last.qis.push(q);
    else if (q >= 0) pieces.push({ kind: 'labels', qis: [q] });
    else {
      if (last?.kind === 'cells') last.count++;
      else pieces.push({ kind: 'cells', first: first + columns.length, count: 1 });
      columns.push(columnOf(v.dbColumn));
    }
  }
  const sensitiveColumn = sensitive ? [textOf(standard.variables.find((v) => v.name === sensitive)!.dbColumn)] : [];
  return { pieces, first, expressions: [...sensitiveColumn, ...columns] };
}

export interface AnonymizedCsvInput {
  client: PoolClient;
  blobs: BlobStore;
  /** Blob key prefix; the store adds a fresh name, so a retried run never overwrites an earlier file. */
  prefix: string;
  standard: StandardDefinition;
  submissionIds: readonly string[];
  /** Record ids in the order of the first pass: the second pass must see exactly the same records. */
  recordIds: Float64Array;
  output: AnonymizedOutput;
  sensitive?: string;
  /** Some text value of the release needs CSV quoting: every line then takes the careful path. */
  quoteText: boolean;
  /** Sees every written row's QI and sensitive cells as written. */
  verification: OutputVerification;
  onProgress(rowsRead: number): void;
}

/**
 * The anonymized microdata: the standard's published columns in order, kept records only, in record
 * order (publication shuffles), generalized QIs as their hierarchy labels, missing as an empty
 * cell. Streamed from the database into the encrypted blob store. Lines are assembled as bytes:
 * PostgreSQL's own rendering of each column is copied through (tab becomes comma, NULL becomes
 * nothing), and only a line with an escaped character, or text needing quotes, is decoded.
 */
export async function writeAnonymizedCsv(input: AnonymizedCsvInput): Promise<StoredBlob & { rows: number }> {
  const { output, recordIds, verification, sensitive, quoteText } = input;
  const header = publishedColumns(input.standard);
  const { pieces, expressions } = outputPlan(input.standard, output, sensitive);
  // Labels are shared per class, so their written form is worked out once per class.
  const classes = new Map<readonly string[], WrittenClass>();
  const classOf = (labels: readonly string[]): WrittenClass => {
    let written = classes.get(labels);
    if (!written) {
      const text = pieces.map((p) => (p.kind === 'labels' ? p.qis.map((q) => csvCell(labels[q])).join(',') : ''));
      const bytes = text.map((t) => Buffer.from(t));
      classes.set(labels, (written = { text, bytes, length: bytes.reduce((n, b) => n + b.length, 0) }));
    }
    return written;
  };
  verification.checkHeader(header);
  // Room for a few batches, so a slow disk write does not stop the COPY (and PostgreSQL) at every batch.
  const out = new PassThrough({ highWaterMark: 4 << 20 });
  const stored = input.blobs.put(input.prefix, out);
  // put() settles only when `out` ends or fails; its rejection is awaited below.
  stored.catch(() => undefined);

  let batch = Buffer.allocUnsafe(BATCH_BYTES);
  let pos = batch.write(`${header.join(',')}\n`);
  const flush = async (room = BATCH_BYTES) => {
    const ok = out.write(batch.subarray(0, pos));
    batch = Buffer.allocUnsafe(Math.max(BATCH_BYTES, room));
    pos = 0;
    if (!ok) await once(out, 'drain');
  };

  /** The line copied through; false (nothing written) when it holds an escape other than NULL. */
  const writeFast = (line: Buffer, from: number, end: number, written: Buffer[]): boolean => {
    const target = batch;
    let at = pos;
    let p = from;
    for (let k = 0; k < pieces.length; k++) {
      if (k > 0) target[at++] = COMMA;
      const piece = pieces[k];
      if (piece.kind === 'labels') {
        const bytes = written[k];
        for (let b = 0; b < bytes.length; b++) target[at++] = bytes[b];
        continue;
      }
      for (let c = 0; c < piece.count; c++) {
        if (c > 0) target[at++] = COMMA;
        if (line[p] === BACKSLASH) {
          if (line[p + 1] !== N || (p + 2 < end && line[p + 2] !== TAB)) return false;
          p += 3;
          continue;
        }
        let byte: number;
        while (p < end && (byte = line[p]) !== TAB) {
          if (byte === BACKSLASH) return false;
          target[at++] = byte;
          p++;
        }
        p++;
      }
    }
    target[at++] = NEWLINE;
    pos = at;
    return true;
  };

  /** The careful way: decoded, unescaped, quoted where needed. */
  const writeDecoded = (cells: string[], text: string[]) => {
    const parts = pieces.map((piece, k) => (piece.kind === 'labels' ? text[k] : cells.slice(piece.first, piece.first + piece.count).map(csvCell).join(',')));
    pos += batch.write(`${parts.join(',')}\n`, pos);
  };

  const writeLine = (line: Buffer, start: number, from: number, end: number, written: WrittenClass) => {
    if (!quoteText && writeFast(line, from, end, written.bytes)) return;
    writeDecoded(copyCells(line.toString('utf8', start, end)), written.text);
  };

  let index = 0;
  let rows = 0;
  try {
    await forEachCopyLineBytes(input.client, releaseRecordsQuery(input.submissionIds, expressions), (line, start, end) => {
      const i = index++;
      if (i % 50_000 === 0) input.onProgress(i);
      let id = 0;
      let p = start;
      for (let byte = line[p]; byte !== TAB; byte = line[++p]) id = id * 10 + byte - 48;
      if (i >= recordIds.length || id !== recordIds[i] || p >= end) throw new Error('the release\'s records changed between the two passes');
      const labels = output.labelsOf(i);
      if (!labels) return;
      const written = classOf(labels);
      let from = p + 1;
      if (sensitive) {
        const tab = line.indexOf(TAB, from);
        verification.addRow(labels, copyCells(line.toString('utf8', from, tab))[0]);
        from = tab + 1;
      } else verification.addRow(labels);
      rows++;
      // Escapes and quotes only ever grow a line by a bounded factor; labels add their own length.
      const room = 3 * (end - start) + pieces.length + written.length;
      if (pos + room > batch.length) return flush(room).then(() => writeLine(line, start, from, end, written));
      writeLine(line, start, from, end, written);
    });
    if (index !== recordIds.length) throw new Error('the release\'s records changed between the two passes');
    await flush();
    out.end();
  } catch (error) {
    out.destroy(error as Error);
    throw error;
  }
  return { ...(await stored), rows };
}
