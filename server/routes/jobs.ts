import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { listTotal } from '../../db/queries/count';
import { z } from 'zod';
import { jobRuns } from '../../db/schema';
import { JOB_CATALOG } from '../../workers/jobs/catalog';
import type { AppContext } from '../context';
import { notFound } from '../errors/app-error';
import { listQuery, parseList, sendList } from '../http/list-query';
import { mountRoute } from '../http/route';

export function registerJobRoutes(router: Router, ctx: AppContext) {
  const withTitle = (row: typeof jobRuns.$inferSelect) => ({
    ...row,
    title: JOB_CATALOG[row.name as keyof typeof JOB_CATALOG]?.title ?? row.name,
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/job-runs', permission: 'jobs.read', tag: 'jobs',
    summary: 'Background jobs, newest first; filter by status, name, entityType, entityId', query: listQuery,
    async handler({ res, query }) {
      const p = parseList(query);
      const f = p.filter as Record<string, string | undefined>;
      const where: SQL[] = [];
      if (f.status) where.push(eq(jobRuns.status, f.status as typeof jobRuns.$inferSelect.status));
      if (f.name) where.push(eq(jobRuns.name, f.name));
      if (f.entityType) where.push(eq(jobRuns.entityType, f.entityType));
      if (f.entityId) where.push(eq(jobRuns.entityId, f.entityId));
      const cond = where.length ? and(...where) : undefined;
      const [rows, total] = await Promise.all([
        ctx.db.select().from(jobRuns).where(cond).orderBy(desc(jobRuns.createdAt)).limit(p.limit).offset(p.offset),
        listTotal(ctx.db, jobRuns, cond, 'job_runs'),
      ]);
      return sendList(res, 'job-runs', p, rows.map(withTitle), total);
    },
  });

  mountRoute(router, ctx, {
    method: 'get', path: '/job-runs/:id', permission: 'jobs.read', tag: 'jobs', summary: 'One job: state, progress, error',
    async handler({ params }) {
      const [row] = await ctx.db.select().from(jobRuns).where(eq(jobRuns.id, params.id));
      if (!row) throw notFound('Job');
      return withTitle(row);
    },
  });

  mountRoute(router, ctx, {
    method: 'post', path: '/job-runs/self-test', permission: 'jobs.board', tag: 'jobs', status: 202,
    summary: 'Start the job-system self-test, which fails its first attempts on purpose to exercise retries',
    body: z.object({ failTimes: z.number().int().min(0).max(2).default(1) }).strict(),
    async handler({ actor, body }) {
      const runId = randomUUID();
      const jobId = await ctx.jobs.enqueue('jobs.self-test', { failTimes: body.failTimes, runId }, {
        jobId: `self-test-${runId}`, requestedBy: actor.id, entity: { type: 'system', id: 'jobs' },
      });
      const [row] = await ctx.db.select().from(jobRuns).where(eq(jobRuns.jobId, jobId));
      return withTitle(row);
    },
  });
}
