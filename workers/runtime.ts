import { UnrecoverableError, type Job } from 'bullmq';
import { eq, sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import type { Db } from '../db/client';
import { jobRuns } from '../db/schema';
import type { Config } from '../server/config';
import type { BlobStore } from '../server/storage/blob-store';
import type { Logger } from '../server/logger';
import { JOB_CATALOG, type JobName, type JobPayload } from './jobs/catalog';
import { giveUpJob } from './jobs/give-up';
import type { JobClient } from './queues/job-client';
import { type StepText } from '../server/domain/job-steps';

export interface JobContext {
  db: Db;
  /** For work that needs one connection of its own (COPY inside a transaction). */
  pool: Pool;
  cfg: Config;
  blobs: BlobStore;
  jobs: JobClient;
  log: Logger;
  job: Job;
  /** Live progress: mirrored to BullMQ and to the job_runs row the UI polls. */
  progress(percent: number, step: StepText): Promise<void>;
}

export type JobResult = Record<string, unknown> | void;
export type JobHandler<N extends JobName> = (payload: JobPayload<N>, ctx: JobContext) => Promise<JobResult>;
export type HandlerMap = { [N in JobName]: JobHandler<N> };

export type WorkerDeps = Omit<JobContext, 'job' | 'progress' | 'log'> & { log: Logger };

/** Runs one job: validates its payload, keeps job_runs in step, and says why it failed. */
export async function runJob(job: Job, handlers: HandlerMap, deps: WorkerDeps): Promise<JobResult> {
  const name = job.name as JobName;
  const def = JOB_CATALOG[name];
  if (!def) throw new UnrecoverableError(`Unknown job type ${job.name}`);
  const jobId = job.id!;
  const attempt = job.attemptsMade + 1;
  // Scheduled jobs did not pass through JobClient: their row is created here.
  await deps.db
    .insert(jobRuns)
    .values({ jobId, queue: def.queue, name, maxAttempts: def.attempts, status: 'active', attempts: attempt, startedAt: new Date() })
    .onConflictDoUpdate({
      target: jobRuns.jobId,
      set: { status: 'active', attempts: attempt, startedAt: sql`coalesce(${jobRuns.startedAt}, now())`, updatedAt: sql`now()` },
    });
  const log = deps.log.child({ jobId, job: name, attempt });
  let lastWrite = 0;
  const ctx: JobContext = {
    ...deps,
    log,
    job,
    async progress(percent, step) {
      const pct = Math.max(0, Math.min(100, Math.round(percent)));
      await job.updateProgress({ percent: pct, step });
      // Throttle row updates; always write step changes and completion.
      const now = Date.now();
      if (now - lastWrite > 250 || pct === 100) {
        lastWrite = now;
        await deps.db.update(jobRuns).set({ progress: pct, step, updatedAt: new Date() }).where(eq(jobRuns.jobId, jobId));
      }
    },
  };
  try {
    const parsed = def.payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`Invalid payload for ${name}: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    const handler = handlers[name] as JobHandler<JobName>;
    const result = await handler(parsed.data as JobPayload<JobName>, ctx);
    await deps.db
      .update(jobRuns)
      .set({ status: 'completed', progress: 100, error: null, result: result ?? null, finishedAt: new Date(), updatedAt: new Date() })
      .where(eq(jobRuns.jobId, jobId));
    log.info('job completed');
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const final = err instanceof UnrecoverableError || attempt >= (job.opts.attempts ?? def.attempts);
    await deps.db
      .update(jobRuns)
      .set({
        status: final ? 'failed' : 'retrying',
        error: final ? message : `Attempt ${attempt} failed: ${message}; retrying`,
        finishedAt: final ? new Date() : null,
        updatedAt: new Date(),
      })
      .where(eq(jobRuns.jobId, jobId))
      .catch(() => undefined);
    log.warn({ final }, 'job failed');
    if (final) {
      // Our own refusals carry a readable reason; anything else may quote data, so it stays in job_runs.
      const why = err instanceof UnrecoverableError ? message : `an internal error (job ${jobId} in the jobs view has the details)`;
      await giveUpJob(job, deps, `${def.title} stopped after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${why}`);
    }
    throw err;
  }
}
