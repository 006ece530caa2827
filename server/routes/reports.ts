import type { Router } from 'express';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { partners, reports, users } from '../../db/schema';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors/app-error';
import { requestMeta } from '../http/authenticate';
import { listQuery, parseList, sendList } from '../http/list-query';
import { mountRoute } from '../http/route';
import { orderBy } from '../http/sorting';
import { assertPartnerAccess, partnerScope } from '../services/partners/access';
import { reportRequestBody, requestContributionReport } from '../services/publication/contribution-reports';
import { sendVerifiedFile } from './public';

const columns = {
  id: reports.id, kind: reports.kind, partnerId: reports.partnerId, partnerName: partners.name, periodStart: reports.periodStart, periodEnd: reports.periodEnd,
  status: reports.status, requestedBy: reports.requestedBy, requestedByName: users.name, filename: reports.filename, size: reports.size, sha256: reports.sha256,
  failureReason: reports.failureReason, createdAt: reports.createdAt, completedAt: reports.completedAt,
};

const selectReports = (ctx: AppContext) =>
  ctx.db.select(columns).from(reports).leftJoin(partners, eq(partners.id, reports.partnerId)).leftJoin(users, eq(users.id, reports.requestedBy));

/** A report the actor may see: a partner user only its own partner's (anything else is "not found"). */
async function visibleReport(ctx: AppContext, actor: Parameters<typeof partnerScope>[0], id: string) {
  const [row] = await selectReports(ctx).where(eq(reports.id, id));
  if (!row) throw notFound('Report');
  const scope = partnerScope(actor);
  if (scope && row.partnerId !== scope) throw notFound('Report');
  return row;
}

export function registerReportRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'post', path: '/partners/:id/reports', permission: 'reports.request', tag: 'reports', status: 201, body: reportRequestBody,
    summary: 'Request a contribution report for a partner (optional period: periodStart, periodEnd); built in the background',
    async handler({ req, actor, params, body }) {
      assertPartnerAccess(actor, params.id);
      const row = await requestContributionReport(ctx, actor, requestMeta(req), params.id, body);
      return visibleReport(ctx, actor, row.id);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/reports', permission: 'reports.read', tag: 'reports', query: listQuery,
    summary: 'Reports, newest first; filter by partnerId, status, kind. A partner user sees only its own partner\'s.',
    async handler({ res, actor, query }) {
      const p = parseList(query);
      const f = p.filter as { partnerId?: string; status?: string; kind?: string };
      const where: SQL[] = [];
      const scope = partnerScope(actor);
      if (scope) where.push(eq(reports.partnerId, scope));
      if (f.partnerId) where.push(eq(reports.partnerId, f.partnerId));
      if (f.status) where.push(eq(reports.status, f.status as typeof reports.$inferSelect.status));
      if (f.kind) where.push(eq(reports.kind, f.kind));
      const cond = where.length ? and(...where) : undefined;
      const [rows, [{ total }]] = await Promise.all([
        selectReports(ctx).where(cond).orderBy(orderBy(p, { createdAt: reports.createdAt, status: reports.status, periodEnd: reports.periodEnd }, desc(reports.createdAt))).limit(p.limit).offset(p.offset),
        ctx.db.select({ total: count() }).from(reports).where(cond),
      ]);
      return sendList(res, 'reports', p, rows, total);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/reports/:id', permission: 'reports.read', tag: 'reports', summary: 'A report with its state',
    handler: ({ actor, params }) => visibleReport(ctx, actor, params.id),
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/reports/:id/download', permission: 'reports.read', tag: 'reports', raw: true,
    summary: 'Download a completed report (checked against its SHA-256)',
    async handler({ res, actor, params }) {
      const row = await visibleReport(ctx, actor, params.id);
      const [stored] = await ctx.db.select({ storageKey: reports.storageKey }).from(reports).where(eq(reports.id, row.id));
      if (row.status !== 'completed' || !stored?.storageKey || !row.sha256 || !row.filename || row.size === null) {
        throw new AppError('conflict', `The report is ${row.status}${row.failureReason ? `: ${row.failureReason}` : ''}; there is nothing to download yet`);
      }
      await sendVerifiedFile(ctx, res, { storageKey: stored.storageKey, sha256: row.sha256, filename: row.filename, contentType: 'application/pdf', size: row.size });
    },
  });
}
