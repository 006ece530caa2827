import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jobRuns } from '../../db/schema';
import { JOB_CATALOG, QUEUES, type JobName, type JobPayload, type QueueName } from '../jobs/catalog';

export interface EnqueueOptions {
  /** Deterministic: the same logical job enqueued twice is one job. No ':' allowed. */
  jobId: string;
  entity?: { type: string; id: string };
  requestedBy?: string | null;
}

/** Type-checked enqueueing against the catalog, mirrored in job_runs before the job exists. */
export class JobClient {
  readonly queues: Record<QueueName, Queue>;

  constructor(private readonly db: Db, connection: Redis, readonly prefix: string) {
    this.queues = Object.fromEntries(QUEUES.map((q) => [q, new Queue(q, { connection, prefix })])) as Record<QueueName, Queue>;
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, opts: EnqueueOptions): Promise<string> {
    const def = JOB_CATALOG[name];
    const data = def.payload.parse(payload);
    const jobId = opts.jobId.replace(/:/g, '-');
    await this.db
      .insert(jobRuns)
      .values({
        jobId, queue: def.queue, name, maxAttempts: def.attempts, status: 'queued',
        entityType: opts.entity?.type ?? null, entityId: opts.entity?.id ?? null, requestedBy: opts.requestedBy ?? null,
      })
      .onConflictDoUpdate({ target: jobRuns.jobId, set: { updatedAt: sql`now()` } });
    await this.queues[def.queue].add(name, data, {
      jobId,
      attempts: def.attempts,
      backoff: def.backoffMs ? { type: 'exponential', delay: def.backoffMs } : undefined,
      removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    return jobId;
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
  }
}
