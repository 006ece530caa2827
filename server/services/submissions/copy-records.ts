import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { StandardDefinition } from '../../domain/standard';
import { CopyLines } from './copy-lines';

const BATCH_CHARS = 256 * 1024;

/**
 * A COPY into standard_records on the caller's connection (inside its transaction). Lines are
 * batched and written with backpressure, so memory stays flat whatever the file size.
 */
export async function openRecordCopy(client: PoolClient, standard: StandardDefinition, submissionId: string, partnerId: string) {
  const columns = ['submission_id', 'partner_id', ...standard.variables.map((v) => v.dbColumn)].map((c) => `"${c}"`).join(', ');
  const stream = client.query(copyFrom(`COPY standard_records (${columns}) FROM STDIN WITH (FORMAT text)`));
  const lines = new CopyLines(standard.variables.length, submissionId, partnerId);
  let written = 0;

  /** Hands data to the stream; a promise only when the caller must wait for it to drain. */
  const send = (data: string | Buffer): Promise<void> | undefined =>
    stream.write(data) ? undefined : once(stream, 'drain').then(() => undefined);
  const flush = (): Promise<void> | undefined => (lines.count === 0 ? undefined : send(lines.take()));

  return {
    /**
     * Queues one record. Returns a promise only when the stream is full and must drain first: a
     * million rows cost a few hundred awaits, not a million.
     */
    write(values: readonly (string | null)[]): Promise<void> | undefined {
      lines.add(values);
      written++;
      return lines.chars > BATCH_CHARS ? flush() : undefined;
    },
    /** Queues `records` lines already made by CopyLines for this submission (on another thread, say). */
    writeLines(data: Buffer, records: number): Promise<void> | undefined {
      const pending = flush();
      written += records;
      return pending ? pending.then(() => send(data)) : send(data);
    },
    async finish(): Promise<number> {
      await flush();
      const done = once(stream, 'finish');
      stream.end();
      await done;
      return written;
    },
    abort(err: Error) {
      stream.destroy(err);
    },
  };
}
