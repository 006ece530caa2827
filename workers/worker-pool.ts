import { Worker, type Job } from 'bullmq';
import { eq, sql } from 'drizzle-orm';
import { jobRuns } from '../db/schema';
import type Redis from 'ioredis';
import { JOB_CATALOG, QUEUES, type JobName } from './jobs/catalog';
import { giveUpJob } from './jobs/give-up';
import type { JobClient } from './queues/job-client';
import { runJob, type HandlerMap, type WorkerDeps } from './runtime';
import { SCHEDULES } from './schedules';
import { jobStep } from '../server/domain/job-steps';

/** BullMQ's reason for a job whose workers died more often than maxStalledCount allows. */
const STALL_LIMIT = 'job stalled more than allowable limit';

/** The job is failed without its handler running: job_runs and the job's subject must say so. */
async function giveUpStalled(job: Job, deps: WorkerDeps): Promise<void> {
  const title = JOB_CATALOG[job.name as JobName]?.title ?? job.name;
  const reason = `${title} stopped: its worker died during each attempt (killed, or out of memory), so it was given up`;
  await deps.db.update(jobRuns).set({ status: 'failed', error: reason, finishedAt: new Date(), updatedAt: new Date() }).where(eq(jobRuns.jobId, job.id!));
  await giveUpJob(job, deps, reason);
}

export interface WorkerPool {
  workers: Worker[];
  close(): Promise<void>;
}

/** One BullMQ worker per queue, all dispatching through runJob. Used by main.ts and by tests. */
export async function startWorkerPool(opts: {
  connection: Redis;
  prefix: string;
  deps: WorkerDeps;
  handlers: HandlerMap;
  concurrency: number;
  schedules?: boolean;
  lockMs?: number;
}): Promise<WorkerPool> {
  const workers = QUEUES.map(
    (queue) =>
      new Worker(queue, (job) => runJob(job, opts.handlers, opts.deps), {
        connection: opts.connection,
        prefix: opts.prefix,
        concurrency: queue === 'maintenance' ? 2 : opts.concurrency,
        // A killed worker's job is picked up again after the lock expires.
        lockDuration: opts.lockMs ?? 30_000,
        stalledInterval: Math.max(1000, Math.floor((opts.lockMs ?? 30_000) / 2)),
        maxStalledCount: 2,
      }),
  );
  for (const w of workers) {
    w.on('error', (err) => opts.deps.log.warn({ err: err.message }, 'worker connection error'));
    // A worker died holding a job (kill -9, lost machine): BullMQ hands it to another; say so in job_runs.
    w.on('stalled', (jobId) => {
      void opts.deps.db.update(jobRuns)
        .set({ interruptions: sql`${jobRuns.interruptions} + 1`, step: jobStep('worker_stopped'), updatedAt: new Date() })
        .where(eq(jobRuns.jobId, jobId)).catch(() => undefined);
    });
    w.on('failed', (job, err) => {
      if (job && err.message === STALL_LIMIT) {
        giveUpStalled(job, opts.deps).catch((e: Error) => opts.deps.log.warn({ jobId: job.id, err: e.message }, 'could not record a job given up after stalls'));
      }
    });
  }
  if (opts.schedules) await upsertSchedules(opts.deps.jobs);
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

async function upsertSchedules(jobs: JobClient): Promise<void> {
  for (const s of SCHEDULES) {
    const queue = jobs.queues[JOB_CATALOG[s.job].queue];
    await queue.upsertJobScheduler(s.id, { pattern: s.pattern, tz: 'UTC' }, { name: s.job, data: {}, opts: { attempts: JOB_CATALOG[s.job].attempts } });
  }
}
