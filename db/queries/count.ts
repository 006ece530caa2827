import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client';

const EXACT_UP_TO = 10_000;

/**
 * A list total that stays cheap on large tables: exact up to 10,000 matching rows; beyond that,
 * unfiltered lists use the planner's row estimate and filtered ones report "more than 10,000".
 * Counting every row of a million-row table on each page view is what made list pages slow.
 */
export async function listTotal(db: DbOrTx, table: PgTable, where: SQL | undefined, tableName: string): Promise<number> {
  const capped = await db.execute<{ n: string }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} ${where ? sql`WHERE ${where}` : sql``} LIMIT ${EXACT_UP_TO + 1}) t`,
  );
  const n = Number(capped.rows[0].n);
  if (n <= EXACT_UP_TO || where) return n;
  const estimate = await db.execute<{ n: string }>(sql`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = ${tableName}`);
  return Math.max(n, Number(estimate.rows[0]?.n ?? n));
}
