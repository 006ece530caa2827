import { Worker } from 'bullmq';
import { eq, sql } from 'drizzle-orm';
import { jobRuns } from '../db/schema';
import type Redis from 'ioredis';
import { JOB_CATALOG, QUEUES } from './jobs/catalog';
import type { JobClient } from './queues/job-client';
import { runJob, type HandlerMap, type WorkerDeps } from './runtime';
import { SCHEDULES } from './schedules';

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
        .set({ interruptions: sql`${jobRuns.interruptions} + 1`, step: 'A worker stopped mid-job; resumed by another', updatedAt: new Date() })
        .where(eq(jobRuns.jobId, jobId)).catch(() => undefined);
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
