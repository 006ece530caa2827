import type { Router } from 'express';
import { and, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import { listTotal } from '../../db/queries/count';
import { auditEvents } from '../../db/schema';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import type { AppContext } from '../context';
import { notFound } from '../errors/app-error';
import { listQuery, parseList, sendList } from '../http/list-query';
import { mountRoute } from '../http/route';

export function registerAuditRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/audit-events', permission: 'audit.read', tag: 'audit',
    summary: 'The audit log, newest first; filter by entityType, entityId, actorId, action, from, to', query: listQuery,
    async handler({ res, query }) {
      const p = parseList(query);
      const f = p.filter as Record<string, string | undefined>;
      const where: SQL[] = [];
      if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
      if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
      if (f.actorId) where.push(eq(auditEvents.actorId, f.actorId));
      if (f.action) where.push(ilike(auditEvents.action, `${f.action}%`));
      if (f.from) where.push(gte(auditEvents.occurredAt, new Date(f.from)));
      if (f.to) where.push(lte(auditEvents.occurredAt, new Date(f.to)));
      const cond = where.length ? and(...where) : undefined;
      const [rows, total] = await Promise.all([
        ctx.db.select().from(auditEvents).where(cond).orderBy(desc(auditEvents.id)).limit(p.limit).offset(p.offset),
        listTotal(ctx.db, auditEvents, cond, 'audit_events'),
      ]);
      return sendList(res, 'audit-events', p, rows, total);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/audit-events/:id', permission: 'audit.read', tag: 'audit', summary: 'One audit event',
    async handler({ params }) {
      const id = Number(params.id);
      const [row] = Number.isSafeInteger(id) ? await ctx.db.select().from(auditEvents).where(eq(auditEvents.id, id)) : [];
      if (!row) throw notFound('Audit event');
      return row;
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/audit/verify', permission: 'audit.verify', tag: 'audit',
    summary: 'Walk the hash chain and report the first broken link',
    handler: () => verifyAuditChain(ctx.db),
  });
}
