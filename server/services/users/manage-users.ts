import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { hashPassword } from '../../auth/passwords';
import { destroyUserSessions } from '../../auth/sessions';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { AppError, notFound } from '../../errors/app-error';
import { FOREIGN_KEY_VIOLATION, pgErrorCode, UNIQUE_VIOLATION } from '../../errors/pg-error';
import type { createUserBody, updateUserBody } from './user-schemas';
import { userView } from './user-view';

function uniqueEmail(err: unknown): never {
  if (pgErrorCode(err) === UNIQUE_VIOLATION) {
    throw new AppError('conflict', 'A user with this e-mail already exists', { fields: [{ path: 'email', message: 'Already in use' }] });
  }
  if (pgErrorCode(err) === FOREIGN_KEY_VIOLATION) {
    throw new AppError('validation', 'Unknown partner', { fields: [{ path: 'partnerId', message: 'No such partner' }] });
  }
  throw err;
}

export async function createUser(db: Db, actor: Actor, meta: RequestMeta, input: z.infer<typeof createUserBody>) {
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, roles: input.roles, partnerId: input.partnerId ?? null, passwordHash, locale: input.locale ?? 'en' })
        .returning();
      await recordAuditEvent(tx, actor, meta, {
        action: 'user.created', entityType: 'user', entityId: row.id, details: { roles: row.roles, partnerId: row.partnerId },
      });
      return userView(row);
    })
    .catch(uniqueEmail);
}

export async function updateUser(db: Db, actor: Actor, meta: RequestMeta, id: string, input: z.infer<typeof updateUserBody>) {
  return db
    .transaction(async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
      if (!before) throw notFound('User');
      if (actor.id === id && (input.active === false || (input.roles && !input.roles.includes('admin')))) {
        throw new AppError('unprocessable', 'You cannot deactivate yourself or remove your own admin role');
      }
      const roles = input.roles ?? before.roles;
      const partnerId = input.partnerId !== undefined ? input.partnerId : before.partnerId;
      const [row] = await tx
        .update(users)
        .set({ ...input, roles, partnerId, updatedAt: sql`now()` })
        .where(eq(users.id, id))
        .returning();
      const changed = Object.keys(input).filter((k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((row as Record<string, unknown>)[k]));
      if (before.active && !row.active) await destroyUserSessions(tx, id);
      const action = before.active !== row.active ? (row.active ? 'user.reactivated' : 'user.deactivated') : 'user.updated';
      await recordAuditEvent(tx, actor, meta, {
        action, entityType: 'user', entityId: id, details: { changed, roles: row.roles },
      });
      return userView(row);
    })
    .catch(uniqueEmail);
}

export async function resetUserPassword(db: Db, actor: Actor, meta: RequestMeta, id: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, id)).returning({ id: users.id });
    if (!row) throw notFound('User');
    // Existing sessions end: whoever held the old password is signed out everywhere.
    await destroyUserSessions(tx, id);
    await recordAuditEvent(tx, actor, meta, { action: 'user.password_reset', entityType: 'user', entityId: id });
  });
}
