import type { Router } from 'express';
import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { AppContext } from '../context';
import { notFound } from '../errors/app-error';
import { requestMeta } from '../http/authenticate';
import { listQuery, parseList, sendList } from '../http/list-query';
import { mountRoute } from '../http/route';
import { orderBy } from '../http/sorting';
import { createUser, resetUserPassword, updateUser } from '../services/users/manage-users';
import { createUserBody, resetPasswordBody, updateUserBody } from '../services/users/user-schemas';
import { userView } from '../services/users/user-view';

export function registerUserRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/users', permission: 'users.manage', tag: 'users', summary: 'List users', query: listQuery,
    async handler({ res, query }) {
      const p = parseList(query);
      const f = p.filter as { q?: string; role?: string; active?: boolean; partnerId?: string };
      const where: SQL[] = [];
      if (f.q) where.push(or(ilike(users.name, `%${f.q}%`), ilike(users.email, `%${f.q}%`))!);
      if (f.role) where.push(sql`${f.role}::role = ANY(${users.roles})`);
      if (typeof f.active === 'boolean') where.push(eq(users.active, f.active));
      if (f.partnerId) where.push(eq(users.partnerId, f.partnerId));
      const cond = where.length ? and(...where) : undefined;
      const [rows, [{ total }]] = await Promise.all([
        ctx.db.select().from(users).where(cond)
          .orderBy(orderBy(p, { name: users.name, email: users.email, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt }, sql`${users.name} asc`))
          .limit(p.limit).offset(p.offset),
        ctx.db.select({ total: count() }).from(users).where(cond),
      ]);
      return sendList(res, 'users', p, rows.map(userView), total);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/users/:id', permission: 'users.manage', tag: 'users', summary: 'One user',
    async handler({ params }) {
      const [row] = await ctx.db.select().from(users).where(eq(users.id, params.id));
      if (!row) throw notFound('User');
      return userView(row);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/users', permission: 'users.manage', tag: 'users', summary: 'Create a user', body: createUserBody, status: 201,
    handler: ({ req, actor, body }) => createUser(ctx.db, actor, requestMeta(req), body),
  });

  mountRoute(router, ctx, {
    method: 'put', path: '/users/:id', permission: 'users.manage', tag: 'users', summary: 'Edit, deactivate or reactivate a user', body: updateUserBody,
    // This process forgets checked sessions at once; the others when PostgreSQL tells them (session-cache.ts).
    handler: ({ req, actor, body, params }) => updateUser(ctx.db, actor, requestMeta(req), params.id, body).finally(() => ctx.sessions.forgetAll()),
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/users/:id/reset-password', permission: 'users.manage', tag: 'users', summary: 'Set a new password; ends the user\'s sessions', body: resetPasswordBody,
    handler: ({ req, actor, body, params }) => resetUserPassword(ctx.db, actor, requestMeta(req), params.id, body.password).finally(() => ctx.sessions.forgetAll()),
  });
}
