import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { notifications, users } from '../../../db/schema';

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  entityType?: string;
  entityId?: string;
  /** The same key for the same user is stored once, so re-runs do not notify twice. */
  dedupeKey: string;
}

/** In-app notifications; returns the rows actually created (new ones only), for e-mailing after commit. */
export async function notify(db: DbOrTx, userIds: string[], n: NotificationInput) {
  if (userIds.length === 0) return [];
  return db
    .insert(notifications)
    .values([...new Set(userIds)].map((userId) => ({ userId, ...n, entityType: n.entityType ?? null, entityId: n.entityId ?? null })))
    .onConflictDoNothing()
    .returning();
}

/** Active users holding a role: e.g. every liaison when a partner has no assigned liaison. */
export async function activeUsersWithRole(db: DbOrTx, role: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), sql`${role}::role = ANY(${users.roles})`));
  return rows.map((r) => r.id);
}

export async function userEmails(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, email: users.email }).from(users).where(and(inArray(users.id, ids), eq(users.active, true)));
}
