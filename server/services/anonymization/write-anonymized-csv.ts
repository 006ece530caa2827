import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { PoolClient } from 'pg';
import type { AnonymizedOutput } from '../../domain/anonymization';
import { publishedColumns, type StandardDefinition } from '../../domain/standard';
import type { BlobStore, StoredBlob } from '../../storage/blob-store';
import type { OutputVerification } from './output-verification';
import { copyCells, csvSegmentOf, forEachCopyLineBytes, releaseRecordsQuery, textOf } from './stream-release-records';

const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (value: string): string => (NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const TAB = 9;
const BACKSLASH = 92;
const COMMA = 44;
const NEWLINE = 10;
const BATCH_BYTES = 1 << 20;

/** A line's pieces in column order: consecutive QIs (their labels, per class) or a run of other columns PostgreSQL renders as CSV. */
type Piece = { kind: 'labels'; qis: number[] } | { kind: 'segment'; cell: number };

/** Cells of each line: id, the sensitive value (if any), then one per segment. */
function outputPlan(standard: StandardDefinition, output: AnonymizedOutput, sensitive: string | undefined, quoteText: boolean) {
  const pieces: Piece[] = [];
  const segments: { dbColumn: string; flag: boolean }[][] = [];
  const first = sensitive ? 2 : 1;
  for (const v of standard.variables) {
    const q = output.qis.indexOf(v.name);
    const last = pieces[pieces.length - 1];
    if (q >= 0 && last?.kind === 'labels') last.qis.push(q);
    else if (q >= 0) pieces.push({ kind: 'labels', qis: [q] });
    else if (last?.kind === 'segment') segments[segments.length - 1].push({ dbColumn: v.dbColumn, flag: v.kind === 'binary' });
    else {
      pieces.push({ kind: 'segment', cell: first + segments.length });
      segments.push([{ dbColumn: v.dbColumn, flag: v.kind === 'binary' }]);
    }
  }
  const sensitiveColumn = sensitive ? [textOf(standard.variables.find((v) => v.name === sensitive)!.dbColumn)] : [];
  return { pieces, cells: first + segments.length, expressions: [...sensitiveColumn, ...segments.map((segment) => csvSegmentOf(segment, quoteText))] };
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
  /** Some text value of the release needs CSV quoting. */
  quoteText: boolean;
  /** Sees every written row's QI and sensitive cells as written. */
  verification: OutputVerification;
  onProgress(rowsRead: number): void;
}

/**
 * The anonymized microdata: the standard's published columns in order, kept records only, in record
 * order (publication shuffles), generalized QIs as their hierarchy labels, missing as an empty
 * cell. Streamed from the database into the encrypted blob store. Lines are assembled as bytes:
 * PostgreSQL's CSV fragments are copied as they arrive, never decoded and encoded again.
 */
export async function writeAnonymizedCsv(input: AnonymizedCsvInput): Promise<StoredBlob & { rows: number }> {
  const { output, recordIds, verification, sensitive } = input;
  const columns = publishedColumns(input.standard);
  const { pieces, cells, expressions } = outputPlan(input.standard, output, sensitive, input.quoteText);
  // Labels are shared per class, so their written bytes are worked out once per class.
  const classBytes = new Map<readonly string[], Buffer[]>();
  const labelRooms = new Map<Buffer[], number>();
  const labelRoom = (written: Buffer[]) => {
    let room = labelRooms.get(written);
    if (room === undefined) labelRooms.set(written, (room = written.reduce((n, b) => n + b.length + 1, 1)));
    return room;
  };
  const bytesOf = (labels: readonly string[]) =>
    pieces.map((p) => (p.kind === 'labels' ? Buffer.from(p.qis.map((q) => csvCell(labels[q])).join(',')) : Buffer.alloc(0)));
  verification.checkHeader(columns);
  // Room for a few batches, so a slow disk write does not stop the COPY (and PostgreSQL) at every batch.
  const out = new PassThrough({ highWaterMark: 4 << 20 });
  const stored = input.blobs.put(input.prefix, out);
  // put() settles only when `out` ends or fails; its rejection is awaited below.
  stored.catch(() => undefined);

  let batch = Buffer.allocUnsafe(BATCH_BYTES);
  let pos = batch.write(`${columns.join(',')}\n`);
  const flush = async (room = BATCH_BYTES) => {
    const ok = out.write(batch.subarray(0, pos));
    batch = Buffer.allocUnsafe(Math.max(BATCH_BYTES, room));
    pos = 0;
    if (!ok) await once(out, 'drain');
  };
  const starts = new Int32Array(cells);
  const ends = new Int32Array(cells);
  let escapedLine: Buffer[] | null = null;
  const write = (line: Buffer, written: Buffer[]) => {
    const target = batch;
    let at = pos;
    for (let p = 0; p < pieces.length; p++) {
      if (p > 0) target[at++] = COMMA;
      const piece = pieces[p];
      let from = line;
      let start = 0;
      let end = 0;
      if (piece.kind === 'labels') from = written[p];
      else if (escapedLine) from = escapedLine[piece.cell];
      else {
        start = starts[piece.cell];
        end = ends[piece.cell];
      }
      if (from !== line) end = from.length;
      // A plain loop: Buffer#copy makes a view object per call, which for millions of short pieces costs more than the bytes.
      for (let b = start; b < end; b++) target[at++] = from[b];
    }
    target[at++] = NEWLINE;
    pos = at;
  };

  let index = 0;
  let rows = 0;
  let scanned: Buffer | null = null;
  let backslash = -1;
  try {
    await forEachCopyLineBytes(input.client, releaseRecordsQuery(input.submissionIds, expressions), (line, start, end) => {
      const i = index++;
      if (i % 50_000 === 0) input.onProgress(i);
      if (line !== scanned) [scanned, backslash] = [line, line.indexOf(BACKSLASH, start)];
      if (backslash !== -1 && backslash < start) backslash = line.indexOf(BACKSLASH, start);
      // COPY escapes control characters and backslashes; such a (rare) line is decoded properly.
      escapedLine = backslash !== -1 && backslash < end ? copyCells(line.toString('utf8', start, end)).map((cell) => Buffer.from(cell)) : null;
      let id = 0;
      let at = start;
      for (let c = 0; c < cells; c++) {
        const tab = c === cells - 1 ? end : line.indexOf(TAB, at);
        if (tab === -1 || tab > end) throw new Error('a COPY line has fewer cells than selected');
        starts[c] = at;
        ends[c] = tab;
        at = tab + 1;
      }
      for (let b = starts[0]; b < ends[0]; b++) id = id * 10 + line[b] - 48;
      if (i >= recordIds.length || id !== recordIds[i]) throw new Error('the release\'s records changed between the two passes');
      const labels = output.labelsOf(i);
      if (!labels) return;
      const sensitiveValue = !sensitive ? undefined : escapedLine ? escapedLine[1].toString('utf8') : line.toString('utf8', starts[1], ends[1]);
      verification.addRow(labels, sensitiveValue);
      rows++;
      let written = classBytes.get(labels);
      if (!written) classBytes.set(labels, (written = bytesOf(labels)));
      // The labels add at most the class's longest label run per piece; the line itself bounds the rest.
      const room = (escapedLine ? 4 * (end - start) : end - start) + labelRoom(written);
      if (pos + room <= batch.length) return write(line, written);
      const labelBytes = written;
      return flush(room).then(() => write(line, labelBytes));
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
