import type { Router } from 'express';
import { count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { anonymizationRuns, releaseArtifacts, releases, releaseSignoffs, releaseSubmissions, submissions, users, partners } from '../../db/schema';
import type { AppContext } from '../context';
import { notFound } from '../errors/app-error';
import { requestMeta } from '../http/authenticate';
import { listQuery, parseList, sendList } from '../http/list-query';
import { mountRoute } from '../http/route';
import { orderBy } from '../http/sorting';
import { composeRelease, eligibleSubmissionsQuery, releaseBody, updateDraftRelease } from '../services/releases/compose-release';
import { actOnRelease, signOffRelease } from '../services/releases/release-actions';

async function releaseDetail(ctx: AppContext, id: string) {
  const [row] = await ctx.db.select().from(releases).where(eq(releases.id, id));
  if (!row) throw notFound('Release');
  const [included, runs, signoffs, artifacts] = await Promise.all([
    ctx.db.select({ id: submissions.id, partnerId: submissions.partnerId, partnerName: partners.name, originalName: submissions.originalName, recordCount: submissions.recordCount })
      .from(releaseSubmissions).innerJoin(submissions, eq(submissions.id, releaseSubmissions.submissionId)).innerJoin(partners, eq(partners.id, submissions.partnerId))
      .where(eq(releaseSubmissions.releaseId, id)),
    ctx.db.select({ id: anonymizationRuns.id, status: anonymizationRuns.status, createdAt: anonymizationRuns.createdAt, completedAt: anonymizationRuns.completedAt, outputRows: anonymizationRuns.outputRows })
      .from(anonymizationRuns).where(eq(anonymizationRuns.releaseId, id)).orderBy(desc(anonymizationRuns.createdAt)),
    ctx.db.select({ id: releaseSignoffs.id, round: releaseSignoffs.round, role: releaseSignoffs.role, decision: releaseSignoffs.decision, comment: releaseSignoffs.comment, createdAt: releaseSignoffs.createdAt, userId: releaseSignoffs.userId, userName: users.name })
      .from(releaseSignoffs).innerJoin(users, eq(users.id, releaseSignoffs.userId)).where(eq(releaseSignoffs.releaseId, id)).orderBy(desc(releaseSignoffs.createdAt)),
    ctx.db.select({ kind: releaseArtifacts.kind, filename: releaseArtifacts.filename, size: releaseArtifacts.size, sha256: releaseArtifacts.sha256 }).from(releaseArtifacts).where(eq(releaseArtifacts.releaseId, id)),
  ]);
  const records = included.reduce((n, s) => n + (s.recordCount ?? 0), 0);
  return { ...row, submissions: included, records, runs, signoffs, artifacts };
}

export function registerReleaseRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/releases', permission: 'releases.read', tag: 'releases', query: listQuery, summary: 'Releases, newest first; filter by status',
    async handler({ res, query }) {
      const p = parseList(query);
      const f = p.filter as { status?: string | string[] };
      const statuses = f.status ? (Array.isArray(f.status) ? f.status : [f.status]) : null;
      const cond = statuses ? inArray(releases.status, statuses as (typeof releases.$inferSelect.status)[]) : undefined;
      const [rows, [{ total }]] = await Promise.all([
        ctx.db.select().from(releases).where(cond).orderBy(orderBy(p, { version: releases.version, status: releases.status, createdAt: releases.createdAt }, desc(releases.createdAt))).limit(p.limit).offset(p.offset),
        ctx.db.select({ total: count() }).from(releases).where(cond),
      ]);
      return sendList(res, 'releases', p, rows, total);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/releases/eligible-submissions', permission: 'releases.compose', tag: 'releases',
    summary: 'Harmonized submissions a release may include', handler: () => eligibleSubmissionsQuery(ctx.db),
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/releases/:id', permission: 'releases.read', tag: 'releases', summary: 'A release: composition, runs, sign-offs, artifacts',
    handler: ({ params }) => releaseDetail(ctx, params.id),
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/releases', permission: 'releases.compose', tag: 'releases', status: 201, summary: 'Compose a release (draft)', body: releaseBody,
    async handler({ req, actor, body }) {
      const row = await composeRelease(ctx.db, actor, requestMeta(req), body);
      return releaseDetail(ctx, row.id);
    },
  });

  mountRoute(router, ctx, {
    method: 'put', path: '/releases/:id', permission: 'releases.compose', tag: 'releases', summary: 'Edit a draft release (title, description, submissions)',
    body: z.object({ title: z.string().trim().min(3).max(300).optional(), description: z.string().trim().max(4000).nullable().optional(), submissionIds: z.array(z.string().uuid()).max(5000).optional() }).strict(),
    async handler({ req, actor, body, params }) {
      await updateDraftRelease(ctx.db, actor, requestMeta(req), params.id, body);
      return releaseDetail(ctx, params.id);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/releases/:id/actions/:action', permission: 'releases.compose', tag: 'releases',
    summary: 'start_anonymization {policyId}, reject_signoff {reason}, publish, retract {reason}',
    body: z.object({ reason: z.string().trim().max(4000).optional(), policyId: z.string().uuid().optional() }).strict(),
    async handler({ req, actor, body, params }) {
      await actOnRelease(ctx, actor, requestMeta(req), params.id, params.action, body);
      return releaseDetail(ctx, params.id);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/releases/:id/signoffs', permission: 'releases.signoff', tag: 'releases', status: 201,
    summary: 'Sign a release off as privacy officer or release manager (not the composer; two different people)',
    body: z.object({ role: z.enum(['privacy_officer', 'release_manager']), comment: z.string().trim().min(1, 'Say why you sign off').max(4000) }).strict(),
    async handler({ req, actor, body, params }) {
      await signOffRelease(ctx, actor, requestMeta(req), params.id, body);
      return releaseDetail(ctx, params.id);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/releases/:id/signoffs/reject', permission: 'releases.signoff', tag: 'releases',
    summary: 'Reject in review: the release returns to draft (reason required)',
    body: z.object({ reason: z.string().trim().min(1, 'A reason is required').max(4000) }).strict(),
    async handler({ req, actor, body, params }) {
      await actOnRelease(ctx, actor, requestMeta(req), params.id, 'reject_signoff', body);
      return releaseDetail(ctx, params.id);
    },
  });
}
