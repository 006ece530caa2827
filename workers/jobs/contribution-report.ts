import { buildContributionReport, failReport } from '../../server/services/publication/build-contribution-report';
import type { JobHandler } from '../runtime';

/** A partner's contribution report; on its last failed attempt the report row says why. */
export const contributionReportJob: JobHandler<'reports.contribution'> = async ({ reportId }, ctx) => {
  try {
    return await buildContributionReport({ db: ctx.db, blobs: ctx.blobs }, reportId, (p, s) => ctx.progress(p, s));
  } catch (err) {
    if (ctx.job.attemptsMade + 1 >= (ctx.job.opts.attempts ?? 1)) await failReport(ctx.db, reportId, err instanceof Error ? err.message : String(err));
    throw err;
  }
};
