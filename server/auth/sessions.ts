import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { preparedByShape } from '../../db/queries/prepared';
import { sessions, users, type Role } from '../../db/schema';

export const SESSION_COOKIE = 'ctdc_session';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: DbOrTx,
  userId: string,
  ttlHours: number,
  client: { ip?: string; userAgent?: string },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({
    id: digest(token),
    userId,
    csrfToken,
    expiresAt,
    ip: client.ip ?? null,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export interface FoundSession {
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; name: string; roles: Role[]; partnerId: string | null };
}

/**
 * The session lookup runs on every API request: a named prepared statement (parsed and planned
 * once per connection) selecting only what a request needs, never the password hash.
 */
const findSessionStatement = preparedByShape('find-session', () => '', (db, _shape, statement) =>
  db
    .select({ csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt, userId: users.id, name: users.name, roles: users.roles, partnerId: users.partnerId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now')), eq(users.active, true)))
    .limit(1)
    .prepare(statement));

/** The live session and its active user for a cookie token, or null. */
export async function findSession(db: Db, token: string): Promise<FoundSession | null> {
  const [row] = await findSessionStatement(db, undefined).execute({ id: digest(token), now: new Date() });
  if (!row) return null;
  return { csrfToken: row.csrfToken, expiresAt: row.expiresAt, user: { id: row.userId, name: row.name, roles: row.roles, partnerId: row.partnerId } };
}

export async function destroySession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, digest(token)));
}

export async function destroyUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
