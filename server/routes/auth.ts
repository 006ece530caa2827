import type { CookieOptions, Router } from 'express';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { partners, users } from '../../db/schema';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { destroySession, SESSION_COOKIE } from '../auth/sessions';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { requestMeta } from '../http/authenticate';
import { mountRoute } from '../http/route';
import { recordAuditEvent } from '../audit/record-audit-event';
import { signIn } from '../services/auth/sign-in';
import { password } from '../services/users/user-schemas';
import { userView } from '../services/users/user-view';

export function registerAuthRoutes(router: Router, ctx: AppContext) {
  const cookie = (maxAgeMs?: number): CookieOptions => ({
    httpOnly: true, sameSite: 'lax', secure: ctx.cfg.NODE_ENV === 'production', path: '/', maxAge: maxAgeMs,
  });

  async function me(userId: string, csrfToken: string | undefined) {
    const [row] = await ctx.db
      .select({ user: users, partnerName: partners.name })
      .from(users)
      .leftJoin(partners, eq(partners.id, users.partnerId))
      .where(eq(users.id, userId));
    return { ...userView(row.user), partnerName: row.partnerName, csrfToken };
  }

  mountRoute(router, ctx, {
    method: 'post', path: '/auth/login', permission: 'public', tag: 'auth', summary: 'Sign in; sets the session cookie',
    body: z.object({ email: z.string().trim().min(1, 'E-mail is required'), password: z.string().min(1, 'Password is required') }),
    async handler({ req, res, body }) {
      // A session cookie sent with the sign-in is dropped: a new session id every time (no fixation).
      if (req.sessionToken) {
        await destroySession(ctx.db, req.sessionToken);
        ctx.sessions.forgetAll();
      }
      const { user, session } = await signIn(ctx, body.email, body.password, { ...requestMeta(req), userAgent: req.headers['user-agent'] });
      res.cookie(SESSION_COOKIE, session.token, cookie(ctx.cfg.SESSION_TTL_HOURS * 3600_000));
      return me(user.id, session.csrfToken);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/auth/logout', permission: 'session.self', tag: 'auth', summary: 'Sign out',
    async handler({ req, res, actor }) {
      await ctx.db.transaction(async (tx) => {
        await destroySession(tx, req.sessionToken!);
        await recordAuditEvent(tx, actor, requestMeta(req), { action: 'user.signed_out', entityType: 'user', entityId: actor.id! });
      });
      // This process forgets checked sessions at once; the others when PostgreSQL tells them (session-cache.ts).
      ctx.sessions.forgetAll();
      res.clearCookie(SESSION_COOKIE, cookie());
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/auth/me', permission: 'session.self', tag: 'auth', summary: 'The signed-in user, roles and CSRF token',
    handler: async ({ req, actor }) => me(actor.id!, req.csrfToken),
  });

  mountRoute(router, ctx, {
    method: 'patch', path: '/auth/me', permission: 'session.self', tag: 'auth', summary: 'Change my interface language',
    body: z.object({ locale: z.enum(['en', 'fr', 'es']) }).strict(),
    async handler({ req, actor, body }) {
      await ctx.db.update(users).set({ locale: body.locale }).where(eq(users.id, actor.id!));
      return me(actor.id!, req.csrfToken);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/auth/password', permission: 'session.self', tag: 'auth', summary: 'Change my password',
    body: z.object({ currentPassword: z.string().min(1), newPassword: password }).strict(),
    async handler({ req, actor, body }) {
      const [row] = await ctx.db.select().from(users).where(eq(users.id, actor.id!));
      if (!(await verifyPassword(row.passwordHash, body.currentPassword))) {
        throw new AppError('validation', 'The current password is wrong', { fields: [{ path: 'currentPassword', message: 'Wrong password' }] });
      }
      const passwordHash = await hashPassword(body.newPassword);
      await ctx.db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.id!));
        await recordAuditEvent(tx, actor, requestMeta(req), { action: 'user.password_changed', entityType: 'user', entityId: actor.id! });
      });
    },
  });
}
