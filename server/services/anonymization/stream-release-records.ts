import { StringDecoder } from 'node:string_decoder';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', N: '' };

/** A column by name, as PostgreSQL renders it (NULL as `\N`). */
export const columnOf = (column: string): string => `"${column.replace(/"/g, '""')}"`;

/** A column as text, missing as `''`: the engine and the CSV both treat no information as empty. */
export const textOf = (column: string): string => `coalesce(${columnOf(column)}::text, '')`;

/**
 * The release's records, `id` first, then `expressions`, in one fixed order: by submission, then by
 * record id. Both passes of a run read this order, so record i of the second pass is record i of the
 * first. COPY takes no parameters, hence the checked uuid literals.
 */
export function releaseRecordsQuery(submissionIds: readonly string[], expressions: readonly string[]): string {
  for (const id of submissionIds) if (!UUID.test(id)) throw new Error('submission ids must be uuids');
  const list = submissionIds.map((id) => `'${id}'::uuid`).join(', ');
  return `COPY (SELECT ${['id', ...expressions].join(', ')} FROM standard_records WHERE submission_id IN (${list}) ORDER BY submission_id, id) TO STDOUT`;
}

/** A COPY text-format line as cells; only a line holding a backslash needs unescaping. */
export function copyCells(line: string): string[] {
  const cells = line.split('\t');
  if (!line.includes('\\')) return cells;
  return cells.map((cell) => cell.replace(/\\([bfnrtvN\\]|[0-7]{1,3}|.)/g, (_, c: string) => ESCAPES[c] ?? (/^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : c)));
}

/**
 * Streams a COPY … TO STDOUT line by line without holding more than one chunk. `onLine` may return
 * a promise (e.g. to wait for a slow writer): it is awaited before the next line.
 */
export async function forEachCopyLine(client: PoolClient, query: string, onLine: (line: string) => void | Promise<void>): Promise<number> {
  const stream = client.query(copyTo(query));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lines = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    let end: number;
    // Newlines inside values are escaped, so every raw newline ends a row.
    while ((end = text.indexOf('\n', start)) !== -1) {
      const waiting = onLine(text.slice(start, end));
      start = end + 1;
      lines++;
      if (waiting) await waiting;
    }
    rest = text.slice(start);
  }
  if (rest + decoder.end() !== '') throw new Error('COPY output ended in the middle of a row');
  return lines;
}

/**
 * The same on bytes: `onLine(buffer, start, end)` for each line, nothing decoded, for a pass that
 * copies most of each line through as it is.
 */
export async function forEachCopyLineBytes(client: PoolClient, query: string, onLine: (buffer: Buffer, start: number, end: number) => void | Promise<void>): Promise<number> {
  const stream = client.query(copyTo(query));
  let rest: Buffer | null = null;
  let lines = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    let end: number;
    if (rest) {
      // Only the line cut by the chunk boundary is joined, not the whole chunk.
      end = chunk.indexOf(10);
      if (end === -1) {
        rest = Buffer.concat([rest, chunk]);
        continue;
      }
      const line = Buffer.concat([rest, chunk.subarray(0, end)]);
      rest = null;
      start = end + 1;
      lines++;
      const waiting = onLine(line, 0, line.length);
      if (waiting) await waiting;
    }
    while ((end = chunk.indexOf(10, start)) !== -1) {
      const waiting = onLine(chunk, start, end);
      start = end + 1;
      lines++;
      if (waiting) await waiting;
    }
    rest = start < chunk.length ? chunk.subarray(start) : null;
  }
  if (rest) throw new Error('COPY output ended in the middle of a row');
  return lines;
}
