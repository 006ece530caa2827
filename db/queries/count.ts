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

/**
 * `listTotal` as one prepared statement per list shape: the capped count and the planner's estimate
 * in a single round trip. `where` holds placeholders, bound by `execute`. For an append-only table,
 * once an unfiltered count has passed the cap it cannot fall back under it, so later unfiltered
 * totals skip the 10,001-row scan and read the estimate alone (same figure: the larger of the two).
 */
export function prepareListTotal(db: Db, table: PgTable, where: SQL | undefined, statement: string, options: { appendOnly?: boolean } = {}) {
  const name = getTableName(table);
  const estimate = sql<string | null>`(SELECT reltuples::bigint FROM pg_class WHERE relname = ${name} LIMIT 1)`;
  const counted = db
    .select({ n: sql<string>`count(*)`, estimate })
    .from(db.select({ one: sql`1` }).from(table).where(where).limit(EXACT_UP_TO + 1).as('capped'))
    .prepare(statement);
  const aboveCap = where || !options.appendOnly ? undefined : db.select({ n: sql<string>`${sql.raw(String(EXACT_UP_TO + 1))}`, estimate }).from(sql`(SELECT 1) AS one`).prepare(`${statement}:above-cap`);
  return {
    async execute(values: Record<string, unknown> = {}): Promise<number> {
      const known = aboveCap && knownAboveCap.get(db)?.has(name);
      const [row] = await (known ? aboveCap : counted).execute(values);
      const n = Number(row.n);
      if (n <= EXACT_UP_TO || where) return n;
      if (aboveCap && !known) {
        if (!knownAboveCap.has(db)) knownAboveCap.set(db, new Set());
        knownAboveCap.get(db)!.add(name);
      }
      return Math.max(n, Number(row.estimate ?? n));
    },
  };
}
