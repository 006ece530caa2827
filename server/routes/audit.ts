import type { Router } from 'express';
import { eq } from 'drizzle-orm';
import { listAuditEvents } from '../../db/queries/audit';
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
      const { rows, total } = await listAuditEvents(ctx.db, {
        entityType: f.entityType || undefined, entityId: f.entityId || undefined, actorId: f.actorId || undefined, action: f.action || undefined,
        from: f.from ? new Date(f.from) : undefined, to: f.to ? new Date(f.to) : undefined,
      }, { offset: p.offset, limit: p.limit });
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
