import type { Job } from 'bullmq';
import { eq } from 'drizzle-orm';
import { submissions } from '../../db/schema';
import { SYSTEM_ACTOR } from '../../server/auth/actor';
import { AppError } from '../../server/errors/app-error';
import { failRun } from '../../server/services/anonymization/run-anonymization';
import { failReport } from '../../server/services/publication/build-contribution-report';
import { failPublication } from '../../server/services/publication/fail-publication';
import { transitionSubmission } from '../../server/services/submissions/submission-workflow';
import type { WorkerDeps } from '../runtime';
import { JOB_CATALOG, type JobName, type JobPayload } from './catalog';
import { flowIdOf } from './publish-step';

type GiveUp<N extends JobName> = (payload: JobPayload<N>, deps: WorkerDeps, job: Job, reason: string) => Promise<unknown>;

const meta = (job: Job) => ({ requestId: `job:${job.id}` });

async function failSubmission(deps: WorkerDeps, job: Job, submissionId: string, reason: string) {
  await transitionSubmission(deps.db, SYSTEM_ACTOR, meta(job), submissionId, 'fail', {
    reason,
    async effect(tx) {
      await tx.update(submissions).set({ failureReason: reason, failureDetails: { code: 'job_given_up', jobId: job.id ?? null } })
        .where(eq(submissions.id, submissionId));
    },
  });
}

/**
 * What becomes of a job's subject when BullMQ gives the job up for good (last attempt failed, or
 * its worker died more often than the stall limit allows): the submission, run, publication or
 * report is failed with the reason, so nothing waits forever in a working state. Handlers that
 * already failed their subject make this a no-op (the transition finds it moved on).
 */
const GIVE_UP: { [N in JobName]?: GiveUp<N> } = {
  'submissions.profile': ({ submissionId }, deps, job, reason) => failSubmission(deps, job, submissionId, reason),
  'submissions.harmonize': ({ submissionId }, deps, job, reason) => failSubmission(deps, job, submissionId, reason),
  'anonymization.run': ({ runId }, deps, job, reason) => failRun({ db: deps.db, log: deps.log, meta: meta(job) }, runId, reason),
  'releases.publish': ({ releaseId }, deps, job, reason) => failPublication(deps.db, releaseId, reason, meta(job), { flowId: job.id!, currentJobId: job.id! }),
  'releases.artifact': ({ releaseId, kind }, deps, job, reason) =>
    failPublication(deps.db, releaseId, reason, meta(job), { flowId: flowIdOf(job.id!, kind), currentJobId: job.id! }),
  'reports.contribution': ({ reportId }, deps, _job, reason) => failReport(deps.db, reportId, reason),
};

export async function giveUpJob(job: Job, deps: WorkerDeps, reason: string): Promise<void> {
  const name = job.name as JobName;
  const hook = GIVE_UP[name] as GiveUp<JobName> | undefined;
  const parsed = JOB_CATALOG[name]?.payload.safeParse(job.data);
  if (!hook || !parsed?.success) return;
  try {
    await hook(parsed.data as JobPayload<JobName>, deps, job, reason);
  } catch (err) {
    if (err instanceof AppError && (err.code === 'conflict' || err.code === 'not_found')) return;
    deps.log.warn({ jobId: job.id, err: (err as Error).message }, 'could not record that the job was given up');
  }
}
