import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { partners, reports } from '../../../db/schema';
import type { Actor, RequestMeta } from '../../auth/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { notFound } from '../../errors/app-error';
import type { JobClient } from '../../../workers/queues/job-client';

export type ReportRow = typeof reports.$inferSelect;

export const reportRequestBody = z.object({
  periodStart: z.string().date().optional(),
  periodEnd: z.string().date().optional(),
}).strict().refine((b) => !b.periodStart || !b.periodEnd || b.periodStart <= b.periodEnd, { message: 'The period must start before it ends', path: ['periodEnd'] });

export const reportJobId = (reportId: string) => `contribution-report-${reportId}`;

async function createReport(db: Db, jobs: JobClient, actor: Actor, meta: RequestMeta, partnerId: string, period: { start: string | null; end: string | null }): Promise<ReportRow> {
  const row = await db.transaction(async (tx) => {
    const [created] = await tx.insert(reports).values({
      kind: 'contribution', partnerId, periodStart: period.start, periodEnd: period.end, status: 'queued', requestedBy: actor.id,
    }).returning();
    await recordAuditEvent(tx, actor, meta, { action: 'report.requested', entityType: 'report', entityId: created.id, toState: 'queued', details: { kind: 'contribution', partnerId } });
    return created;
  });
  await jobs.enqueue('reports.contribution', { reportId: row.id }, { jobId: reportJobId(row.id), entity: { type: 'report', id: row.id }, requestedBy: actor.id });
  return row;
}

/** On demand: a contribution report for one partner (the route has checked the actor may reach it). */
export async function requestContributionReport(deps: { db: Db; jobs: JobClient }, actor: Actor, meta: RequestMeta, partnerId: string, body: z.infer<typeof reportRequestBody>) {
  const [partner] = await deps.db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
  if (!partner) throw notFound('Partner');
  return createReport(deps.db, deps.jobs, actor, meta, partnerId, { start: body.periodStart ?? null, end: body.periodEnd ?? null });
}

/** The calendar quarter before `now` (UTC), as inclusive dates. */
export function previousQuarter(now: Date): { start: string; end: string } {
  const q = Math.floor(now.getUTCMonth() / 3);
  const start = new Date(Date.UTC(now.getUTCFullYear(), (q - 1) * 3, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), q * 3, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** The schedule: one report per active partner for the last quarter; a re-run skips partners already done. */
export async function createQuarterlyReports(deps: { db: Db; jobs: JobClient }, actor: Actor, meta: RequestMeta, now = new Date()) {
  const period = previousQuarter(now);
  const active = await deps.db.select({ id: partners.id }).from(partners).where(eq(partners.status, 'active'));
  let created = 0;
  for (const p of active) {
    const [existing] = await deps.db.select({ id: reports.id, status: reports.status }).from(reports)
      .where(and(eq(reports.partnerId, p.id), eq(reports.kind, 'contribution'), eq(reports.periodStart, period.start), eq(reports.periodEnd, period.end), isNull(reports.requestedBy)));
    if (existing) {
      // A retried schedule run re-enqueues what it created before (same job id: no duplicate).
      if (existing.status === 'queued') await deps.jobs.enqueue('reports.contribution', { reportId: existing.id }, { jobId: reportJobId(existing.id), entity: { type: 'report', id: existing.id } });
      continue;
    }
    await createReport(deps.db, deps.jobs, actor, meta, p.id, period);
    created++;
  }
  return { period, partners: active.length, created };
}
