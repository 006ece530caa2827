import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { PoolClient } from 'pg';
import type { AnonymizedOutput } from '../../domain/anonymization';
import { publishedColumns, type StandardDefinition } from '../../domain/standard';
import type { ReleaseVerifier } from '../../domain/verifier';
import type { BlobStore, StoredBlob } from '../../storage/blob-store';
import { forEachCopyRow, releaseRecordsQuery } from './stream-release-records';

const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (value: string): string => (NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

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
  /** Fed every written row, as written: an independent check of what is about to be stored. */
  verifier: ReleaseVerifier;
  onProgress(rowsRead: number): void;
}

/**
 * The anonymized microdata: the standard's published columns in order, kept records only, in record
 * order (publication shuffles), generalized QIs as their hierarchy labels, missing as an empty
 * cell. Streamed from the database into the encrypted blob store.
 */
export async function writeAnonymizedCsv(input: AnonymizedCsvInput): Promise<StoredBlob & { rows: number }> {
  const { output, recordIds, verifier } = input;
  const columns = publishedColumns(input.standard);
  const qiOf = columns.map((name) => output.qis.indexOf(name));
  const row: Record<string, string> = Object.fromEntries(columns.map((c) => [c, '']));
  const out = new PassThrough();
  const stored = input.blobs.put(input.prefix, out);
  // put() settles only when `out` ends or fails; its rejection is awaited below.
  stored.catch(() => undefined);

  verifier.checkColumns(columns);
  let batch = `${columns.join(',')}\n`;
  const flush = async () => {
    const ok = out.write(batch);
    batch = '';
    if (!ok) await once(out, 'drain');
  };
  let index = 0;
  let written = 0;
  try {
    const query = releaseRecordsQuery(input.submissionIds, input.standard.variables.map((v) => v.dbColumn));
    await forEachCopyRow(input.client, query, (cells) => {
      const i = index++;
      if (i >= recordIds.length || Number(cells[0]) !== recordIds[i]) throw new Error('the release\'s records changed between the two passes');
      if (i % 50_000 === 0) input.onProgress(i);
      const labels = output.labelsOf(i);
      if (!labels) return;
      let line = '';
      for (let c = 0; c < columns.length; c++) {
        const q = qiOf[c];
        const value = q >= 0 ? labels[q] : (cells[c + 1] ?? '');
        row[columns[c]] = value;
        line += c === 0 ? csvCell(value) : `,${csvCell(value)}`;
      }
      verifier.addRow(row);
      written++;
      batch += `${line}\n`;
      if (batch.length > 256 * 1024) return flush();
    });
    if (index !== recordIds.length) throw new Error('the release\'s records changed between the two passes');
    await flush();
    out.end();
  } catch (error) {
    out.destroy(error as Error);
    throw error;
  }
  return { ...(await stored), rows: written };
}
