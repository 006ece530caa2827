import { Worker } from 'bullmq';
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
}): Promise<WorkerPool> {
  const workers = QUEUES.map(
    (queue) =>
      new Worker(queue, (job) => runJob(job, opts.handlers, opts.deps), {
        connection: opts.connection,
        prefix: opts.prefix,
        concurrency: queue === 'maintenance' ? 2 : opts.concurrency,
        // A killed worker's job is picked up again after the lock expires.
        lockDuration: 30_000,
        stalledInterval: 15_000,
        maxStalledCount: 2,
      }),
  );
  for (const w of workers) w.on('error', (err) => opts.deps.log.warn({ err: err.message }, 'worker connection error'));
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
