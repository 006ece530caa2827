import { SYSTEM_ACTOR } from '../../server/auth/actor';
import { createQuarterlyReports } from '../../server/services/publication/contribution-reports';
import type { JobHandler } from '../runtime';
import { jobStep } from '../../server/domain/job-steps';

/** The quarterly schedule: one contribution report per active partner, for the quarter just ended. */
export const quarterlyContributionReportsJob: JobHandler<'reports.quarterly-contributions'> = async (_payload, ctx) => {
  await ctx.progress(5, jobStep('creating_reports'));
  const result = await createQuarterlyReports({ db: ctx.db, jobs: ctx.jobs }, SYSTEM_ACTOR, { requestId: `job:${ctx.job.id}` });
  await ctx.progress(100, jobStep('reports_queued', { created: result.created }));
  return result;
};
