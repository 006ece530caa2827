import type { JobHandler } from '../runtime';
import { jobStep } from '../../server/domain/job-steps';

/**
 * A diagnostic an admin can start from the jobs view: it fails its first `failTimes` attempts on
 * purpose, so one can watch retries, backoff and the failure reasons recorded in job_runs.
 */
export const selfTestJob: JobHandler<'jobs.self-test'> = async (payload, ctx) => {
  const attempt = ctx.job.attemptsMade + 1;
  await ctx.progress(50, jobStep('attempt', { attempt }));
  if (attempt <= payload.failTimes) {
    throw new Error(`Self-test failure ${attempt} of ${payload.failTimes} (as requested)`);
  }
  return { attempts: attempt };
};
