import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../client';

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

/** Append-only tables (the audit log) seen above the cap, per database handle: they stay above it. */
const knownAboveCap = new WeakMap<Db, Set<string>>();

export interface TotalOptions {
  /** Rows are never deleted (the audit log): once above the cap, always above it. */
  appendOnly?: boolean;
}

/**
 * `listTotal` as select fields that ride along with the page's own query, so that a list costs one
 * round trip: the capped count and, for an unfiltered list, the planner's estimate, computed once
 * per query (uncorrelated subqueries). Unfiltered lists of append-only tables known to be above the
 * cap skip the 10,001-row count (the figure is the same: the larger of 10,001 and the estimate);
 * `countSkippable` says which variant a list needs, as part of its prepared statement's shape.
 */
export function listTotalFields(db: Db, table: PgTable, where: SQL | undefined, aboveCap: boolean) {
  const capped = aboveCap && !where
    ? sql<string>`${sql.raw(String(EXACT_UP_TO + 1))}`
    : sql<string>`(SELECT count(*) FROM (${db.select({ one: sql`1` }).from(table).where(where).limit(EXACT_UP_TO + 1)}) capped)`;
  const estimate = where ? sql<string | null>`NULL` : sql<string | null>`(SELECT reltuples::bigint FROM pg_class WHERE relname = ${getTableName(table)} LIMIT 1)`;
  return { listCapped$: capped, listEstimate$: estimate };
}

/** Whether an unfiltered list of `table` may skip its count (see `totalFields`). */
export const countSkippable = (db: Db, table: PgTable, options: TotalOptions) => !!options.appendOnly && !!knownAboveCap.get(db)?.has(getTableName(table));

function total(db: Db, table: PgTable, filtered: boolean, options: TotalOptions, capped: string, estimate: string | null): number {
  const n = Number(capped);
  if (n <= EXACT_UP_TO || filtered) return n;
  if (options.appendOnly) {
    if (!knownAboveCap.has(db)) knownAboveCap.set(db, new Set());
    knownAboveCap.get(db)!.add(getTableName(table));
  }
  return Math.max(n, Number(estimate ?? n));
}

type WithTotal<R> = R & { listCapped$: string; listEstimate$: string | null };

/**
 * The page's rows without the total fields, and the total. A page past the end has no row to
 * carry the total: then `countAlone` runs the same count by itself.
 */
export async function withListTotal<R extends object>(
  db: Db, table: PgTable, filtered: boolean, options: TotalOptions,
  page: WithTotal<R>[], countAlone: () => Promise<{ listCapped$: string; listEstimate$: string | null }[]>,
): Promise<{ rows: R[]; total: number }> {
  const carrier = page[0] ?? (await countAlone())[0];
  const rows = page.map(({ listCapped$: _c, listEstimate$: _e, ...row }) => row as unknown as R);
  return { rows, total: total(db, table, filtered, options, carrier.listCapped$, carrier.listEstimate$) };
}

/** The count by itself, for `withListTotal`'s empty pages. */
export function countAloneQuery(db: Db, table: PgTable, where: SQL | undefined, aboveCap: boolean) {
  return db.select(listTotalFields(db, table, where, aboveCap)).from(sql`(SELECT 1) AS one`);
}
