import { StringDecoder } from 'node:string_decoder';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** COPY's text format: `\N` is null, control characters and the backslash are escaped. */
function unescapeCopy(cell: string): string | null {
  if (cell === '\\N') return null;
  if (!cell.includes('\\')) return cell;
  return cell.replace(/\\([bfnrtv\\]|[0-7]{1,3}|.)/g, (_, c: string) => ESCAPES[c] ?? (/^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : c));
}

/**
 * The release's records, `id` first, then `columns` (database column names), in one fixed order:
 * by submission, then by record id. Both passes of a run read this order, so record i of the
 * second pass is record i of the first. COPY takes no parameters, hence the checked uuid literals.
 */
export function releaseRecordsQuery(submissionIds: readonly string[], columns: readonly string[]): string {
  for (const id of submissionIds) if (!UUID.test(id)) throw new Error('submission ids must be uuids');
  const list = submissionIds.map((id) => `'${id}'::uuid`).join(', ');
  const selected = ['id', ...columns].map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
  return `COPY (SELECT ${selected} FROM standard_records WHERE submission_id IN (${list}) ORDER BY submission_id, id) TO STDOUT`;
}

/**
 * Streams a COPY … TO STDOUT row by row (cells as strings, null for NULL) without holding more than
 * one chunk. `onRow` may return a promise (e.g. to wait for a slow writer): it is awaited.
 */
export async function forEachCopyRow(client: PoolClient, query: string, onRow: (cells: (string | null)[]) => void | Promise<void>): Promise<number> {
  const stream = client.query(copyTo(query));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let rows = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    let end: number;
    // Newlines inside values are escaped, so every raw newline ends a row.
    while ((end = text.indexOf('\n', start)) !== -1) {
      const cells: (string | null)[] = text.slice(start, end).split('\t');
      for (let i = 0; i < cells.length; i++) cells[i] = unescapeCopy(cells[i] as string);
      start = end + 1;
      rows++;
      const waiting = onRow(cells);
      if (waiting) await waiting;
    }
    rest = text.slice(start);
  }
  if (rest + decoder.end() !== '') throw new Error('COPY output ended in the middle of a row');
  return rows;
}
