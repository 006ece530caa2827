import type { Router } from 'express';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { notifications } from '../../db/schema';
import type { AppContext } from '../context';
import { notFound } from '../errors/app-error';
import { listQuery, parseList, sendList } from '../http/list-query';
import { mountRoute } from '../http/route';

export function registerNotificationRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/notifications', permission: 'notifications.own', tag: 'notifications', summary: 'My notifications, newest first', query: listQuery,
    async handler({ res, actor, query }) {
      const p = parseList(query);
      const mine = p.filter.unread ? and(eq(notifications.userId, actor.id!), isNull(notifications.readAt)) : eq(notifications.userId, actor.id!);
      const [rows, [{ total }]] = await Promise.all([
        ctx.db.select().from(notifications).where(mine).orderBy(desc(notifications.createdAt)).limit(p.limit).offset(p.offset),
        ctx.db.select({ total: count() }).from(notifications).where(mine),
      ]);
      return sendList(res, 'notifications', p, rows, total);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/notifications/unread-count', permission: 'notifications.own', tag: 'notifications', summary: 'How many of my notifications are unread',
    async handler({ actor }) {
      const [{ unread }] = await ctx.db.select({ unread: count() }).from(notifications)
        .where(and(eq(notifications.userId, actor.id!), isNull(notifications.readAt)));
      return { unread };
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/notifications/:id/read', permission: 'notifications.own', tag: 'notifications', summary: 'Mark one as read',
    async handler({ actor, params }) {
      const [row] = await ctx.db.update(notifications).set({ readAt: new Date() })
        .where(and(eq(notifications.id, params.id), eq(notifications.userId, actor.id!))).returning();
      if (!row) throw notFound('Notification');
      return row;
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/notifications/read-all', permission: 'notifications.own', tag: 'notifications', summary: 'Mark all mine as read',
    async handler({ actor }) {
      await ctx.db.update(notifications).set({ readAt: new Date() })
        .where(and(eq(notifications.userId, actor.id!), isNull(notifications.readAt)));
    },
  });
}
