import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { partners, users } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { hashPassword } from '../../auth/passwords';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { AppError, notFound } from '../../errors/app-error';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../errors/pg-error';
import { userView } from '../users/user-view';

/**
 * A liaison invites a person of the partner: a `partner_user` account bound to that partner,
 * with a one-time password shown once to the liaison to pass on (and changed at first sign-in).
 */
export async function invitePartnerUser(db: Db, actor: Actor, meta: RequestMeta, partnerId: string, input: { email: string; name: string }) {
  const temporaryPassword = randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    return await db.transaction(async (tx) => {
      const [p] = await tx.select().from(partners).where(eq(partners.id, partnerId));
      if (!p) throw notFound('Partner');
      if (p.status === 'offboarded') throw new AppError('conflict', 'An offboarded partner cannot get new users');
      const [row] = await tx.insert(users).values({ ...input, roles: ['partner_user'], partnerId, passwordHash }).returning();
      await recordAuditEvent(tx, actor, meta, {
        action: 'partner.user_invited', entityType: 'partner', entityId: partnerId, details: { userId: row.id },
      });
      return { user: userView(row), temporaryPassword };
    });
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) {
      throw new AppError('conflict', 'A user with this e-mail already exists', { fields: [{ path: 'email', message: 'Already in use' }] });
    }
    throw err;
  }
}
