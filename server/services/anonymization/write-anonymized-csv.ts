import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { PoolClient } from 'pg';
import type { AnonymizedOutput } from '../../domain/anonymization';
import { publishedColumns, type StandardDefinition } from '../../domain/standard';
import type { BlobStore, StoredBlob } from '../../storage/blob-store';
import type { OutputVerification } from './output-verification';
import { copyCells, csvSegmentOf, forEachCopyLine, releaseRecordsQuery, textOf } from './stream-release-records';

const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (value: string): string => (NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A published column is a QI's label, or part of a run of other columns PostgreSQL renders as CSV. */
type Part = { kind: 'qi'; q: number } | { kind: 'segment'; cell: number };

/** Cells of each line: id, the sensitive value (if any), then one per segment. */
function outputPlan(standard: StandardDefinition, output: AnonymizedOutput, sensitive: string | undefined, quoteText: boolean) {
  const parts: Part[] = [];
  const segments: { dbColumn: string; flag: boolean }[][] = [];
  for (const v of standard.variables) {
    const q = output.qis.indexOf(v.name);
    if (q >= 0) parts.push({ kind: 'qi', q });
    else if (parts[parts.length - 1]?.kind === 'segment') segments[segments.length - 1].push({ dbColumn: v.dbColumn, flag: v.kind === 'binary' });
    else {
      segments.push([{ dbColumn: v.dbColumn, flag: v.kind === 'binary' }]);
      parts.push({ kind: 'segment', cell: 0 });
    }
  }
  const first = sensitive ? 2 : 1;
  let s = 0;
  for (const part of parts) if (part.kind === 'segment') part.cell = first + s++;
  const sensitiveColumn = sensitive ? [textOf(standard.variables.find((v) => v.name === sensitive)!.dbColumn)] : [];
  return { parts, expressions: [...sensitiveColumn, ...segments.map((segment) => csvSegmentOf(segment, quoteText))] };
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
 * cell. Streamed from the database into the encrypted blob store.
 */
export async function writeAnonymizedCsv(input: AnonymizedCsvInput): Promise<StoredBlob & { rows: number }> {
  const { output, recordIds, verification, sensitive } = input;
  const columns = publishedColumns(input.standard);
  const { parts, expressions } = outputPlan(input.standard, output, sensitive, input.quoteText);
  // Labels are shared per class, so their written form is worked out once per class.
  const classCells = new Map<readonly string[], string[]>();
  verification.checkHeader(columns);
  // Room for a few batches, so a slow disk write does not stop the COPY (and PostgreSQL) at every batch.
  const out = new PassThrough({ highWaterMark: 4 << 20 });
  const stored = input.blobs.put(input.prefix, out);
  // put() settles only when `out` ends or fails; its rejection is awaited below.
  stored.catch(() => undefined);

  let batch = `${columns.join(',')}\n`;
  const flush = async () => {
    const ok = out.write(batch);
    batch = '';
    if (!ok) await once(out, 'drain');
  };
  let index = 0;
  let rows = 0;
  try {
    await forEachCopyLine(input.client, releaseRecordsQuery(input.submissionIds, expressions), (line) => {
      const i = index++;
      const cells = copyCells(line);
      if (i >= recordIds.length || Number(cells[0]) !== recordIds[i]) throw new Error('the release\'s records changed between the two passes');
      if (i % 50_000 === 0) input.onProgress(i);
      const labels = output.labelsOf(i);
      if (!labels) return;
      let written = classCells.get(labels);
      if (!written) classCells.set(labels, (written = labels.map(csvCell)));
      let text = '';
      for (let p = 0; p < parts.length; p++) {
        const part = parts[p];
        const piece = part.kind === 'qi' ? written[part.q] : cells[part.cell];
        text += p === 0 ? piece : `,${piece}`;
      }
      verification.addRow(labels, sensitive ? cells[1] : undefined);
      rows++;
      batch += `${text}\n`;
      if (batch.length > 256 * 1024) return flush();
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
