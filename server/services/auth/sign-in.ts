import { eq, sql } from 'drizzle-orm';
import { users } from '../../../db/schema';
import type { AppContext } from '../../context';
import { AppError } from '../../errors/app-error';
import { dummyPasswordHash, verifyPassword } from '../../auth/passwords';
import { createSession } from '../../auth/sessions';
import { recordAuditEvent } from '../../audit/record-audit-event';
import type { RequestMeta } from '../../auth/actor';

const WRONG = 'Wrong e-mail or password';

/** Checks credentials under the rate limits and opens a fresh session (never reuses one). */
export async function signIn(ctx: AppContext, email: string, password: string, meta: RequestMeta & { userAgent?: string }) {
  const ip = meta.ip ?? 'unknown';
  await ctx.loginLimiter.assertAllowed(email, ip);
  const [user] = await ctx.db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.active) {
    await ctx.loginLimiter.recordFailure(email, ip);
    if (user && ok && !user.active) throw new AppError('unauthenticated', 'This account is deactivated; ask an administrator');
    throw new AppError('unauthenticated', WRONG);
  }
  await ctx.loginLimiter.recordSuccess(email);
  return ctx.db.transaction(async (tx) => {
    const session = await createSession(tx, user.id, ctx.cfg.SESSION_TTL_HOURS, { ip, userAgent: meta.userAgent });
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await recordAuditEvent(tx, { id: user.id, name: user.name, roles: user.roles, partnerId: user.partnerId }, meta, {
      action: 'user.signed_in', entityType: 'user', entityId: user.id,
    });
    return { user, session };
  });
}
