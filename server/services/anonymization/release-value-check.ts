import type { Pool } from 'pg';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const quoted = (column: string): string => `"${column.replace(/"/g, '""')}"`;
const NEEDS_QUOTES = /[",\r\n]/;

export interface ReleaseValues {
  /** Per text column, each distinct value among the release's records with how many records hold it. */
  textValues: Map<string, [string, number][]>;
  /** Every flag column holds only 0, 1 or nothing. */
  flagsValid: boolean;
  /** Some text value holds a comma, a quote or a line break, so text cells must be quoted. */
  needsQuoting: boolean;
}

/**
 * What the output can hold, read by PostgreSQL on a connection of its own (in the run's snapshot)
 * while the run loads records and searches: the distinct text values, for the identifier check, and
 * whether the flags are clean, so neither costs a check per written cell.
 */
export async function checkReleaseValues(
  pool: Pool,
  snapshot: string,
  submissionIds: readonly string[],
  textColumns: readonly { name: string; dbColumn: string }[],
  flagColumns: readonly string[],
): Promise<ReleaseValues> {
  for (const id of submissionIds) if (!UUID.test(id)) throw new Error('submission ids must be uuids');
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, '')}'`);
    await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const textValues = new Map(textColumns.map((c) => [c.name, [] as [string, number][]]));
    if (textColumns.length) {
      const unpivot = textColumns.map((c, i) => `(${i}, ${quoted(c.dbColumn)}::text)`).join(', ');
      const { rows } = await client.query<{ g: number; v: string; n: string }>(
        `SELECT g, v, count(*) AS n FROM standard_records, LATERAL (VALUES ${unpivot}) AS t(g, v)
         WHERE submission_id = ANY($1::uuid[]) AND v IS NOT NULL AND v <> '' GROUP BY g, v`,
        [submissionIds],
      );
      for (const { g, v, n } of rows) textValues.get(textColumns[g].name)!.push([v, Number(n)]);
    }
    let flagsValid = true;
    if (flagColumns.length) {
      const list = flagColumns.map(quoted).join(', ');
      const { rows: [range] } = await client.query<{ lo: number | null; hi: number | null }>(
        `SELECT min(least(${list})) AS lo, max(greatest(${list})) AS hi FROM standard_records WHERE submission_id = ANY($1::uuid[])`,
        [submissionIds],
      );
      flagsValid = (range.lo === null || range.lo >= 0) && (range.hi === null || range.hi <= 1);
    }
    await client.query('COMMIT');
    const needsQuoting = [...textValues.values()].some((values) => values.some(([v]) => NEEDS_QUOTES.test(v)));
    return { textValues, flagsValid, needsQuoting };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
