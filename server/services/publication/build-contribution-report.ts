import { and, eq, ne } from 'drizzle-orm';
import { Readable } from 'node:stream';
import type { Db } from '../../../db/client';
import { partners, reports } from '../../../db/schema';
import { renderContributionReport } from '../../domain/reports';
import type { BlobStore } from '../../storage/blob-store';
import { contributionData } from './contribution-data';
import { jobStep, type StepText } from '../../domain/job-steps';

/**
 * Builds a contribution report PDF and records it. Retry-safe: the file goes under a fresh key and
 * the row is completed only once; a second completion loses and its file is deleted.
 */
export async function buildContributionReport(deps: { db: Db; blobs: BlobStore }, reportId: string, progress: (p: number, step: StepText) => Promise<void>) {
  const [report] = await deps.db.select().from(reports).where(eq(reports.id, reportId));
  if (!report) throw new Error('Report not found');
  if (report.status === 'completed') return { skipped: 'already completed' };
  if (!report.partnerId) throw new Error('A contribution report needs a partner');
  await deps.db.update(reports).set({ status: 'running', failureReason: null }).where(and(eq(reports.id, reportId), ne(reports.status, 'completed')));
  await progress(10, jobStep('gathering_contribution'));
  const data = await contributionData(deps.db, report.partnerId, { start: report.periodStart, end: report.periodEnd });
  await progress(60, jobStep('rendering_pdf'));
  const pdf = await renderContributionReport(data);
  const [partner] = await deps.db.select({ shortCode: partners.shortCode }).from(partners).where(eq(partners.id, report.partnerId));
  const stored = await deps.blobs.put(`reports/${report.partnerId}`, Readable.from([pdf]));
  const filename = `contribution-${(partner?.shortCode ?? 'partner').replace(/[^\w.-]/g, '_')}-${report.periodEnd ?? data.generatedAt.toISOString().slice(0, 10)}.pdf`;
  const [done] = await deps.db.update(reports)
    .set({ status: 'completed', filename, size: stored.size, sha256: stored.sha256, storageKey: stored.key, completedAt: new Date(), failureReason: null })
    .where(and(eq(reports.id, reportId), ne(reports.status, 'completed')))
    .returning({ id: reports.id });
  if (!done) await deps.blobs.delete(stored.key);
  await progress(100, jobStep('done'));
  return { filename, size: stored.size, sha256: stored.sha256 };
}

export async function failReport(db: Db, reportId: string, reason: string) {
  await db.update(reports).set({ status: 'failed', failureReason: reason.slice(0, 1000) }).where(and(eq(reports.id, reportId), ne(reports.status, 'completed')));
}
