import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';

interface StatusTable {
  table: PgTable;
  id: PgColumn;
  status: PgColumn;
  updatedAt?: PgColumn;
}

/** lockRow / setStatus for a drizzle table with `id` and `status` columns. */
export function drizzleStatusAccess<Row>(t: StatusTable) {
  return {
    async lockRow(tx: Tx, id: string): Promise<Row | null> {
      const rows = await tx.select().from(t.table).where(eq(t.id, id)).for('update');
      return (rows[0] as Row | undefined) ?? null;
    },
    async setStatus(tx: Tx, id: string, from: string, to: string): Promise<number> {
      const result = await tx.execute(
        sql`UPDATE ${t.table} SET ${sql.identifier(t.status.name)} = ${to}${t.updatedAt ? sql`, ${sql.identifier(t.updatedAt.name)} = now()` : sql``}
            WHERE ${and(eq(t.id, id), eq(t.status, from))}`,
      );
      return result.rowCount ?? 0;
    },
  };
}
