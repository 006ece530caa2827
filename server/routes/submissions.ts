import type { Router } from 'express';
import { and, desc, eq } from 'drizzle-orm';
import { submissionRecordsPage } from '../../db/queries/records';
import { listSubmissions, submissionListColumns } from '../../db/queries/submissions';
import { z } from 'zod';
import { jobRuns, partners, submissions, users } from '../../db/schema';
import type { AppContext } from '../context';
import { notFound } from '../errors/app-error';
import { requestMeta } from '../http/authenticate';
import { listQuery, parseList, sendList } from '../http/list-query';
import { JsonText, mountRoute } from '../http/route';
import { receiveFile } from '../http/upload';
import { assertPartnerAccess, partnerScope } from '../services/partners/access';
import { receiveSubmission } from '../services/submissions/receive-submission';
import { actOnSubmission } from '../services/submissions/submission-actions';

const listColumns = submissionListColumns;

async function loadSubmission(ctx: AppContext, id: string) {
  const [row] = await ctx.db
    .select({ ...listColumns, sha256: submissions.sha256, profile: submissions.profile, failureDetails: submissions.failureDetails, harmonizationReport: submissions.harmonizationReport })
    .from(submissions).innerJoin(partners, eq(partners.id, submissions.partnerId)).leftJoin(users, eq(users.id, submissions.uploadedBy))
    .where(eq(submissions.id, id));
  return row ?? null;
}

export function registerSubmissionRoutes(router: Router, ctx: AppContext) {
  mountRoute(router, ctx, {
    method: 'get', path: '/submissions', permission: 'submissions.read', tag: 'submissions', query: listQuery,
    summary: 'Submissions, newest first; filter by partnerId, status. A partner user sees only its own.',
    async handler({ res, actor, query }) {
      const p = parseList(query);
      const f = p.filter as { partnerId?: string; status?: string };
      const { rows, total } = await listSubmissions(ctx.db, { ...p, scope: partnerScope(actor), partnerId: f.partnerId || undefined, status: f.status || undefined });
      return sendList(res, 'submissions', p, rows, total);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/submissions/:id', permission: 'submissions.read', tag: 'submissions', summary: 'A submission with its profile and findings',
    async handler({ actor, params }) {
      const row = await loadSubmission(ctx, params.id);
      if (!row) throw notFound('Submission');
      assertPartnerAccess(actor, row.partnerId, 'Submission');
      return row;
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/partners/:id/submissions', permission: 'submissions.upload', tag: 'submissions', status: 201,
    summary: 'Upload a CSV, TSV or XLSX file (multipart field "file"), streamed and stored encrypted; profiling starts',
    handler({ req, actor, params }) {
      // Refuse another partner's id before reading a single byte of the upload.
      assertPartnerAccess(actor, params.id);
      return receiveFile(req, (file) => receiveSubmission(ctx, actor, requestMeta(req), params.id, file));
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/submissions/:id/actions/:action', permission: 'submissions.transition', tag: 'submissions',
    summary: 'harmonize (with the partner\'s approved mapping), retry a failed one, or reject with a reason',
    body: z.object({ reason: z.string().trim().max(2000).optional() }).strict(),
    async handler({ req, actor, body, params }) {
      await actOnSubmission(ctx, actor, requestMeta(req), params.id, params.action, body.reason);
      return loadSubmission(ctx, params.id);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/submissions/:id/jobs', permission: 'submissions.read', tag: 'submissions',
    summary: 'The background jobs of a submission (profiling, harmonization) with live progress; partner users see their own',
    async handler({ actor, params }) {
      const [sub] = await ctx.db.select({ partnerId: submissions.partnerId }).from(submissions).where(eq(submissions.id, params.id));
      if (!sub) throw notFound('Submission');
      assertPartnerAccess(actor, sub.partnerId, 'Submission');
      return ctx.db.select({ id: jobRuns.id, name: jobRuns.name, status: jobRuns.status, progress: jobRuns.progress, step: jobRuns.step, attempts: jobRuns.attempts, error: jobRuns.error, createdAt: jobRuns.createdAt, finishedAt: jobRuns.finishedAt })
        .from(jobRuns).where(and(eq(jobRuns.entityType, 'submission'), eq(jobRuns.entityId, params.id))).orderBy(desc(jobRuns.createdAt));
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/submissions/:id/records', permission: 'records.read', tag: 'submissions',
    summary: 'Harmonized records of a submission (staff only) as {columns, rows}, keyset-paged: ?after=<id>&limit=<n>',
    query: z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(50) }).passthrough(),
    async handler({ res, params, query }) {
      const page = await submissionRecordsPage(ctx.db, params.id, query.after, query.limit);
      if (!page) throw notFound('Submission');
      res.setHeader('X-Total-Count', String(page.recordCount ?? 0));
      return new JsonText(page.json);
    },
  });

}
