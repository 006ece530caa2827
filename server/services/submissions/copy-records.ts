import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { StandardDefinition } from '../../domain/standard';

/** COPY's text format: backslash escapes, \N for null. */
function escapeCopy(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

/**
 * A COPY into standard_records on the caller's connection (inside its transaction). Lines are
 * batched and written with backpressure, so memory stays flat whatever the file size.
 */
export async function openRecordCopy(client: PoolClient, standard: StandardDefinition, submissionId: string, partnerId: string) {
  const columns = ['submission_id', 'partner_id', ...standard.variables.map((v) => v.dbColumn)].map((c) => `"${c}"`).join(', ');
  const stream = client.query(copyFrom(`COPY standard_records (${columns}) FROM STDIN WITH (FORMAT text)`));
  const prefix = `${submissionId}\t${partnerId}`;
  let batch: string[] = [];
  let batchChars = 0;
  let written = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const ok = stream.write(batch.join(''));
    batch = [];
    batchChars = 0;
    if (!ok) await once(stream, 'drain');
  };

  return {
    async write(values: readonly (string | null)[]): Promise<void> {
      let line = prefix;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        line += v === null ? '\t\\N' : `\t${escapeCopy(v)}`;
      }
      line += '\n';
      batch.push(line);
      batchChars += line.length;
      written++;
      if (batchChars > 256 * 1024) await flush();
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
