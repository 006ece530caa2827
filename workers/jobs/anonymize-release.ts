import { UnrecoverableError } from 'bullmq';
import { RunFailure } from '../../server/services/anonymization/run-failure';
import { runAnonymization } from '../../server/services/anonymization/run-anonymization';
import type { JobHandler } from '../runtime';

/** Anonymizes a release's combined records under the run's policy snapshot (logic in the service). */
export const anonymizeReleaseJob: JobHandler<'anonymization.run'> = async ({ runId }, ctx) => {
  const attempts = ctx.job.opts.attempts ?? 1;
  try {
    return await runAnonymization({
      db: ctx.db, pool: ctx.pool, blobs: ctx.blobs, log: ctx.log, meta: { requestId: `job:${ctx.job.id}` },
      progress: (percent, step) => ctx.progress(percent, step),
      finalAttempt: ctx.job.attemptsMade + 1 >= attempts,
    }, runId);
  } catch (error) {
    if (error instanceof RunFailure) throw new UnrecoverableError(error.message);
    throw error;
  }
};
